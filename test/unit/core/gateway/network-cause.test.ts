import { describe, expect, it } from 'vitest'
import { classifyNetworkFailure, systemCode } from '../../../../src/main/core/gateway/network-cause'

// Issue 13, defect 6: "You're offline" only when the network is down; a typo in the host,
// a gateway that is not running and a certificate problem each say so.

const fetchFailed = (code: string, nested = false): Error => {
  const system = Object.assign(new Error(code), { code })
  const cause = nested ? Object.assign(new Error('wrapped'), { cause: system }) : system
  return new TypeError('fetch failed', { cause })
}

describe('why a request got no answer', () => {
  it.each([
    ['ENETUNREACH', 'network'],
    ['ENETDOWN', 'network'],
    ['EAI_AGAIN', 'network'],
    ['ENOTFOUND', 'dns'],
    ['ECONNREFUSED', 'refused'],
    ['EHOSTUNREACH', 'refused'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['ECONNRESET', 'network'],
    ['UND_ERR_SOCKET', 'network']
  ])('%s is %s', (code, expected) => {
    expect(classifyNetworkFailure(fetchFailed(code))).toBe(expected)
    expect(classifyNetworkFailure(fetchFailed(code, true))).toBe(expected)
  })

  it('anything without a system code is a network failure', () => {
    expect(classifyNetworkFailure(new TypeError('fetch failed'))).toBe('network')
    expect(classifyNetworkFailure('nope')).toBe('network')
    expect(systemCode(new TypeError('fetch failed'))).toBeNull()
  })

  it('reports the system code for the details', () => {
    expect(systemCode(fetchFailed('ECONNREFUSED', true).cause)).toBe('ECONNREFUSED')
  })
})
