import { createServer, type Server } from 'node:http'
import { once } from 'node:events'
import type { AddressInfo, Socket } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGatewayClient, type GatewayClient } from '../../../../src/main/core/gateway/client'
import { GatewayError, isRetryable } from '../../../../src/main/core/gateway/errors'
import { startSimulator, type Simulator } from '../../../support/sim-gateway'

// What the user sees when the gateway misbehaves (GATEWAY.md#auth, #errors; RELIABILITY.md
// C6, D2, D3, D5), over real HTTP.

let sim: Simulator
let client: GatewayClient

beforeEach(async () => {
  sim = await startSimulator({ seed: 3 })
  sim.addTask({ id: 'task-1' })
  client = createGatewayClient({ baseUrl: sim.gatewayUrl, apiKey: sim.apiKey })
})
afterEach(async () => {
  await sim.close()
})

async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(GatewayError)
  const gatewayError = err as GatewayError
  // Whatever went wrong, the key never appears in what the user or a log would see.
  expect(`${gatewayError.message} ${gatewayError.detail ?? ''}`).not.toContain(sim.apiKey)
  return gatewayError
}

describe('authentication failures pause polling with a reason', () => {
  it('tells apart a missing key, a wrong key and the real one', async () => {
    const noKey = createGatewayClient({ baseUrl: sim.gatewayUrl, apiKey: '' })
    expect((await failure(noKey.fetchTasks(['task-1']))).message).toMatch(/No API key/)
    const wrong = createGatewayClient({ baseUrl: sim.gatewayUrl, apiKey: 'sk-wrong' })
    const err = await failure(wrong.fetchTasks(['task-1']))
    expect(err.code).toBe('auth_invalid_key')
    expect(err.status).toBe(401)
    expect(isRetryable(err)).toBe(false)
    expect((await client.fetchTasks(['task-1'])).tasks).toHaveLength(1)
  })

  it.each([
    [401, '该令牌额度已用尽 TokenStatusExhausted[sk-abc***xyz]', 'auth_no_credit'],
    [401, '该令牌已过期', 'auth_invalid_key'],
    [401, '该令牌状态不可用', 'auth_invalid_key'],
    [403, '您的 IP 不在令牌允许访问的列表中', 'auth_ip_not_allowed'],
    [403, '用户已被封禁', 'auth_forbidden'],
    [403, '令牌分组 svip 已被禁用', 'auth_forbidden']
  ])('%i "%s" → %s, on batch and single fetch alike', async (status, message, code) => {
    sim.setFault({ kind: 'auth', status, message })
    expect((await failure(client.fetchTasks(['task-1']))).code).toBe(code)
    expect((await failure(client.fetchTask('task-1'))).code).toBe(code)
    expect(client.batchSupported).toBeNull()
  })
})

describe('transient failures are retryable and say so', () => {
  it('429 with and without Retry-After', async () => {
    sim.setFault({ kind: 'rate_limit', retryAfter: '12' }, { times: 1 })
    sim.setFault({ kind: 'rate_limit' }, { times: 1 })
    const withHeader = await failure(client.fetchTasks(['task-1']))
    expect(withHeader).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 12_000 })
    const without = await failure(client.fetchTasks(['task-1']))
    expect(without.code).toBe('rate_limited')
    expect(without.retryAfterMs).toBeUndefined()
    expect((await client.fetchTasks(['task-1'])).tasks).toHaveLength(1)
  })

  it('an HTML page with 200 on a known batch route is "not a gateway"', async () => {
    await client.fetchTasks(['task-1'])
    sim.setFault({ kind: 'html', status: 200 }, { times: 1 })
    const err = await failure(client.fetchTasks(['task-1']))
    expect(err.code).toBe('not_gateway')
    expect(err.message).toMatch(/web page/)
  })

  it('a 502 proxy page is a server error; a 503 twice then success recovers', async () => {
    sim.setFault({ kind: 'html', status: 502 }, { times: 1 })
    expect(await failure(client.fetchTasks(['task-1']))).toMatchObject({
      code: 'server',
      status: 502
    })
    sim.setFault({ kind: 'api_error', status: 503, message: 'system_cpu_overloaded' }, { times: 2 })
    expect((await failure(client.fetchTasks(['task-1']))).code).toBe('server')
    expect((await failure(client.fetchTasks(['task-1']))).code).toBe('server')
    expect((await client.fetchTasks(['task-1'])).tasks).toHaveLength(1)
  })

  it('a DB error in the task envelope is a server error', async () => {
    sim.setFault({ kind: 'task_error', status: 500, code: 'get_tasks_failed', message: 'db' })
    expect((await failure(client.fetchTasks(['task-1']))).code).toBe('server')
  })

  it('a body cut off mid-way is a network error', async () => {
    sim.setFault({ kind: 'reset', path: '/suno/fetch' }, { times: 1 })
    expect((await failure(client.fetchTasks(['task-1']))).code).toBe('network')
  })

  it('a refused connection says nothing listens there (not "offline")', async () => {
    const port = await closedPort()
    const offline = createGatewayClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'k' })
    expect((await failure(offline.fetchTasks(['task-1']))).code).toBe('refused')
  })
})

