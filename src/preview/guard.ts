import { timingSafeEqual } from 'node:crypto'

// The preview host's guard (docs/RELIABILITY.md#hostile-input): the token is the only thing between
// any web page the user opens and the core (which holds the gateway key), so it must be
// strong, guesses must be slow, and a page reached through DNS rebinding (another name
// resolving to 127.0.0.1) must be refused by its Host header before it can even try.

/** 32 characters: a user-chosen token at least as long as half the generated one. */
export const MIN_TOKEN_LENGTH = 32
/** Failed token checks allowed per window before every token check answers 429. */
export const MAX_FAILURES = 20
export const FAILURE_WINDOW_MS = 60_000

export class PreviewTokenError extends Error {
  readonly code = 'weak_token'
}

/** Throws a `weak_token` error for an empty or short token (an unset shell variable
 * turned authentication off; a 4-digit token fell in 7.6 s). */
export function assertStrongToken(token: string): void {
  if (token.length === 0)
    throw new PreviewTokenError(
      '--token is empty (an unset shell variable?). Leave --token out to get a strong random ' +
        'token, or give one of at least 32 characters.'
    )
  if (token.length < MIN_TOKEN_LENGTH)
    throw new PreviewTokenError(
      `--token is too short (${token.length} characters): give at least ${MIN_TOKEN_LENGTH}, ` +
        'or leave it out to get a strong random token.'
    )
}

export function sameToken(given: string, token: string): boolean {
  const x = Buffer.from(given)
  const y = Buffer.from(token)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The Host header names this server: `127.0.0.1:<port>` or `localhost:<port>`, exactly.
 * Anything else (`evil.example:<port>`, no port, another port) is a rebinding attempt or
 * a misdirected request. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false
  const value = host.toLowerCase()
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`
}

/** `application/json`, with or without parameters. A page can send `text/plain` and form
 * types cross-origin without a preflight; it cannot send this one. */
export function isJsonContentType(value: string | undefined): boolean {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json'
}

/** Counts failed token checks in fixed windows; when the budget is spent every token
 * check (right or wrong, so the answer tells a guesser nothing) waits for the window. */
export class FailedAuthLimiter {
  private windowStart = 0
  private failures = 0

  constructor(
    private readonly now: () => number = Date.now,
    private readonly max = MAX_FAILURES,
    private readonly windowMs = FAILURE_WINDOW_MS
  ) {}

  /** Seconds to wait before trying again, or 0 when a check may run now. */
  retryAfterSec(): number {
    const now = this.now()
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now
      this.failures = 0
    }
    if (this.failures < this.max) return 0
    return Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000))
  }

  fail(): void {
    this.failures++
  }
}
