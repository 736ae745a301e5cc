// Opening a media download: which URLs may be fetched, which headers go out, redirects
// followed by hand, and the timers that abort a silent server.

import { isLoopbackHost } from '../../../shared/loopback'
import { systemCode } from '../gateway/network-cause'
import { discardBody, type MediaRequest, type MediaResponse } from './http-transport'

export const MAX_REDIRECTS = 10

/** A URL we may download from, or null. https anywhere; plain http only to loopback (the
 * simulated CDN in tests). URLs carrying credentials are refused (RELIABILITY.md E1). */
export function parseDownloadUrl(raw: string): URL | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.username !== '' || url.password !== '') return null
  return allowedScheme(url) ? url : null
}

function allowedScheme(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))
}

/** Where a redirect may lead: resolved against the current URL, credentials stripped
 * (curl drops them on a host change; we never send any), no https → http downgrade
 * (RELIABILITY.md C6). */
export function redirectTarget(location: string, from: URL): URL | null {
  let next: URL
  try {
    next = new URL(location, from)
  } catch {
    return null
  }
  next.username = ''
  next.password = ''
  if (!allowedScheme(next)) return null
  if (from.protocol === 'https:' && next.protocol !== 'https:') return null
  return next
}

/** One AbortController for a whole download, tripped by the caller's signal or by a
 * timer. `timedOut` tells a timer abort from the caller's (app quitting). */
export class Watchdog {
  readonly signal: AbortSignal
  timedOut = false
  private readonly controller = new AbortController()
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly outer: AbortSignal | undefined) {
    this.signal = outer ? AbortSignal.any([outer, this.controller.signal]) : this.controller.signal
  }

  get aborted(): boolean {
    return this.outer?.aborted === true
  }

  arm(ms: number): void {
    this.disarm()
    this.timer = setTimeout(() => this.fire(), ms)
  }

  disarm(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.idleMs = 0
  }

  /** Idle mode for a streaming body: one timer for the whole transfer, pushed forward by
   * `touch()` (a timer per chunk costs more than the chunk itself at loopback speed). */
  watchIdle(ms: number): void {
    this.disarm()
    this.idleMs = ms
    this.lastActivity = performance.now()
    this.timer = setTimeout(() => this.checkIdle(), ms)
  }

  touch(): void {
    this.lastActivity = performance.now()
  }

  private idleMs = 0
  private lastActivity = 0

  private checkIdle(): void {
    const quiet = performance.now() - this.lastActivity
    if (quiet >= this.idleMs) this.fire()
    else this.timer = setTimeout(() => this.checkIdle(), this.idleMs - quiet)
  }

  private fire(): void {
    this.timer = null
    this.timedOut = true
    this.controller.abort(new Error('timed out'))
  }
}

export type Opened =
  | { ok: true; response: MediaResponse; url: URL }
  | { ok: false; code: 'invalid_url' | 'network' | 'timeout' | 'aborted'; detail: string }

/** Fetches `url`, following at most `MAX_REDIRECTS` redirects by hand so each hop is
 * checked. Only the headers given here go out: no Authorization and no cookies, ever —
 * media comes from CDNs and the API key belongs to the gateway origin only. The timer
 * covers connect plus waiting for the response headers of each hop. */
export async function openFollowingRedirects(
  url: URL,
  headers: Record<string, string>,
  deps: { request: MediaRequest; watchdog: Watchdog; connectTimeoutMs: number }
): Promise<Opened> {
  let current = url
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: MediaResponse
    deps.watchdog.arm(deps.connectTimeoutMs)
    try {
      response = await deps.request(current, { headers, signal: deps.watchdog.signal })
    } catch (error) {
      if (deps.watchdog.aborted) return { ok: false, code: 'aborted', detail: 'stopped' }
      if (deps.watchdog.timedOut) return { ok: false, code: 'timeout', detail: 'no answer' }
      return { ok: false, code: 'network', detail: describeNetworkError(error) }
    } finally {
      deps.watchdog.disarm()
    }
    if (response.status < 300 || response.status > 399 || response.status === 304) {
      return { ok: true, response, url: current }
    }
    discardBody(response)
    const location = response.headers.get('location')
    const next = location === null ? null : redirectTarget(location, current)
    if (next === null) return { ok: false, code: 'invalid_url', detail: 'bad redirect' }
    current = next
  }
  return { ok: false, code: 'invalid_url', detail: `more than ${MAX_REDIRECTS} redirects` }
}

/** The system's reason (ECONNREFUSED, ENOTFOUND, ECONNRESET, a TLS code…): node:http
 * rejects with the system error itself, an injected fetch wraps it in `cause`; both are
 * read, the error first. */
function describeNetworkError(error: unknown): string {
  return systemCode(error) ?? 'connection failed'
}

/** `Content-Range: bytes a-b/N` (N may be a star), or `bytes star/N` from a 416. */
export function parseContentRange(
  value: string | null
): { start: number | null; end: number | null; total: number | null } | null {
  if (value === null) return null
  const m = /^\s*bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)\s*$/i.exec(value)
  if (m === null) return null
  const num = (s: string | undefined): number | null =>
    s === undefined || s === '*' ? null : Number(s)
  return { start: num(m[1]), end: num(m[2]), total: num(m[3]) }
}

/** A Content-Length we can trust for counting, or null. With a non-identity
 * Content-Encoding fetch hands us decoded bytes, so the header would not match them. */
export function bodyLength(headers: Headers): number | null {
  const encoding = headers.get('content-encoding')
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') return null
  const value = headers.get('content-length')
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null
  return Number(value)
}

/** A Content-Type that already says "not media": a web page or a JSON error (E2). */
export function refusedContentType(value: string | null): 'html' | 'json' | null {
  const type = (value ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html'
  if (type === 'application/json' || type.endsWith('+json')) return 'json'
  return null
}
