import { gatewayErrorFromResponse } from './error-envelope'
import { GatewayError } from './errors'
import { classifyNetworkFailure } from './network-cause'
import type { HttpSettings } from './http-settings'
import { asFields, field } from './normalize-values'

// One call to the gateway API: key only to the gateway origin, redirects followed by
// hand, connect and idle deadlines, and every answer checked before it is parsed
// (GATEWAY.md#routes and #errors: HTML with 200, proxies' HTML 5xx, huge bodies).

export const BATCH_PATH = '/suno/fetch'
export const singleTaskPath = (id: string): string => `/suno/fetch/${encodeURIComponent(id)}`

const MAX_REDIRECTS = 5
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

export interface GatewayCall {
  method: 'GET' | 'POST'
  path: string
  json?: unknown
  signal?: AbortSignal
}

/** Performs the call and returns the envelope's `data` when `code` is "success". */
export async function callGateway(call: GatewayCall, http: HttpSettings): Promise<unknown> {
  const controller = new AbortController()
  const signal = call.signal ? AbortSignal.any([call.signal, controller.signal]) : controller.signal
  let timedOut: 'connect' | 'idle' | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const arm = (kind: 'connect' | 'idle', ms: number): void => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      timedOut = kind
      controller.abort(new Error(`${kind} timeout`))
    }, ms)
  }
  try {
    const res = await send(call, http, signal, () => arm('connect', http.connectTimeoutMs))
    arm('idle', http.idleTimeoutMs)
    return await readAnswer(res, http, controller, () => arm('idle', http.idleTimeoutMs))
  } catch (err) {
    if (err instanceof GatewayError) throw err
    if (timedOut === 'connect') {
      throw new GatewayError(
        'timeout',
        `The gateway did not answer within ${seconds(http.connectTimeoutMs)}. Songshelf will retry.`,
        { cause: err }
      )
    }
    if (timedOut === 'idle') {
      throw new GatewayError(
        'timeout',
        `The gateway stopped sending data for ${seconds(http.idleTimeoutMs)}. Songshelf will retry.`,
        { cause: err }
      )
    }
    if (call.signal?.aborted === true) throw call.signal.reason
    throw new GatewayError(classifyNetworkFailure(err), undefined, { cause: err })
  } finally {
    clearTimeout(timer)
  }
}

/**
 * `redirect: 'manual'` so the key never follows a redirect to another origin (curl's
 * rule, RELIABILITY.md C6). Same-origin hops keep method and body, except 303.
 */
async function send(
  call: GatewayCall,
  http: HttpSettings,
  signal: AbortSignal,
  armConnect: () => void
): Promise<Response> {
  const origin = new URL(http.baseUrl).origin
  let url = new URL(`${http.baseUrl}${call.path}`)
  let method: string = call.method
  let body = call.json === undefined ? undefined : JSON.stringify(call.json)
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = { accept: 'application/json' }
    // Without a key the gateway's own "未提供令牌" answer is the clearest message.
    if (http.apiKey !== '') headers.authorization = `Bearer ${http.apiKey}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    armConnect()
    const res = await http.fetch(url, { method, headers, body, redirect: 'manual', signal })
    if (!REDIRECT_STATUSES.has(res.status)) return res
    void res.body?.cancel().catch(() => undefined)
    if (hop >= MAX_REDIRECTS) {
      throw new GatewayError(
        'not_gateway',
        'The gateway redirected too many times. Check the base URL in Settings.',
        { status: res.status }
      )
    }
    const next = resolveLocation(res.headers.get('location'), url)
    if (next === null || next.origin !== origin) {
      throw new GatewayError(
        'not_gateway',
        `The gateway redirected to another site${next === null ? '' : ` (${next.host})`}; ` +
          'Songshelf does not send your API key there. Check the base URL in Settings.',
        { status: res.status }
      )
    }
    if (res.status === 303) {
      method = 'GET'
      body = undefined
    }
    url = next
  }
}

function resolveLocation(location: string | null, base: URL): URL | null {
  if (location === null || location.trim() === '') return null
  try {
    return new URL(location, base)
  } catch {
    return null
  }
}

async function readAnswer(
  res: Response,
  http: HttpSettings,
  controller: AbortController,
  onBytes: () => void
): Promise<unknown> {
  const status = res.status
  const contentType = res.headers.get('content-type') ?? ''
  const context = {
    status,
    retryAfter: res.headers.get('retry-after'),
    now: http.now(),
    apiKey: http.apiKey
  }
  if (/text\/html|application\/xhtml/i.test(contentType)) {
    controller.abort()
    throw gatewayErrorFromResponse({ ...context, body: null, html: true })
  }
  const declared = Number(res.headers.get('content-length') ?? '')
  if (Number.isFinite(declared) && declared > http.maxBodyBytes) {
    controller.abort()
    throw tooLarge(http.maxBodyBytes, status)
  }
  const text = await readCapped(res, http.maxBodyBytes, controller, onBytes)
  const trimmed = text.replace(/^\uFEFF/, '').trimStart()
  if (!trimmed.startsWith('{')) {
    const html = trimmed.startsWith('<')
    if (html || status >= 400) throw gatewayErrorFromResponse({ ...context, body: null, html })
    throw new GatewayError('malformed', undefined, { status })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(trimmed)
  } catch (err) {
    if (status >= 400) throw gatewayErrorFromResponse({ ...context, body: null, html: false })
    throw new GatewayError('malformed', undefined, { status, cause: err })
  }
  const envelope = asFields(parsed)
  if (status >= 200 && status < 300 && field(envelope, 'code') === 'success') {
    return field(envelope, 'data')
  }
  throw gatewayErrorFromResponse({ ...context, body: parsed, html: false })
}

/** Streams the body, aborting as soon as it passes the cap (a huge answer never sits in memory). */
async function readCapped(
  res: Response,
  maxBytes: number,
  controller: AbortController,
  onBytes: () => void
): Promise<string> {
  if (res.body === null) return ''
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      controller.abort()
      throw tooLarge(maxBytes, res.status)
    }
    chunks.push(value)
    onBytes()
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}

function tooLarge(maxBytes: number, status: number): GatewayError {
  return new GatewayError(
    'malformed',
    `The gateway's answer was larger than ${Math.round(maxBytes / 1024 / 1024) || '<1'} MB, ` +
      'so Songshelf stopped reading it. Songshelf will retry.',
    { status }
  )
}

/**
 * The batch route is missing when the gateway answers 404/405/501, serves its web page
 * with 200 (new-api's NoRoute, GATEWAY.md#routes) or calls the URL itself invalid (OpenAI-style
 * `invalid_request_error` "Invalid URL" from routers in front of /v1).
 */
export function isMissingBatchRoute(err: unknown): boolean {
  if (!(err instanceof GatewayError) || err.code.startsWith('auth_')) return false
  const status = err.status ?? 0
  if (status === 404 || status === 405 || status === 501) return true
  if (err.code === 'not_gateway' && status >= 200 && status < 300) return true
  const words = `${err.gatewayCode ?? ''} ${err.detail ?? ''}`
  return err.code === 'bad_request' && /invalid_request|invalid url|no route|not found/i.test(words)
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`
}
