import { GatewayError, parseRetryAfter, redactSecrets, type GatewayErrorCode } from './errors'
import { asFields, field } from './normalize-values'

// Reads a gateway error answer into a GatewayError. Two envelopes exist (GATEWAY.md#errors):
// task-route errors `{code, message, data}` and middleware errors `{"error":{message,
// type}}`; auth texts are usually Chinese (GATEWAY.md#auth table) and vary by fork, so the code is
// chosen from the words first and the HTTP status second.

interface Rule {
  code: GatewayErrorCode
  pattern: RegExp
  message?: string
}

// Order matters: "该令牌额度已用尽" is a quota problem even though it names the token.
const AUTH_RULES: readonly Rule[] = [
  {
    code: 'auth_no_credit',
    pattern: /额度已用尽|额度不足|余额不足|quota|insufficient|credit|balance|exhausted/i
  },
  {
    code: 'auth_ip_not_allowed',
    pattern: /IP\s*不在|\bIP\b.*(allow|white|permit)|(allow|white)[- ]?list.*\bIP\b/i
  },
  {
    code: 'auth_invalid_key',
    pattern: /未提供令牌|no (api )?(token|key) (was )?provided|missing (api )?(token|key)/i,
    message: 'No API key reached the gateway. Enter your key in Settings.'
  },
  {
    code: 'auth_invalid_key',
    pattern: /令牌已过期|(token|key) (has )?expired/i,
    message: 'The gateway says the API key has expired. Enter a current key in Settings.'
  },
  {
    code: 'auth_invalid_key',
    pattern: /令牌状态不可用|(token|key) (is )?(disabled|not available)/i,
    message:
      'The gateway says the API key is disabled. Enable it on the gateway or enter another ' +
      'key in Settings.'
  },
  {
    code: 'auth_invalid_key',
    pattern: /无效的令牌|invalid (api[ _-]?)?(token|key)|incorrect api key|unauthori[sz]ed/i
  },
  {
    code: 'auth_forbidden',
    pattern: /封禁|已被禁用|已被弃用|banned|disabled|not allowed|forbidden|deprecated/i
  }
]

const RATE_PATTERN = /速率|请求数限制|负载已饱和|rate.?limit|too many requests/i

export interface ErrorResponse {
  status: number
  /** Parsed JSON body, or null when the body was not JSON. */
  body: unknown
  /** True when the answer was an HTML page (a proxy, or new-api's web UI fallback). */
  html: boolean
  retryAfter: string | null
  now: number
  apiKey?: string
}

/** The gateway's own code and message from either envelope. */
export function envelopeOf(body: unknown): { code?: string; message?: string } {
  const obj = asFields(body)
  const inner = asFields(field(obj, 'error'))
  const code = stringOf(field(obj, 'code')) ?? stringOf(field(inner, 'code'))
  const type = stringOf(field(inner, 'type'))
  const message =
    stringOf(field(inner, 'message')) ??
    stringOf(field(obj, 'message')) ??
    stringOf(field(obj, 'msg'))
  const out: { code?: string; message?: string } = {}
  if (code !== undefined || type !== undefined) out.code = code ?? type
  if (message !== undefined) out.message = message
  return out
}

export function gatewayErrorFromResponse(res: ErrorResponse): GatewayError {
  const { status } = res
  const envelope = envelopeOf(res.body)
  const words = `${envelope.code ?? ''} ${envelope.message ?? ''}`
  const opts = {
    status,
    ...(envelope.code === undefined ? {} : { gatewayCode: envelope.code }),
    ...(envelope.message === undefined
      ? {}
      : { detail: redactSecrets(envelope.message, res.apiKey) })
  }
  const make = (code: GatewayErrorCode, message?: string): GatewayError =>
    new GatewayError(code, message, opts)

  // GATEWAY.md#routes: unknown id → 400 (new-api) or 404 (one-hub) `task_not_exist`.
  if (envelope.code === 'task_not_exist') return make('not_found')
  if (status === 429 || (status < 400 && RATE_PATTERN.test(words))) return rateLimited(res, opts)
  if (status >= 500) {
    const retryAfterMs = parseRetryAfter(res.retryAfter, res.now)
    return new GatewayError(
      'server',
      `The gateway had a server error (HTTP ${status}). Songshelf will retry automatically.`,
      retryAfterMs === undefined ? opts : { ...opts, retryAfterMs }
    )
  }
  if (res.html) {
    if (status === 401) return make('auth_invalid_key')
    if (status === 403) return make('auth_forbidden')
    return make(
      'not_gateway',
      'That address answered with a web page, not the gateway API. Check the base URL in ' +
        'Settings (it is the part before /suno/fetch).'
    )
  }
  if (status === 408) return make('timeout')
  const authish = status === 401 || status === 402 || status === 403
  if (authish || status < 400) {
    const rule = AUTH_RULES.find((r) => r.pattern.test(words))
    if (rule !== undefined) return make(rule.code, rule.message)
  }
  if (status === 401) return make('auth_invalid_key')
  if (status === 402) return make('auth_no_credit')
  if (status === 403) return make('auth_forbidden')
  // A JSON 404/405 that is not task_not_exist is a route the gateway does not have.
  if (status === 404 || status === 405) return make('not_gateway')
  if (status >= 400) return make('bad_request')
  return make('malformed')
}

function rateLimited(res: ErrorResponse, opts: object): GatewayError {
  const retryAfterMs = parseRetryAfter(res.retryAfter, res.now)
  const wait =
    retryAfterMs === undefined ? '' : ` It asked to wait ${Math.ceil(retryAfterMs / 1000)} s.`
  return new GatewayError(
    'rate_limited',
    `The gateway is limiting requests; Songshelf will slow down and retry.${wait}`,
    retryAfterMs === undefined ? opts : { ...opts, retryAfterMs }
  )
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}
