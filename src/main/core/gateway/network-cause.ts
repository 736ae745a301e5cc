import type { GatewayErrorCode } from './errors'

// Why a request never got an answer, told from the system error under fetch's
// "fetch failed" (undici puts the socket, DNS or TLS error in `cause`, sometimes one level
// deeper). The user acts differently on each: a cable or Wi-Fi (network down), a typo in
// the host name (dns), a gateway that is not running (refused), a certificate (tls).
// Node's codes: https://nodejs.org/api/errors.html#common-system-errors and
// https://nodejs.org/api/dns.html#error-codes; OpenSSL's verify codes arrive as
// `code` on TLS errors (https://nodejs.org/api/tls.html#x509-certificate-error-codes).

export type NetworkFailure = Extract<GatewayErrorCode, 'network' | 'dns' | 'refused' | 'tls'>

/** The network itself is down: no route, no interface, no resolver answer at all. */
const DOWN = new Set(['ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EAI_AGAIN', 'EADDRNOTAVAIL'])
/** The name does not exist (a typo or a retired host). */
const DNS = new Set(['ENOTFOUND', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL'])
/** The host is known but nothing answers there. A reset mid-answer stays 'network'. */
const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH'])

function systemCodes(error: unknown): string[] {
  const codes: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') codes.push(code)
    current = (current as { cause?: unknown }).cause
  }
  return codes
}

function isTlsCode(code: string): boolean {
  return (
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'EPROTO'
  )
}

/** The gateway error code for a request that failed before any answer arrived. */
export function classifyNetworkFailure(error: unknown): NetworkFailure {
  for (const code of systemCodes(error)) {
    if (DOWN.has(code)) return 'network'
    if (DNS.has(code)) return 'dns'
    if (REFUSED.has(code)) return 'refused'
    if (isTlsCode(code)) return 'tls'
  }
  return 'network'
}

/** The first system code under `error`, for the connection test's details. */
export function systemCode(error: unknown): string | null {
  return systemCodes(error).find((code) => code !== 'network') ?? null
}