describe('bodies are checked before they are trusted', () => {
  it.each([false, true])('stops reading past the size cap (chunked: %s)', async (chunked) => {
    const small = createGatewayClient({
      baseUrl: sim.gatewayUrl,
      apiKey: sim.apiKey,
      maxBodyBytes: 64 * 1024
    })
    sim.setFault({ kind: 'huge', bytes: 5 * 1024 * 1024, chunked })
    const err = await failure(small.fetchTasks(['task-1']))
    expect(err.code).toBe('malformed')
    expect(err.message).toMatch(/larger than/)
    const sent = sim.requests.at(-1)?.bytesSent ?? 0
    expect(sent).toBeLessThan(5 * 1024 * 1024)
  })

  it('accepts a padded answer under the cap', async () => {
    sim.setFault({ kind: 'huge', bytes: 32 * 1024 }, { times: 1 })
    expect(await client.fetchTasks(['task-1'])).toEqual({ tasks: [], missing: ['task-1'] })
  })
})

describe('the key goes to the gateway origin only', () => {
  it('never follows a redirect to another origin with the key', async () => {
    sim.setFault({ kind: 'redirect', to: 'cdn' })
    const err = await failure(client.fetchTasks(['task-1']))
    expect(err.code).toBe('not_gateway')
    expect(err.message).toMatch(/another site/)
    expect(sim.counts().cdnWithAuthorization).toBe(0)
    expect(sim.requests.filter((r) => r.origin === 'cdn')).toHaveLength(0)
  })

  it('follows a same-origin redirect, keeping the POST body, but not forever', async () => {
    sim.setFault({ kind: 'redirect', to: 'same', status: 307 }, { times: 1 })
    expect((await client.fetchTasks(['task-1'])).tasks).toHaveLength(1)
    const redirected = sim.requests.at(-1)
    expect(redirected?.path).toMatch(/^\/suno\/fetch\?hop=/)
    expect(redirected?.body).toBe('{"ids":["task-1"]}')
    sim.setFault({ kind: 'redirect', to: 'same' })
    const before = sim.requests.length
    expect((await failure(client.fetchTasks(['task-1']))).message).toMatch(/redirected too many/)
    expect(sim.requests.length - before).toBe(6)
  })

  it('does not send the key to the CDN when media links are fetched elsewhere', async () => {
    sim.addTask({ id: 'done', steps: [{ status: 'SUCCESS' }] })
    const [task] = (await client.fetchTasks(['done'])).tasks
    const link = task?.clips[0]?.audioUrl
    expect(link?.startsWith(sim.cdnUrl)).toBe(true)
    expect(sim.counts().cdnWithAuthorization).toBe(0)
  })
})

describe('timeouts', () => {
  let silent: Server
  let sockets: Socket[]
  beforeEach(async () => {
    sockets = []
    // Accepts connections and never answers.
    silent = createServer(() => undefined)
    silent.on('connection', (socket) => sockets.push(socket))
    silent.listen(0, '127.0.0.1')
    await once(silent, 'listening')
  })
  afterEach(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => silent.close(resolve))
  })

  it('gives up when no answer arrives within the connect timeout', async () => {
    const port = (silent.address() as AddressInfo).port
    const slow = createGatewayClient({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: 'k',
      connectTimeoutMs: 150
    })
    const err = await failure(slow.fetchTasks(['task-1']))
    expect(err.code).toBe('timeout')
    expect(isRetryable(err)).toBe(true)
  })

  it('gives up when the simulator accepts and never answers', async () => {
    sim.setFault({ kind: 'hang', path: '/suno/fetch' })
    const slow = createGatewayClient({
      baseUrl: sim.gatewayUrl,
      apiKey: sim.apiKey,
      connectTimeoutMs: 150
    })
    expect((await failure(slow.fetchTasks(['task-1']))).message).toMatch(/did not answer/)
  })

  it('gives up when the body stops arriving for the idle timeout', async () => {
    sim.setFault({ kind: 'stall', path: '/suno/fetch', afterBytes: 10 })
    const slow = createGatewayClient({
      baseUrl: sim.gatewayUrl,
      apiKey: sim.apiKey,
      idleTimeoutMs: 150
    })
    const err = await failure(slow.fetchTasks(['task-1']))
    expect(err.code).toBe('timeout')
    expect(err.message).toMatch(/stopped sending/)
  })

  it('keeps waiting while a slow body still trickles in', async () => {
    sim.setFault({ kind: 'slow', path: '/suno/fetch', delayMs: 20, chunkBytes: 64 })
    const patient = createGatewayClient({
      baseUrl: sim.gatewayUrl,
      apiKey: sim.apiKey,
      idleTimeoutMs: 1000
    })
    expect((await patient.fetchTasks(['task-1'])).tasks).toHaveLength(1)
  })
})

async function closedPort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const port = (server.address() as AddressInfo).port
  await new Promise((resolve) => server.close(resolve))
  return port
}
