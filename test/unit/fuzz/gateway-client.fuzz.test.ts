import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createGatewayClient,
  GatewayError,
  type GatewayClient
} from '../../../src/main/core/gateway/client'
import { GATEWAY_ERROR_CODES } from '../../../src/shared/error-codes'
import { startFuzzServer, type FuzzAnswer, type FuzzServer } from '../../support/fuzz-server'

// The real gateway client (and behind it the normaliser) against a server that answers
// arbitrary statuses, headers and bytes, whole, chunked or cut off (RELIABILITY.md D5,
// GATEWAY.md#errors, #values). Whatever arrives, the client resolves with answers for
// exactly the ids it asked about, or rejects with a GatewayError whose words never repeat
// the key; it never follows a redirect to another origin with the key.

const KEY = 'sk-FUZZ0key0must0never0leak0123456789'
const IDS = [
  'f0zz0000-0000-4000-8000-000000000001',
  'task_fuzz2',
  'f0zz0000-0000-4000-8000-000000000003'
]
const CODES: readonly string[] = GATEWAY_ERROR_CODES

let server: FuzzServer
let elsewhere: FuzzServer
let client: GatewayClient
beforeAll(async () => {
  server = await startFuzzServer()
  elsewhere = await startFuzzServer()
})
afterAll(async () => {
  await server?.close()
  await elsewhere?.close()
})

const headerText = fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '').trim())

const taskish = fc.record(
  {
    task_id: fc.oneof(fc.constantFrom(...IDS), fc.string(), fc.integer()),
    status: fc.oneof(
      fc.constantFrom('SUCCESS', 'FAILURE', 'IN_PROGRESS', 'NOT_START', 'UNKNOWN', ''),
      fc.string()
    ),
    fail_reason: fc.oneof(fc.constant(''), fc.string()),
    submit_time: fc.oneof(fc.integer(), fc.double(), fc.string()),
    data: fc.oneof(
      fc.constant(null),
      fc.array(
        fc.record(
          {
            id: fc.oneof(fc.uuid(), fc.string()),
            status: fc.constantFrom('complete', 'streaming', 'error', 'queued'),
            audio_url: fc.oneof(fc.webUrl(), fc.string()),
            title: fc.string(),
            metadata: fc.jsonValue()
          },
          { requiredKeys: [] }
        ),
        { maxLength: 3 }
      ),
      fc.jsonValue()
    )
  },
  { requiredKeys: [] }
)

const text = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value) ?? '')

const bodies: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.jsonValue().map(text),
  fc
    .record({
      code: fc.oneof(fc.constantFrom('success', 'task_not_exist', 'error'), fc.string()),
      message: fc.oneof(
        fc.string(),
        fc.constantFrom('该令牌额度已用尽', '无效的令牌', 'rate limit')
      ),
      data: fc.oneof(fc.array(taskish, { maxLength: 4 }), taskish, fc.jsonValue())
    })
    .map(text),
  fc.record({ error: fc.record({ message: fc.string(), type: fc.string() }) }).map(text),
  // Gateways quote the key back in their errors (new-api: "[sk-abc***xyz] 该令牌额度已用尽").
  fc
    .constantFrom(
      { error: { message: `无效的令牌 ${KEY}`, type: 'new_api_error' } },
      { code: 'error', message: `[${KEY}] 该令牌额度已用尽` },
      { error: { message: `rate limit for Bearer ${KEY}` } },
      { code: 'task_not_exist', message: KEY.slice(3) }
    )
    .map(text),
  fc.array(taskish, { maxLength: 4 }).map((data) => text({ code: 'success', data })),
  fc
    .constantFrom(
      '<!doctype html><html><body>Just a moment…</body></html>',
      '\uFEFF  {"code":"success","data":[]}',
      '{"code":"success","data":',
      'x'.repeat(100_000),
      `{"code":"success","message":"","data":[],"padding":"${'y'.repeat(80_000)}"}`
    )
    .map((s) => new TextEncoder().encode(s))
)

