import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  isBatchFault,
  isDeliveryFault,
  isGatewayAnswerFault,
  type FaultBook,
  type GatewayAnswerFault,
  type GatewayRoute
} from './sim-faults'
import { readRequestBody, type BodySource, type RecordedRequest, type Responder } from './sim-http'
import { shuffled } from './sim-random'
import { renderTask, strangerTask, type SimTask } from './sim-tasks'

// The simulated gateway origin: new-api's (or one-hub's) task fetch routes behind
// TokenAuth, answering from its "DB" of scripted tasks (GATEWAY.md#auth, #routes).

export interface GatewayState {
  apiKey: string
  flavor: 'new-api' | 'one-hub'
  cdnUrl: string
  faults: FaultBook
  responder: Responder
  tasks: Map<string, SimTask>
  random: () => number
  now: () => number
  /** Request ids and redirect hops, per simulator. */
  counters: { requests: number; hops: number }
}

const JSON_TYPE = 'application/json; charset=utf-8'
const INDEX_HTML =
  '<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>New API</title></head>' +
  '<body><div id="root"></div><script src="/assets/index.js"></script></body></html>'
const PROXY_HTML = (status: number): string =>
  `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway` +
  '</h1></center><hr><center>nginx</center></body></html>'

export async function handleGateway(
  req: IncomingMessage,
  res: ServerResponse,
  rec: RecordedRequest,
  state: GatewayState
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway.invalid')
  if (req.method === 'POST') rec.body = await readRequestBody(req)
  const requestId = `2026${String(++state.counters.requests).padStart(10, '0')}`
  const delivery = state.faults.take(isDeliveryFault(url.pathname))
  if (delivery?.kind === 'hang') return state.responder.hold(res)
  const reply = (
    status: number,
    body: Buffer | BodySource,
    opts: { type?: string; headers?: Record<string, string>; chunked?: boolean } = {}
  ): Promise<void> =>
    state.responder.send(res, rec, {
      status,
      headers: {
        'content-type': opts.type ?? JSON_TYPE,
        'x-oneapi-request-id': requestId,
        ...opts.headers
      },
      body,
      ...(opts.chunked === true ? { chunked: true } : {}),
      ...(delivery === undefined ? {} : { delivery })
    })
  const apiError = (status: number, message: string, type?: string): Promise<void> =>
    reply(
      status,
      json({
        error: { message: `${message} (request id: ${requestId})`, type: type ?? errorType(state) }
      })
    )

  const route = routeOf(req.method, url.pathname)
  // GATEWAY.md#routes: new-api answers unknown paths with its web UI, HTTP 200.
  if (route === null)
    return reply(200, Buffer.from(INDEX_HTML), { type: 'text/html; charset=utf-8' })

  const fault = state.faults.take(isGatewayAnswerFault(route))
  if (fault !== undefined) return answerFault(fault, url, state, reply, apiError)

  const key = keyOf(rec.authorization)
  if (key === null) return apiError(401, '未提供令牌')
  if (stripSk(key) !== stripSk(state.apiKey)) return apiError(401, '无效的令牌')

  if (route === 'single') {
    const id = decodeURIComponent(url.pathname.slice('/suno/fetch/'.length))
    const task = state.tasks.get(id)
    if (task === undefined) {
      // GATEWAY.md#routes: new-api 400 with data:null; one-hub 404 without a data key.
      return state.flavor === 'one-hub'
        ? reply(404, json({ code: 'task_not_exist', message: '' }))
        : reply(400, json({ code: 'task_not_exist', message: 'task_not_exist', data: null }))
    }
    return reply(200, json(success(renderTask(task, renderContext(state)))))
  }
  let body: unknown
  try {
    body = JSON.parse(rec.body ?? '')
  } catch (err) {
    return reply(400, json({ code: 'invalid_request', message: String(err), data: null }))
  }
  return reply(200, json(success(batchRows(body, state))))
}

function routeOf(method: string | undefined, pathname: string): GatewayRoute | null {
  if (method === 'POST' && pathname === '/suno/fetch') return 'batch'
  if (method === 'GET' && /^\/suno\/fetch\/[^/]+$/.test(pathname)) return 'single'
  return null
}

/** GATEWAY.md#routes: rows in "DB" order (not request order), unknown ids silently left out, one-hub
 * capped at 100; batch faults then shuffle, drop or add rows. */
