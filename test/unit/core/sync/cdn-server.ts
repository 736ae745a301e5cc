import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach } from 'vitest'

// A tiny CDN on 127.0.0.1 for the download tests: each test scripts the answers, the
// server records what it was asked and how many body bytes it sent.

export const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url))

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name))
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** `size` bytes that sniff as mp3 (the tiny.mp3 header) followed by a varied pattern. */
export function mp3Payload(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size)
  for (let i = 0; i < size; i++) out[i] = (i * 7919 + seed * 104729) % 251
  fixture('tiny.mp3').copy(out, 0, 0, Math.min(size, 4096))
  return out
}

export interface Recorded {
  method: string
  path: string
  headers: IncomingHttpHeaders
  status: number
  bytesSent: number
}

export type Handler = (req: IncomingMessage, res: ServerResponse, rec: Recorded) => void

export interface TestServer {
  origin: string
  url(path: string): string
  requests: Recorded[]
  close(): Promise<void>
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: Recorded[] = []
  const server = createServer((req, res) => {
    const rec: Recorded = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      status: 0,
      bytesSent: 0
    }
    requests.push(rec)
    res.on('finish', () => (rec.status = res.statusCode))
    res.on('close', () => (rec.status = res.statusCode))
    handler(req, res, rec)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Stalled test responses would otherwise keep the server open.
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export interface ServeOptions {
  contentType?: string
  etag?: string
  lastModified?: string
  /** Honour Range / If-Range (default true). */
  ranges?: boolean
  /** Send only this many body bytes, then destroy the socket. */
  cutAfter?: number
  /** Send this many body bytes, then go silent (the socket stays open). */
  stallAfter?: number
}

/** Serves `body` the way a CDN does: 200, or 206/416 for `Range: bytes=N-` when the
 * If-Range validator still matches (RFC 9110 §13.1.5). */
export function serveBytes(
  req: IncomingMessage,
  res: ServerResponse,
  rec: Recorded,
  body: Buffer,
  opts: ServeOptions = {}
): void {
  const headers: Record<string, string> = { 'content-type': opts.contentType ?? 'audio/mpeg' }
  if (opts.etag !== undefined) headers.etag = opts.etag
  if (opts.lastModified !== undefined) headers['last-modified'] = opts.lastModified
  let slice = body
  let status = 200
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '')
  const ifRange = req.headers['if-range']
  const validatorOk =
    ifRange === undefined || ifRange === opts.etag || ifRange === opts.lastModified
  if ((opts.ranges ?? true) && range !== null && validatorOk) {
    headers['accept-ranges'] = 'bytes'
    const start = Number(range[1])
    if (start >= body.length) {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${body.length}` })
      res.end()
      return
    }
    status = 206
    slice = body.subarray(start)
    headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`
  }
  res.writeHead(status, { ...headers, 'content-length': String(slice.length) })
  const limit = opts.cutAfter ?? opts.stallAfter
  if (limit === undefined) {
    rec.bytesSent = slice.length
    res.end(slice)
    return
  }
  rec.bytesSent = Math.min(limit, slice.length)
  res.write(slice.subarray(0, limit), () => {
    if (opts.cutAfter !== undefined) res.destroy()
  })
}

export interface DownloadSandbox {
  /** A fresh temp folder for this test. */
  readonly dir: string
  /** Starts this test's server; it is closed after the test. */
  serve(handler: Handler): Promise<TestServer>
}

/** A temp folder and at most one server per test, both cleaned up after it. */
export function useDownloadSandbox(prefix: string): DownloadSandbox {
  let dir = ''
  let server: TestServer | null = null
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix))
  })
  afterEach(async () => {
    await server?.close()
    server = null
    await rm(dir, { recursive: true, force: true })
  })
  return {
    get dir(): string {
      return dir
    },
    serve: async (handler) => (server = await startServer(handler))
  }
}
