import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { dispatch } from '../main/core/app/dispatch'
import type { SongshelfCore } from '../main/core/app/create-core'
import { CONTENT_SECURITY_POLICY } from '../main/security'
import {
  assertStrongToken,
  FailedAuthLimiter,
  hostAllowed,
  isJsonContentType,
  sameToken
} from './guard'
import { serveStatic } from './static-files'
import { UPLOAD_LIMITS, UploadStaging } from './upload'

// The web preview's stand-in for IPC: the built renderer plus the real core behind
// loopback HTTP. Every call and every media request needs the token; it binds to
// 127.0.0.1 only, answers only requests addressed to that address and port (Host), slows
// token guessing down (guard.ts), takes calls only as application/json, and sends the CSP
// header with every file it serves.

const MAX_BODY = 4 * 1024 * 1024

export interface PreviewServer {
  url: string
  token: string
  server: Server
  close(): Promise<void>
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => (headers[key] = value))
  res.writeHead(response.status, headers)
  if (!response.body) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  res.on('close', () => void reader.cancel().catch(() => undefined))
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve))
    }
  } catch {
    // The browser went away mid-stream (a seek cancels the old request).
  }
  res.end()
}

export async function startPreviewServer(options: {
  core: SongshelfCore
  rendererDir: string
  port?: number
  /** At least MIN_TOKEN_LENGTH characters; a strong random one when left out. */
  token?: string
  /** The clock of the failed-attempt limiter (tests move it on). */
  now?: () => number
  /** Failed token checks per window before 429 (default MAX_FAILURES). */
  maxFailedAuth?: number
}): Promise<PreviewServer> {
  if (options.token !== undefined) assertStrongToken(options.token)
  const token = options.token ?? randomBytes(24).toString('hex')
  const { core } = options
  const limiter = new FailedAuthLimiter(options.now, options.maxFailedAuth)
  let port = 0
  const staging = new UploadStaging()
  /** Which staged batch a previewed import reads, so the batch goes once it has run. */
  const planBatches = new Map<string, string>()
  /** The token check shared by every route: false means an answer was already sent. */
  const authorized = (res: ServerResponse, given: string): boolean => {
    const wait = limiter.retryAfterSec()
    if (wait > 0) {
      res.writeHead(429, { 'Retry-After': String(wait) }).end()
      return false
    }
    if (sameToken(given, token)) return true
    limiter.fail()
    res.writeHead(401).end()
    return false
  }
  // Not a static import: an ES-module import of node:http copies all its exports, and its
  // lazy WebSocket getters load undici before the server can listen (as in
  // core/sync/http-transport.ts; 250 ms of a start under load, issue 14 §1).
  const server = process.getBuiltinModule('node:http').createServer((req, res) => {
    void route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page on evil.example that resolves to 127.0.0.1 is same-origin
    // with itself, not with us; its requests carry its own name in Host.
    if (!hostAllowed(req.headers.host, port)) return void res.writeHead(421).end()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return void res.writeHead(405, { Allow: 'POST' }).end()
      if (!authorized(res, String(req.headers['x-songshelf-token'] ?? ''))) return
      if (!isJsonContentType(req.headers['content-type'])) {
        req.resume()
        return void res.writeHead(415, { Accept: 'application/json' }).end()
      }
      const body = await readBody(req)
      let payload: unknown = null
      try {
        payload = body ? (JSON.parse(body) as unknown) : null
      } catch {
        payload = Symbol('invalid json')
      }
      const name = url.pathname.slice('/api/call/'.length)
      const result =
        typeof payload === 'symbol' || body === null
          ? { ok: false, error: { code: 'invalid_request', message: 'Invalid request.' } }
          : await dispatch(core.handlers, name, payload ?? undefined)
      await followStaging(name, payload, result)
      const text = JSON.stringify(result)
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      return void res.end(text)
    }
    if (url.pathname.startsWith('/api/upload/')) {
      if (req.method !== 'POST') return void res.writeHead(405, { Allow: 'POST' }).end()
      if (!authorized(res, String(req.headers['x-songshelf-token'] ?? ''))) return
      // Like the calls: a type a cross-origin page cannot send without a preflight.
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
      if (type !== 'application/octet-stream') {
        req.resume()
        return void res.writeHead(415, { Accept: 'application/octet-stream' }).end()
      }
      if (Number(req.headers['content-length'] ?? 0) > UPLOAD_LIMITS.fileBytes) {
        req.resume()
        return void res.writeHead(413).end()
      }
      const outcome = await staging.receive(
        url.pathname.slice('/api/upload/'.length),
        url.searchParams.get('name') ?? '',
        req
      )
      res.writeHead(outcome.ok ? 200 : outcome.status, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store'
      })
      return void res.end(JSON.stringify(outcome.ok ? { path: outcome.path } : outcome))
    }
    if (url.pathname === '/api/events') {
      if (!authorized(res, url.searchParams.get('token') ?? '')) return
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive'
      })
      res.write(': connected\n\n')
      const unsubscribe = core.events.subscribe((event, payload) => {
        res.write(`data: ${JSON.stringify({ event, payload })}\n\n`)
      })
      req.on('close', unsubscribe)
      return
    }
    if (url.pathname.startsWith('/media/')) {
      if (!authorized(res, url.searchParams.get('token') ?? '')) return
      // `new Request()` throws on TRACE, TRACK and CONNECT; answer them as the handler would.
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return void res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      }
      const headers = new Headers()
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(key, value)
      }
      const request = new Request(url, {
        method: req.method === 'HEAD' ? 'HEAD' : req.method,
        headers
      })
      return sendResponse(res, await core.media(request))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end()
    // Every spelling of the page (`/%69ndex.html`, `/index.html/`) resolves to the same
    // file, so the policy goes on every static answer rather than on two paths.
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    serveStatic(options.rendererDir, url.pathname, res)
  }

  /** Staged uploads are kept from the preview that reads them until the import ran. */
  async function followStaging(name: string, payload: unknown, result: unknown): Promise<void> {
    const answer = result as { ok: boolean; value?: { planId?: unknown } }
    const args = (payload ?? {}) as { paths?: unknown; planId?: unknown }
    if (name === 'previewImport' && answer.ok && Array.isArray(args.paths)) {
      const batch = staging.batchOf(args.paths.filter((p): p is string => typeof p === 'string'))
      const planId = answer.value?.planId
      if (batch !== null && typeof planId === 'string') planBatches.set(planId, batch)
    }
    if (name === 'runImport' && typeof args.planId === 'string') {
      const batch = planBatches.get(args.planId)
      if (batch !== undefined && answer.ok) {
        planBatches.delete(args.planId)
        await staging.release(batch)
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }).then(() => staging.close())
  }
}
