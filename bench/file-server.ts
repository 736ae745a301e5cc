import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

// A loopback server with one big "mp3", generated while it is sent (an ID3 header and an
// MPEG frame, then a random 1 MiB block over and over), so no copy of it sits on disk.
// `?bytes=N` serves a shorter one (the downloader's warm-up).

const BLOCK = 1024 * 1024
const HEAD = Buffer.from([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64])
/** A path ending in .mp4 gets an ftyp box first and video/mp4; .jpg a JPEG start. */
const MP4_HEAD = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypisom'),
  Buffer.alloc(12)
])
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])

export interface FileServer {
  url: string
  close(): Promise<void>
}

export async function startFileServer(size: number): Promise<FileServer> {
  const block = randomBytes(BLOCK)
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
    const pump = (): void => {
      while (sent < total) {
        const chunk = (sent === 0 ? first : block).subarray(0, Math.min(BLOCK, total - sent))
        sent += chunk.length
        if (!res.write(chunk)) {
          res.once('drain', pump)
          return
        }
      }
      res.end()
    }
    res.on('close', () => res.removeAllListeners('drain'))
    pump()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/song.mp3`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
