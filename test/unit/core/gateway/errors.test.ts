import { describe, expect, it } from 'vitest'
import { gatewayErrorFromResponse } from '../../../../src/main/core/gateway/error-envelope'
import {
  GatewayError,
  MAX_RETRY_AFTER_MS,
  isRetryable,
  parseRetryAfter
} from '../../../../src/main/core/gateway/errors'

// docs/GATEWAY.md: #auth (the auth table), #routes (task_not_exist), #errors (envelopes,
// 429, 5xx).

const NOW = Date.parse('2026-11-28T12:00:00Z')

function fromBody(status: number, body: unknown, retryAfter: string | null = null): GatewayError {
  return gatewayErrorFromResponse({ status, body, html: false, retryAfter, now: NOW })
}

const openAi = (message: string, type = 'new_api_error'): unknown => ({ error: { message, type } })

describe('gateway errors → what the user is told', () => {
  it.each([
    [401, '未提供令牌 (request id: 20261128)', 'auth_invalid_key', /No API key/],
    [401, '无效的令牌 (request id: 20261128)', 'auth_invalid_key', /rejected the API key/],
    [401, '该令牌已过期', 'auth_invalid_key', /expired/],
    [401, '该令牌状态不可用', 'auth_invalid_key', /disabled/],
    [
      401,
      '[sk-abc***xyz] 该令牌额度已用尽 (request id: 1)',
      'auth_no_credit',
      /run out of credit.*tasks are kept/
    ],
    [401, '该令牌额度已用尽 TokenStatusExhausted[sk-abc***xyz]', 'auth_no_credit', /top up/],
    [403, '用户已被封禁', 'auth_forbidden', /refused access/],
    [403, '您的 IP 不在令牌允许访问的列表中', 'auth_ip_not_allowed', /IP address/],
    [403, '令牌分组 vip 已被禁用', 'auth_forbidden', /Contact your gateway provider/],
    [403, '分组 default 已被弃用', 'auth_forbidden', /refused access/],
    [403, 'API requests are not allowed', 'auth_forbidden', /refused access/],
    [401, 'Invalid token', 'auth_invalid_key', /Check the key in Settings/],
    [401, 'Incorrect API key provided: sk-live-1234', 'auth_invalid_key', /Settings/],
    [403, 'Your quota is insufficient', 'auth_no_credit', /credit/],
    [401, 'something we have never seen', 'auth_invalid_key', /Settings/],
    [403, 'something we have never seen', 'auth_forbidden', /refused/]
  ])('%i %j → %s', (status, message, code, text) => {
    const err = fromBody(status, openAi(message))
    expect(err.code).toBe(code)
    expect(err.message).toMatch(text)
    expect(err.status).toBe(status)
    expect(isRetryable(err)).toBe(false)
  })

  it('reads the task envelope too: out of balance on a submit-style answer is no credit', () => {
    const err = fromBody(403, {
      code: 'quota_not_enough',
      message: 'user quota is not enough',
      data: null
    })
    expect(err.code).toBe('auth_no_credit')
  })

  it('recognises task_not_exist from new-api (400) and one-hub (404, no data key)', () => {
    expect(
      fromBody(400, { code: 'task_not_exist', message: 'task_not_exist', data: null }).code
    ).toBe('not_found')
    const oneHub = fromBody(404, { code: 'task_not_exist', message: '' })
    expect(oneHub.code).toBe('not_found')
    expect(oneHub.gatewayCode).toBe('task_not_exist')
  })

  it('treats 429 as rate limiting, with the wait the gateway asked for', () => {
    const err = fromBody(429, openAi('您的速率达到上限，请稍后再试。', 'one_hub_error'), '7')
    expect(err.code).toBe('rate_limited')
    expect(err.retryAfterMs).toBe(7000)
    expect(err.message).toMatch(/wait 7 s/)
    expect(isRetryable(err)).toBe(true)
    expect(fromBody(429, openAi('当前分组上游负载已饱和，请稍后再试')).retryAfterMs).toBeUndefined()
  })

  it('treats 5xx (DB errors, overload, proxies) as retryable server errors', () => {
    for (const [status, body] of [
      [500, { code: 'get_tasks_failed', message: 'db down', data: null }],
      [503, { error: { message: 'system_cpu_overloaded', type: 'new_api_error' } }],
      [502, null]
    ] as const) {
      const err = fromBody(status, body)
      expect(err.code).toBe('server')
      expect(err.message).toContain(`HTTP ${status}`)
      expect(isRetryable(err)).toBe(true)
    }
  })

  it('treats an HTML page as "not a gateway", or a server error when it is a 5xx page', () => {
    const page = (status: number): GatewayError =>
      gatewayErrorFromResponse({ status, body: null, html: true, retryAfter: null, now: NOW })
    expect(page(200).code).toBe('not_gateway')
    expect(page(200).message).toMatch(/base URL/)
    expect(page(502).code).toBe('server')
    expect(isRetryable(page(200))).toBe(true)
  })

  it('calls a bad request a bad request, and does not retry it', () => {
    const err = fromBody(400, { code: 'invalid_request', message: 'invalid character', data: null })
    expect(err.code).toBe('bad_request')
    expect(isRetryable(err)).toBe(false)
  })

  it('never repeats a key-looking token from the gateway text', () => {
    const err = gatewayErrorFromResponse({
      status: 401,
      body: openAi('[sk-abcdef123456] 该令牌额度已用尽 for key sk-test-songshelf'),
      html: false,
      retryAfter: null,
      now: NOW,
      apiKey: 'sk-test-songshelf'
    })
    expect(`${err.message} ${err.detail ?? ''}`).not.toMatch(/sk-abcdef|sk-test-songshelf/)
    expect(err.detail).toContain('该令牌额度已用尽')
  })

  it('errors cross the bridge as plain { code, message }', () => {
    const data = fromBody(401, openAi('无效的令牌')).toData()
    expect(structuredClone(data)).toEqual({ code: 'auth_invalid_key', message: expect.any(String) })
  })

  it('retries only transient failures', () => {
    expect(isRetryable(new GatewayError('network'))).toBe(true)
    expect(isRetryable(new GatewayError('timeout'))).toBe(true)
    expect(isRetryable(new GatewayError('malformed'))).toBe(true)
    expect(isRetryable(new GatewayError('auth_no_credit'))).toBe(false)
    expect(isRetryable(new GatewayError('not_found'))).toBe(false)
    expect(isRetryable(new Error('boom'))).toBe(false)
    expect(isRetryable('network')).toBe(false)
  })
})

describe('parseRetryAfter', () => {
  it.each([
    ['7', 7000],
    [' 120 ', 120_000],
    ['0', 0],
    ['86400', MAX_RETRY_AFTER_MS],
    [new Date(NOW + 30_000).toUTCString(), 30_000],
    [new Date(NOW - 30_000).toUTCString(), 0],
    [new Date(NOW + 86_400_000).toUTCString(), MAX_RETRY_AFTER_MS],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    ['Someday 2026', undefined],
    [null, undefined]
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected)
  })
})
