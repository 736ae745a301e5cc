import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { Readable } from 'node:stream'

// The downloads' HTTP transport: node:http(s) wrapped as a minimal `fetch`. On loopback
// it moves media about twice as fast as the global fetch (undici), whose per-chunk cost
// made it the bottleneck of large downloads (docs/PERFORMANCE.md). It never follows
// redirects (the downloader checks every hop itself), never sends cookies or credentials,
// and sends only the headers it is given.

const SOCKET_READ_BYTES = 256 * 1024

export const nodeFetch: typeof fetch = (input, init = {}) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      reject(new TypeError(`unsupported protocol ${url.protocol}`))
      return
    }
    const signal = init.signal ?? undefined
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const headers: Record<string, string> = {}
    new Headers(init.headers).forEach((value, key) => (headers[key] = value))
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const req = send(url, { method: init.method ?? 'GET', headers, signal })
    req.once('error', reject)
    req.once('response', (res: IncomingMessage) => {
      try {
        resolve(toResponse(res, init.method))
      } catch (error) {
        res.destroy()
        reject(error)
      }
    })
    req.end()
  })

function toResponse(res: IncomingMessage, method: string | undefined): Response {
  const responseHeaders = new Headers()
  for (const [key, value] of Object.entries(res.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(key, item)
  }
  // Response() only takes 200–599; anything else is a broken server.
  const raw = res.statusCode ?? 502
  const status = raw >= 200 && raw <= 599 ? raw : 502
  const nullBody = status === 204 || status === 205 || status === 304 || method === 'HEAD'
  const body = nullBody
    ? null
    : (Readable.toWeb(res.pause(), {
        strategy: { highWaterMark: SOCKET_READ_BYTES, size: (chunk) => chunk.byteLength }
      }) as ReadableStream<Uint8Array>)
  if (nullBody) res.resume()
  return new Response(body, { status, headers: responseHeaders })
}
