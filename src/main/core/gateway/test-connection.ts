import type { ConnectionTestOutcome, ConnectionTestResult } from '../../../shared/settings'
import { validateBaseUrl } from './base-url'
import { GatewayError, type GatewayErrorCode } from './errors'
import { BATCH_PATH, callGateway, isMissingBatchRoute, singleTaskPath } from './gateway-http'
import { httpSettings, type GatewayHttpOptions, type HttpSettings } from './http-settings'
import { systemCode } from './network-cause'

// The settings "Test connection" button. An empty batch costs nothing on the gateway and
// still goes through TokenAuth (GATEWAY.md#routes: missing `ids` →
// `{"code":"success","data":[]}`),
// so it proves address and key together without touching any task. The answer says which
// URL was asked, the HTTP status and how long it took, so "Details" add something.

export type { ConnectionTestResult }

export type ConnectionTestOptions = GatewayHttpOptions

/** An id no gateway will know, for probing gateways without the batch route. */
const PROBE_ID = 'songshelf-connection-test'

export async function testConnection(opts: ConnectionTestOptions): Promise<ConnectionTestResult> {
  if (opts.baseUrl.trim() === '') return NO_ADDRESS
  const base = validateBaseUrl(opts.baseUrl)
  if (!base.ok) return { result: 'not_gateway', code: 'bad_request', message: base.message }
  if (opts.apiKey.trim() === '') {
    return { result: 'no_key', code: 'no_key', message: 'Enter the API key your gateway gave you.' }
  }
  let http: HttpSettings
  try {
    http = httpSettings(opts)
  } catch (err) {
    return fromError(err, {})
  }
  const now = opts.now ?? Date.now
  const started = now()
  const timing = (path: string): Timing => ({
    url: `${http.baseUrl}${path}`,
    elapsedMs: Math.max(0, Math.round(now() - started))
  })
  try {
    const data = await callGateway({ method: 'POST', path: BATCH_PATH, json: { ids: [] } }, http)
    if (!Array.isArray(data)) return notGateway(timing(BATCH_PATH))
    return {
      result: 'ok',
      code: 'connected',
      status: 200,
      ...timing(BATCH_PATH),
      message: 'Connected: the gateway accepted the key.'
    }
  } catch (err) {
    if (!isMissingBatchRoute(err)) return fromError(err, timing(BATCH_PATH))
  }
  // No batch route: a single fetch of an unknown id answers task_not_exist on a real
  // gateway (GATEWAY.md#routes), which still proves the key (TokenAuth runs first).
  const single = singleTaskPath(PROBE_ID)
  let status: number | null = 200
  try {
    await callGateway({ method: 'GET', path: single }, http)
  } catch (err) {
    if (!(err instanceof GatewayError && err.gatewayCode === 'task_not_exist'))
      return fromError(err, timing(single))
    status = err.status ?? null
  }
  return {
    result: 'ok',
    code: 'connected_single',
    status,
    ...timing(single),
    message:
      'Connected: the gateway accepted the key. It has no batch route, so tasks are ' +
      'checked one at a time.'
  }
}

interface Timing {
  url?: string
  elapsedMs?: number
}

const NO_ADDRESS: ConnectionTestResult = {
  result: 'no_address',
  code: 'no_address',
  message: 'Enter the gateway address first.'
}

const RESULT_BY_CODE: Readonly<Record<GatewayErrorCode, ConnectionTestOutcome>> = {
  auth_invalid_key: 'key_rejected',
  auth_no_credit: 'key_rejected',
  auth_ip_not_allowed: 'key_rejected',
  auth_forbidden: 'key_rejected',
  network: 'unreachable',
  dns: 'unreachable',
  refused: 'unreachable',
  tls: 'unreachable',
  timeout: 'unreachable',
  server: 'unreachable',
  rate_limited: 'unreachable',
  not_found: 'not_gateway',
  malformed: 'not_gateway',
  not_gateway: 'not_gateway',
  bad_request: 'not_gateway'
}

function fromError(err: unknown, timing: Timing): ConnectionTestResult {
  if (!(err instanceof GatewayError)) {
    return {
      result: 'unreachable',
      code: 'network',
      status: null,
      ...timing,
      message: 'Could not reach the gateway. Check the address.'
    }
  }
  return {
    result: RESULT_BY_CODE[err.code],
    code: err.code,
    status: err.status ?? null,
    systemCode: systemCode(err.cause),
    ...timing,
    message: err.message
  }
}

function notGateway(timing: Timing): ConnectionTestResult {
  return {
    result: 'not_gateway',
    code: 'not_gateway',
    status: 200,
    ...timing,
    message:
      'That address answered, but not like a Suno gateway. Check the base URL in Settings ' +
      '(it is the part before /suno/fetch).'
  }
}
