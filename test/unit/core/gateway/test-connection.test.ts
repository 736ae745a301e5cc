import { createServer } from 'node:http'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createGatewayClient,
  testConnection,
  validateBaseUrl
} from '../../../../src/main/core/gateway/client'
import { GatewayError } from '../../../../src/main/core/gateway/errors'
import { startSimulator, type Simulator } from '../../../support/sim-gateway'

// The settings screen's "Test connection" button and address field.

let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator()
})
afterEach(async () => {
  await sim.close()
})

describe('testConnection', () => {
  it('says ok for the right address and key, with an empty batch that touches no task', async () => {
    const result = await testConnection({ baseUrl: `${sim.gatewayUrl}/`, apiKey: sim.apiKey })
    expect(result.result).toBe('ok')
    expect(sim.requests).toHaveLength(1)
    expect(sim.requests[0]?.body).toBe('{"ids":[]}')
  })

  it('says the key was rejected, in words that name the problem', async () => {
    const wrong = await testConnection({ baseUrl: sim.gatewayUrl, apiKey: 'sk-nope' })
    expect(wrong).toMatchObject({
      result: 'key_rejected',
      code: 'auth_invalid_key',
      status: 401,
      message: expect.stringMatching(/rejected the API key/)
    })
    sim.setFault({ kind: 'auth', message: '该令牌额度已用尽' }, { times: 1 })
    const broke = await testConnection({ baseUrl: sim.gatewayUrl, apiKey: sim.apiKey })
    expect(broke).toMatchObject({
      result: 'key_rejected',
      message: expect.stringMatching(/credit/)
    })
    const empty = await testConnection({ baseUrl: sim.gatewayUrl, apiKey: '  ' })
    expect(empty).toMatchObject({ result: 'no_key', code: 'no_key' })
  })

  it('says the address is not a gateway when it serves a web page', async () => {
    const result = await testConnection({
      baseUrl: `${sim.gatewayUrl}/console`,
      apiKey: sim.apiKey
    })
    expect(result.result).toBe('not_gateway')
    expect(result.message).toMatch(/base URL/)
  })

  it('still says ok for a gateway without the batch route, by probing a single fetch', async () => {
    sim.setFault({ kind: 'batch_missing', as: '404' })
    const result = await testConnection({ baseUrl: sim.gatewayUrl, apiKey: sim.apiKey })
    expect(result.result).toBe('ok')
    expect(result.message).toMatch(/one at a time/)
    expect(sim.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 404', 'GET 400'])
  })

  it('says unreachable when nothing listens or the gateway is down', async () => {
    const server = createServer()
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const port = (server.address() as AddressInfo).port
    await new Promise((resolve) => server.close(resolve))
    expect(
      (await testConnection({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'k' })).result
    ).toBe('unreachable')
    sim.setFault({ kind: 'html', status: 502 })
    expect((await testConnection({ baseUrl: sim.gatewayUrl, apiKey: sim.apiKey })).result).toBe(
      'unreachable'
    )
  })

  it('refuses an insecure address without sending anything', async () => {
    const result = await testConnection({ baseUrl: 'http://gateway.example.com', apiKey: 'sk-x' })
    expect(result).toEqual({
      result: 'not_gateway',
      code: 'bad_request',
      message: expect.stringMatching(/https/)
    })
  })

  it('an empty address is "enter the address first", not "not a gateway" (issue 13, defect 6)', async () => {
    expect(await testConnection({ baseUrl: '  ', apiKey: sim.apiKey })).toMatchObject({
      result: 'no_address',
      code: 'no_address'
    })
    expect(sim.requests).toHaveLength(0)
  })

  it('tells what was asked, the status and the time, and why nothing answered', async () => {
    const ok = await testConnection({ baseUrl: sim.gatewayUrl, apiKey: sim.apiKey })
    expect(ok).toMatchObject({
      result: 'ok',
      code: 'connected',
      url: `${sim.gatewayUrl}/suno/fetch`,
      status: 200,
      elapsedMs: expect.any(Number)
    })
    sim.setFault({ kind: 'html', status: 502 }, { times: 1 })
    expect(await testConnection({ baseUrl: sim.gatewayUrl, apiKey: sim.apiKey })).toMatchObject({
      result: 'unreachable',
      code: 'server',
      status: 502
    })
    const server = createServer()
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const port = (server.address() as AddressInfo).port
    await new Promise((resolve) => server.close(resolve))
    expect(
      await testConnection({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'k' })
    ).toMatchObject({
      result: 'unreachable',
      code: 'refused',
      status: null,
      systemCode: 'ECONNREFUSED'
    })
  })
})

describe('validateBaseUrl', () => {
  it.each([
    ['https://api.example.com', 'https://api.example.com'],
    ['  https://api.example.com///  ', 'https://api.example.com'],
    ['https://api.example.com/proxy/', 'https://api.example.com/proxy'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
    ['HTTPS://API.Example.com', 'https://api.example.com']
  ])('accepts %j as %j', (input, url) => {
    expect(validateBaseUrl(input)).toEqual({ ok: true, url })
  })

  it.each([
    ['', /Enter the gateway address/],
    ['api.example.com', /not a web address/],
    ['http://api.example.com', /https/],
    ['http://192.168.1.10:3000', /https/],
    ['ftp://api.example.com', /https/],
    ['file:///etc/passwd', /https/],
    ['https://user:pass@api.example.com', /user name and password/],
    ['https://api.example.com/?key=sk-1', /after \? or #/]
  ])('rejects %j with a message saying why', (input, message) => {
    const result = validateBaseUrl(input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })

  it('is enforced by the client before any request', () => {
    let thrown: unknown = null
    try {
      createGatewayClient({ baseUrl: 'http://evil.example', apiKey: 'sk-1' })
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(GatewayError)
    expect((thrown as GatewayError).code).toBe('bad_request')
    expect(sim.requests).toHaveLength(0)
  })

  it('accepts a pasted "Bearer sk-…" key and sends it once', async () => {
    sim.addTask({ id: 't' })
    const client = createGatewayClient({
      baseUrl: sim.gatewayUrl,
      apiKey: ` Bearer ${sim.apiKey} `
    })
    expect((await client.fetchTasks(['t'])).tasks).toHaveLength(1)
    expect(sim.requests[0]?.authorization).toBe(`Bearer ${sim.apiKey}`)
  })
})
