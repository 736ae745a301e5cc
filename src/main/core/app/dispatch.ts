import {
  methods,
  type MethodName,
  type ParsedRequestOf,
  type ResponseOf,
  type Result
} from '../../../shared/contract'
import { toErrorData } from './errors'

export type Handlers = {
  [M in MethodName]: (request: ParsedRequestOf<M>) => Promise<ResponseOf<M>>
}

const MAX_ISSUES = 3

/** Parses an untrusted payload with the method's schema, runs the handler and turns
 * every outcome into data. The same function serves Electron IPC and the web preview,
 * so only the transport differs between them. */
export async function dispatch(
  handlers: Handlers,
  name: string,
  payload: unknown
): Promise<Result<unknown>> {
  if (!Object.prototype.hasOwnProperty.call(methods, name)) {
    return { ok: false, error: { code: 'unknown_method', message: 'Unknown request.' } }
  }
  const method = name as MethodName
  const parsed = methods[method].request.safeParse(payload)
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, MAX_ISSUES)
      .map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
      .join('; ')
    return {
      ok: false,
      error: { code: 'invalid_request', message: `Invalid request (${detail}).` }
    }
  }
  try {
    const handler = handlers[method] as (request: unknown) => Promise<unknown>
    const value = await handler(parsed.data)
    return { ok: true, value }
  } catch (error) {
    return { ok: false, error: toErrorData(error) }
  }
}
