import { validateBaseUrl } from './base-url'
import { GatewayError } from './errors'

// What every gateway call needs, built once from the user's settings and checked before
// the key is sent anywhere.

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024

export interface GatewayHttpOptions {
  baseUrl: string
  apiKey: string
  fetch?: typeof fetch
  /** Until the response headers arrive. */
  connectTimeoutMs?: number
  /** Longest silence while the body streams. */
  idleTimeoutMs?: number
  maxBodyBytes?: number
  /** Clock for Retry-After dates. */
  now?: () => number
}

export interface HttpSettings {
  baseUrl: string
  apiKey: string
  fetch: typeof fetch
  connectTimeoutMs: number
  idleTimeoutMs: number
  maxBodyBytes: number
  now: () => number
}

/** Throws GatewayError 'bad_request' for a bad base URL, 'auth_invalid_key' for a key
 * that cannot be put in a header. */
export function httpSettings(opts: GatewayHttpOptions): HttpSettings {
  const base = validateBaseUrl(opts.baseUrl)
  if (!base.ok) throw new GatewayError('bad_request', base.message)
  // Users paste "Bearer sk-…" as often as "sk-…"; a header value must be visible ASCII.
  const apiKey = opts.apiKey.trim().replace(/^bearer\s+/i, '')
  if (!/^[\x21-\x7e]*$/.test(apiKey)) {
    throw new GatewayError(
      'auth_invalid_key',
      'The API key contains spaces or characters a key cannot have. Paste it again in Settings.'
    )
  }
  return {
    baseUrl: base.url,
    apiKey,
    fetch: opts.fetch ?? globalThis.fetch,
    connectTimeoutMs: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    idleTimeoutMs: opts.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    maxBodyBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    now: opts.now ?? Date.now
  }
}
