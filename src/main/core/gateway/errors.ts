import type { GatewayErrorCode } from '../../../shared/error-codes'

// Gateway failures as data: a stable code the sync engine acts on, and a plain message
// that tells the user what happened and what to do (GATEWAY.md#auth, #errors).

export type { GatewayErrorCode } from '../../../shared/error-codes'

export const GATEWAY_MESSAGES: Readonly<Record<GatewayErrorCode, string>> = {
  auth_invalid_key: 'The gateway rejected the API key. Check the key in Settings.',
  auth_no_credit:
    'Your gateway account has run out of credit; top up to keep polling. Your tasks are kept.',
  auth_ip_not_allowed:
    "The gateway does not accept requests from this computer's IP address. Add it to the " +
    "key's IP allow-list on the gateway, or use another key. Your tasks are kept.",
  auth_forbidden:
    'The gateway refused access for this account or key group. Contact your gateway ' +
    'provider. Your tasks are kept.',
  not_found: 'The gateway has no task with this id for this key.',
  rate_limited: 'The gateway is limiting requests. Songshelf will slow down and retry.',
  server: 'The gateway had a server error. Songshelf will retry automatically.',
  network: 'Could not reach the gateway. Check your connection; Songshelf will retry.',
  dns: 'No server has the gateway address’s host name. Check the base URL in Settings.',
  refused:
    'The gateway’s computer answered, but nothing is listening at that address and port. ' +
    'Check the base URL, or whether the gateway is running. Songshelf will retry.',
  tls:
    'The secure connection to the gateway failed (its certificate, or it does not speak ' +
    'https on that port). Check the base URL in Settings.',
  timeout: 'The gateway did not answer in time. Songshelf will retry automatically.',
  malformed: 'The gateway sent an answer Songshelf could not read. Songshelf will retry.',
  not_gateway:
    'That address answered, but not like a Suno gateway (it sent a web page or an ' +
    'unexpected answer). Check the base URL in Settings.',
  bad_request: 'The gateway refused the request as invalid. Check the base URL in Settings.'
}

export interface GatewayErrorOptions {
  status?: number
  retryAfterMs?: number
  /** The gateway's own code or type (e.g. `task_not_exist`, `new_api_error`). */
  gatewayCode?: string
  /** The gateway's own message, with anything key-like redacted; for logs and support. */
  detail?: string
  cause?: unknown
}

export class GatewayError extends Error {
  readonly code: GatewayErrorCode
  readonly status?: number
  readonly retryAfterMs?: number
  readonly gatewayCode?: string
  readonly detail?: string

  constructor(code: GatewayErrorCode, message?: string, opts: GatewayErrorOptions = {}) {
    super(message ?? GATEWAY_MESSAGES[code], opts.cause === undefined ? {} : { cause: opts.cause })
    this.name = 'GatewayError'
    this.code = code
    if (opts.status !== undefined) this.status = opts.status
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs
    if (opts.gatewayCode !== undefined) this.gatewayCode = opts.gatewayCode
    if (opts.detail !== undefined) this.detail = opts.detail
  }

  /** Plain data for the bridge and the CLI (errors cross as `{ code, message }`). */
  toData(): { code: GatewayErrorCode; message: string } {
    return { code: this.code, message: this.message }
  }
}

const RETRYABLE: ReadonlySet<GatewayErrorCode> = new Set<GatewayErrorCode>([
  'rate_limited',
  'server',
  'network',
  'dns',
  'refused',
  'tls',
  'timeout',
  // GATEWAY.md#errors "What to retry": HTML bodies and unreadable answers are usually a proxy or a
  // gateway restart in the middle of a poll, not a permanent state.
  'malformed',
  'not_gateway'
])

/** 429, 5xx, network, timeouts and HTML bodies retry with backoff; 401/403 and bad
 * requests wait for the user (GATEWAY.md#errors). Anything but a GatewayError is not retried. */
export function isRetryable(err: unknown): boolean {
  return err instanceof GatewayError && RETRYABLE.has(err.code)
}

export function isAuthError(err: unknown): boolean {
  return err instanceof GatewayError && err.code.startsWith('auth_')
}

/** Retry-After is honoured but capped, so a hostile `86400` cannot stall polling a day. */
export const MAX_RETRY_AFTER_MS = 10 * 60 * 1000

/**
 * Parses Retry-After as delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Garbage,
 * negative numbers and absurd dates give undefined (the caller's own backoff applies);
 * a date in the past gives 0; anything longer than the cap is capped.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined
  const trimmed = value.trim()
  if (trimmed === '' || trimmed.length > 64) return undefined
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS)
  // HTTP-dates start with a day name; V8's Date.parse would accept far looser text.
  if (!/^(mon|tue|wed|thu|fri|sat|sun)/i.test(trimmed)) return undefined
  const at = Date.parse(trimmed)
  if (!Number.isFinite(at)) return undefined
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS)
}

/** Removes key-like tokens from a gateway message before it is kept anywhere. */
export function redactSecrets(message: string, apiKey?: string): string {
  let out = message
  // Gateways strip "sk-" before they look a key up (GATEWAY.md#auth), so they may quote it without.
  for (const form of apiKey === undefined ? [] : [apiKey, apiKey.replace(/^sk-/, '')]) {
    if (form.length >= 4) out = out.split(form).join('[key]')
  }
  return out.replace(/\bsk-[A-Za-z0-9*_-]+/g, 'sk-[redacted]').slice(0, 500)
}
