import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'

// The downloads' HTTP transport: node:http(s) directly, its response body a Node stream
// that the downloader pipes to the `.part` file (download-body.ts). An earlier version
// wrapped it as a `fetch` Response (`Readable.toWeb`), which cost a promise per chunk
// and the web-streams adapter: a profile put that layer, its copies and their GC at about
// a third of a download's CPU (the 2026-12 review). It never follows redirects (the
// downloader checks every hop itself), never sends cookies or credentials, and sends only
// the headers it is given.

/** What the downloader needs of an HTTP answer. */
export interface MediaResponse {
  status: number
  headers: Headers
  /** The body, paused until piped; null when the answer has none. */
  body: Readable | null
}

export interface MediaRequestInit {
  headers: Record<string, string>
  signal: AbortSignal
}

export type MediaRequest = (url: URL, init: MediaRequestInit) => Promise<MediaResponse>

export const nodeMediaRequest: MediaRequest = (url, init) =>
  new Promise<MediaResponse>((resolve, reject) => {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      reject(new TypeError(`unsupported protocol ${url.protocol}`))
      return
    }
    if (init.signal.aborted) {
      reject(init.signal.reason)
      return
    }
    // Not a static import: an ES-module import of node:http copies all its exports, and
    // its lazy WebSocket getters load undici, about 20 ms of every CLI start (issue 14 §6).
    const send =
      url.protocol === 'https:'
        ? process.getBuiltinModule('node:https').request
        : process.getBuiltinModule('node:http').request
    const req = send(url, { method: 'GET', headers: init.headers, signal: init.signal })
    req.once('error', reject)
    req.once('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 502
      const headers = new Headers()
      for (const [key, value] of Object.entries(res.headers)) {
        if (value === undefined) continue
        for (const item of Array.isArray(value) ? value : [value]) headers.append(key, item)
      }
      const bodiless = status === 204 || status === 205 || status === 304
      if (bodiless) res.resume()
      resolve({ status, headers, body: bodiless ? null : res })
    })
    req.end()
  })

/** An injected `fetch` (tests, a proxy-aware client) as a MediaRequest: its web body is
 * turned into a Node stream once, here, so the receive path is the same for both. */
export function fetchMediaRequest(fetchImpl: typeof fetch): MediaRequest {
  return async (url, init) => {
    const response = await fetchImpl(url, {
      headers: init.headers,
      redirect: 'manual',
      credentials: 'omit',
      signal: init.signal
    })
    const body =
      response.body === null
        ? null
        : Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)
    return { status: response.status, headers: response.headers, body }
  }
}

/** Releases the connection of an answer whose body we will not read. */
export function discardBody(response: MediaResponse): void {
  response.body?.destroy()
}
