// Draws the app icon (resources/icon.png, 1024×1024) without any image tool: a rounded
// violet square with four "records on a shelf" bars. Run: node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 1024
const px = Buffer.alloc(SIZE * SIZE * 4)

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}

const bars = [
  { x: 262, w: 96, top: 330 },
  { x: 398, w: 96, top: 250 },
  { x: 534, w: 96, top: 370 },
  { x: 670, w: 96, top: 290 }
]
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const i = (y * SIZE + x) * 4
    if (!inRoundedRect(x, y, 48, 48, SIZE - 48, SIZE - 48, 200)) continue
    const t = (x + y) / (2 * SIZE)
    let [r, g, b] = [109 + (72 - 109) * t, 74 + (40 - 74) * t, 255 + (190 - 255) * t]
    const onBar = bars.some((bar) => inRoundedRect(x, y, bar.x, bar.top, bar.x + bar.w, 740, 28))
    const onShelf = inRoundedRect(x, y, 220, 770, 804, 810, 20)
    if (onBar || onShelf) [r, g, b] = [255, 255, 255]
    px[i] = Math.round(r)
    px[i + 1] = Math.round(g)
    px[i + 2] = Math.round(b)
    px[i + 3] = 255
  }
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
for (let y = 0; y < SIZE; y++)
  px.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc = (buf) => {
  let c = 0xffffffff
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type), data])
  const sum = Buffer.alloc(4)
  sum.writeUInt32BE(crc(body))
  return Buffer.concat([len, body, sum])
}
const ihdr = Buffer.alloc(13)
ihdr.writeUInt32BE(SIZE, 0)
ihdr.writeUInt32BE(SIZE, 4)
ihdr.set([8, 6, 0, 0, 0], 8)
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0))
])
mkdirSync('resources', { recursive: true })
mkdirSync('build', { recursive: true })
writeFileSync('resources/icon.png', png)
writeFileSync('build/icon.png', png)
console.log(`icon: ${png.length} bytes`)
