import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

// A loopback server with one big "mp3", generated while it is sent (an ID3 header and an
// MPEG frame, then a random 1 MiB block over and over), so no copy of it sits on disk.
// `?bytes=N` serves a shorter one (the downloader's warm-up). With a `Pace` it behaves
// like a CDN across the internet instead of loopback: latency, then a bandwidth cap.

const BLOCK = 1024 * 1024
const HEAD = Buffer.from([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64])
/** A path ending in .mp4 gets an ftyp box first and video/mp4; .jpg a JPEG start. */
const MP4_HEAD = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypisom'),
  Buffer.alloc(12)
])
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])

/** A CDN's pace: each answer starts after `latencyMs`, and each connection sends at most
 * `bytesPerSecond` (a token bucket per socket, refilled continuously). */
export interface Pace {
  latencyMs: number
  bytesPerSecond: number
}

/** Written per step while paced. */
const PACE_CHUNK = 64 * 1024
/** The bucket's depth: a timer that fires late sends what accrued meanwhile, up to this
 * much of the connection's time, so a busy machine does not slow the "network". */
const PACE_BURST_MS = 100

export interface FileServer {
  url: string
  origin: string
  close(): Promise<void>
}

export async function startFileServer(size: number, pace?: Pace): Promise<FileServer> {
  const block = randomBytes(BLOCK)
  /** When each socket may send its next byte (ms, performance.now clock). */
  const nextFree = new WeakMap<object, number>()
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const asked = Number(url.searchParams.get('bytes') ?? size)
    const [head, type] = url.pathname.endsWith('.mp4')
      ? [MP4_HEAD, 'video/mp4']
      : url.pathname.endsWith('.jpg')
        ? [JPEG_HEAD, 'image/jpeg']
        : [HEAD, 'audio/mpeg']
    const first = Buffer.concat([head, block.subarray(head.length)])
    const total = Number.isFinite(asked) && asked > head.length ? asked : size
    res.writeHead(200, {
      'content-type': type,
      'content-length': total,
      'accept-ranges': 'bytes',
      etag: `"bench-${total}"`
    })
    let sent = 0
    let timer: ReturnType<typeof setTimeout> | null = null
    const chunkAt = (at: number): Buffer =>
      (at === 0 ? first : block).subarray(0, Math.min(pace ? PACE_CHUNK : BLOCK, total - at))
    const pump = (): void => {
      while (sent < total) {
        const chunk = chunkAt(sent)
        if (pace !== undefined) {
          const now = performance.now()
          const free = Math.max(now - PACE_BURST_MS, nextFree.get(req.socket) ?? now)
          if (free > now) {
            timer = setTimeout(pump, free - now)
            return
          }
          nextFree.set(req.socket, free + (chunk.length / pace.bytesPerSecond) * 1000)
        }
        sent += chunk.length
        if (!res.write(chunk)) {
          res.once('drain', pump)
          return
        }
      }
      res.end()
    }
    res.on('close', () => {
      res.removeAllListeners('drain')
      if (timer !== null) clearTimeout(timer)
    })
    if (pace === undefined) pump()
    else timer = setTimeout(pump, pace.latencyMs)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/song.mp3`,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