const answers: fc.Arbitrary<FuzzAnswer> = fc.record({
  status: fc.constantFrom(
    200,
    200,
    200,
    201,
    204,
    206,
    301,
    302,
    303,
    307,
    308,
    400,
    401,
    402,
    403,
    404,
    405,
    408,
    413,
    429,
    500,
    502,
    503,
    504,
    520
  ),
  headers: fc.record(
    {
      'content-type': fc.oneof(
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/html; charset=utf-8',
          'text/plain',
          'application/octet-stream',
          'application/xhtml+xml'
        ),
        headerText
      ),
      'retry-after': fc.oneof(
        fc.constantFrom('0', '7', '86400', '-1', 'Wed, 21 Oct 2015 07:28:00 GMT'),
        headerText
      ),
      location: fc.oneof(
        fc.constantFrom('/suno/fetch', '/elsewhere', '', 'http://[::1', '//evil.test/x'),
        fc.constant('ELSEWHERE'),
        headerText
      ),
      'content-encoding': fc.constantFrom('gzip', 'br', 'identity')
    },
    { requiredKeys: ['content-type'] }
  ),
  body: bodies,
  delivery: fc.constantFrom('length', 'length', 'chunked', 'cut'),
  echoAuthorization: fc.boolean()
})

function expectGatewayError(error: unknown): void {
  expect(error).toBeInstanceOf(GatewayError)
  const e = error as GatewayError
  expect(CODES).toContain(e.code)
  expect(e.message.length).toBeGreaterThan(0)
  for (const words of [e.message, e.detail ?? '', JSON.stringify(e.toData())]) {
    expect(words).not.toContain(KEY)
    expect(words).not.toContain(KEY.slice(3))
  }
}

const outcomes = new Map<string, number>()
const count = (what: string): void => void outcomes.set(what, (outcomes.get(what) ?? 0) + 1)

describe('the gateway client against arbitrary answers', () => {
  it('resolves with answers for exactly the ids asked, or rejects with a GatewayError', async () => {
    await fc.assert(
      fc.asyncProperty(answers, async (answer) => {
        const location = answer.headers.location
        if (location === 'ELSEWHERE') answer.headers.location = `${elsewhere.url}/suno/fetch`
        server.answer = answer
        // A fresh client each time: it remembers whether the batch route exists.
        client = createGatewayClient({
          baseUrl: server.url,
          apiKey: KEY,
          connectTimeoutMs: 2000,
          idleTimeoutMs: 2000,
          maxBodyBytes: 64 * 1024
        })
        try {
          const { tasks, missing } = await client.fetchTasks(IDS)
          const answered = tasks.map((t) => t.taskId)
          expect([...answered, ...missing].sort()).toEqual([...IDS].sort())
          expect(new Set(answered).size).toBe(answered.length)
          expect(structuredClone(tasks)).toEqual(tasks)
          for (const task of tasks)
            for (const clip of task.clips) expect(clip.taskId).toBe(task.taskId)
          count(tasks.length > 0 ? 'answered' : 'none answered')
        } catch (error) {
          expectGatewayError(error)
          count((error as GatewayError).code)
        }
        try {
          const task = await client.fetchTask(IDS[0] as string)
          if (task !== null) expect(task.taskId).toBe(IDS[0])
        } catch (error) {
          expectGatewayError(error)
        }
      }),
      { numRuns: 300, seed: 8080 }
    )
    // The answers reached every branch that matters, not just the first refusal.
    for (const what of [
      'answered',
      'server',
      'not_gateway',
      'malformed',
      'rate_limited',
      'network'
    ]) {
      expect(outcomes.get(what), what).toBeGreaterThan(0)
    }
  })

  it('sent the key to the gateway origin only, and only in the Authorization header', () => {
    expect(server.requests.length).toBeGreaterThan(300)
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${KEY}`)
      expect(request.url).not.toContain(KEY.slice(3))
    }
    expect(elsewhere.requests).toEqual([])
  })
})
