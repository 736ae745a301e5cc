import { validateBaseUrl } from './base-url'
import { GatewayError, type GatewayErrorCode } from './errors'
import { BATCH_PATH, callGateway, isMissingBatchRoute, singleTaskPath } from './gateway-http'
import { httpSettings, type GatewayHttpOptions, type HttpSettings } from './http-settings'

// The settings "Test connection" button. An empty batch costs nothing on the gateway and
// still goes through TokenAuth (§1, §2.2: missing `ids` → `{"code":"success","data":[]}`),
// so it proves address and key together without touching any task.

export type ConnectionTestResult = {
  result: 'ok' | 'key_rejected' | 'unreachable' | 'not_gateway'
  message: string
}

export type ConnectionTestOptions = GatewayHttpOptions

/** An id no gateway will know, for probing gateways without the batch route. */
const PROBE_ID = 'songshelf-connection-test'

export async function testConnection(opts: ConnectionTestOptions): Promise<ConnectionTestResult> {
  const base = validateBaseUrl(opts.baseUrl)
  if (!base.ok) return { result: 'not_gateway', message: base.message }
  if (opts.apiKey.trim() === '') {
    return { result: 'key_rejected', message: 'Enter the API key your gateway gave you.' }
  }
  let http: HttpSettings
  try {
    http = httpSettings(opts)
  } catch (err) {
    return fromError(err)
  }
  try {
    const data = await callGateway({ method: 'POST', path: BATCH_PATH, json: { ids: [] } }, http)
    if (!Array.isArray(data)) return notGateway()
    return { result: 'ok', message: 'Connected: the gateway accepted the key.' }
  } catch (err) {
    if (!isMissingBatchRoute(err)) return fromError(err)
  }
  // No batch route: a single fetch of an unknown id answers task_not_exist on a real
  // gateway (§2.1), which still proves the key (TokenAuth runs first).
  try {
    await callGateway({ method: 'GET', path: singleTaskPath(PROBE_ID) }, http)
  } catch (err) {
    if (!(err instanceof GatewayError && err.gatewayCode === 'task_not_exist'))
      return fromError(err)
  }
  return {
    result: 'ok',
    message:
      'Connected: the gateway accepted the key. It has no batch route, so tasks are ' +
      'checked one at a time.'
  }
}

const RESULT_BY_CODE: Readonly<Record<GatewayErrorCode, ConnectionTestResult['result']>> = {
  auth_invalid_key: 'key_rejected',
  auth_no_credit: 'key_rejected',
  auth_ip_not_allowed: 'key_rejected',
  auth_forbidden: 'key_rejected',
  network: 'unreachable',
  timeout: 'unreachable',
  server: 'unreachable',
  rate_limited: 'unreachable',
  not_found: 'not_gateway',
  malformed: 'not_gateway',
  not_gateway: 'not_gateway',
  bad_request: 'not_gateway'
}

function fromError(err: unknown): ConnectionTestResult {
  if (!(err instanceof GatewayError)) {
    return { result: 'unreachable', message: 'Could not reach the gateway. Check the address.' }
  }
  return { result: RESULT_BY_CODE[err.code], message: err.message }
}

function notGateway(): ConnectionTestResult {
  return {
    result: 'not_gateway',
    message:
      'That address answered, but not like a Suno gateway. Check the base URL in Settings ' +
      '(it is the part before /suno/fetch).'
  }
}