function batchRows(body: unknown, state: GatewayState): unknown[] {
  const rawIds = (body as { ids?: unknown } | null)?.ids
  const wanted = new Set(Array.isArray(rawIds) ? rawIds.map(String) : [])
  let tasks = [...state.tasks.values()].filter((task) => wanted.has(task.id))
  if (state.flavor === 'one-hub') tasks = tasks.slice(0, 100)
  const extras: string[] = []
  for (const fault of state.faults.takeAll(isBatchFault)) {
    if (fault.kind === 'partial') tasks = tasks.filter((task) => !fault.drop.includes(task.id))
    if (fault.kind === 'shuffle') tasks = shuffled(tasks, state.random)
    if (fault.kind === 'extra') extras.push(...fault.ids)
  }
  const ctx = renderContext(state)
  const rows: unknown[] = tasks.map((task) => renderTask(task, ctx))
  for (const id of extras) {
    const known = state.tasks.get(id)
    rows.push(known === undefined ? strangerTask(id, ctx.nowMs) : renderTask(known, ctx))
  }
  return rows
}

type Reply = (
  status: number,
  body: Buffer | BodySource,
  opts?: { type?: string; headers?: Record<string, string>; chunked?: boolean }
) => Promise<void>

function answerFault(
  fault: GatewayAnswerFault,
  url: URL,
  state: GatewayState,
  reply: Reply,
  apiError: (status: number, message: string, type?: string) => Promise<void>
): Promise<void> {
  switch (fault.kind) {
    case 'batch_missing':
      if (fault.as === 'html')
        return reply(200, Buffer.from(INDEX_HTML), { type: 'text/html; charset=utf-8' })
      if (fault.as === '405')
        return reply(405, Buffer.from('405 method not allowed'), { type: 'text/plain' })
      if (fault.as === 'invalid_url')
        return apiError(400, 'Invalid URL (POST /suno/fetch)', 'invalid_request_error')
      return reply(404, Buffer.from('404 page not found'), { type: 'text/plain' })
    case 'auth':
      return apiError(fault.status ?? 401, fault.message)
    case 'rate_limit':
      return reply(
        429,
        json({ error: { message: '您的速率达到上限，请稍后再试。', type: errorType(state) } }),
        fault.retryAfter === undefined ? {} : { headers: { 'retry-after': fault.retryAfter } }
      )
    case 'html':
      return reply(
        fault.status,
        Buffer.from(fault.status === 200 ? INDEX_HTML : PROXY_HTML(fault.status)),
        {
          type: 'text/html; charset=utf-8'
        }
      )
    case 'task_error': {
      const body: Record<string, unknown> = {
        code: fault.code,
        message: fault.message ?? fault.code
      }
      if (state.flavor !== 'one-hub') body.data = null
      return reply(fault.status, json(body))
    }
    case 'api_error':
      return apiError(fault.status, fault.message, fault.type)
    case 'huge':
      return reply(200, paddedSuccess(fault.bytes), fault.chunked === true ? { chunked: true } : {})
    case 'redirect': {
      const location =
        fault.to === 'cdn'
          ? `${state.cdnUrl}${url.pathname}`
          : `${url.pathname}?hop=${++state.counters.hops}`
      return reply(fault.status ?? 302, Buffer.alloc(0), { headers: { location } })
    }
  }
}

/** A valid success answer of exactly `bytes` bytes, generated as it is sent. */
function paddedSuccess(bytes: number): BodySource {
  const head = Buffer.from('{"code":"success","message":"","data":[],"padding":"')
  const tail = Buffer.from('"}')
  const size = Math.max(bytes, head.length + tail.length)
  return {
    size,
    read(start, end) {
      const out = Buffer.alloc(end - start, 0x78)
      for (let i = start; i < end; i++) {
        if (i < head.length) out[i - start] = head[i] as number
        else if (i >= size - tail.length) out[i - start] = tail[i - (size - tail.length)] as number
      }
      return out
    }
  }
}

function renderContext(state: GatewayState): {
  cdnUrl: string
  flavor: 'new-api' | 'one-hub'
  nowMs: number
} {
  return { cdnUrl: state.cdnUrl, flavor: state.flavor, nowMs: state.now() }
}

function errorType(state: GatewayState): string {
  return state.flavor === 'one-hub' ? 'one_hub_error' : 'new_api_error'
}

/** GATEWAY.md#auth: TokenAuth strips an optional "Bearer " and an optional "sk-". */
function keyOf(authorization: string | null): string | null {
  if (authorization === null) return null
  const key = authorization.replace(/^Bearer(\s+|$)/i, '').trim()
  return key === '' ? null : key
}

function stripSk(key: string): string {
  return key.replace(/^sk-/, '')
}

function success(data: unknown): Record<string, unknown> {
  return { code: 'success', message: '', data }
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value))
}
