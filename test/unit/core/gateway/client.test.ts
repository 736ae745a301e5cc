import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGatewayClient, type GatewayClient } from '../../../../src/main/core/gateway/client'
import { GatewayError } from '../../../../src/main/core/gateway/errors'
import { startSimulator, type Simulator } from '../../../support/sim-gateway'

// Polling behaviour against the simulated gateway over real HTTP (GATEWAY.md#routes, #polling).

let sim: Simulator
let client: GatewayClient

beforeEach(async () => {
  sim = await startSimulator({ seed: 7 })
  client = createGatewayClient({ baseUrl: sim.gatewayUrl, apiKey: sim.apiKey })
})
afterEach(async () => {
  await sim.close()
})

const batchBodies = (): string[][] =>
  sim.requests
    .filter((r) => r.method === 'POST')
    .map((r) => (JSON.parse(r.body ?? '{}') as { ids: string[] }).ids)

describe('batch polling', () => {
  it('polls 120 tasks in three requests of at most 50 ids and answers each of them', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `task-${String(i).padStart(3, '0')}`)
    for (const id of ids) sim.addTask({ id })
    const { tasks, missing } = await client.fetchTasks(ids)
    expect(sim.counts().batch).toBe(3)
    expect(batchBodies().map((b) => b.length)).toEqual([50, 50, 20])
    expect(tasks.map((t) => t.taskId)).toEqual(ids)
    expect(missing).toEqual([])
    expect(client.batchSupported).toBe(true)
    const sent = sim.requests.find((r) => r.method === 'POST')
    expect(sent?.headers['content-type']).toBe('application/json')
    expect(sent?.authorization).toBe(`Bearer ${sim.apiKey}`)
  })

  it('follows a task from waiting through streaming to a finished song', async () => {
    sim.addTask({ id: 'song', title: 'City Lights' })
    const states = []
    for (let poll = 0; poll < 3; poll++) {
      const [task] = (await client.fetchTasks(['song'])).tasks
      states.push([task?.state, task?.clips.map((c) => c.status).join(',')])
    }
    expect(states).toEqual([
      ['pending', ''],
      ['pending', 'streaming,streaming'],
      ['succeeded', 'complete,complete']
    ])
  })

  it('reports ids the gateway left out, and only those', async () => {
    sim.addTask({ id: 'known-1' })
    sim.addTask({ id: 'known-2' })
    sim.setFault({ kind: 'partial', drop: ['known-2'] }, { times: 1 })
    const { tasks, missing } = await client.fetchTasks([
      'known-1',
      'known-2',
      'unknown-3',
      'known-1'
    ])
    expect(tasks.map((t) => t.taskId)).toEqual(['known-1'])
    expect(missing).toEqual(['known-2', 'unknown-3'])
    // The caller confirms them one by one: one exists after all, one does not.
    expect((await client.fetchTask('known-2'))?.taskId).toBe('known-2')
    expect(await client.fetchTask('unknown-3')).toBeNull()
  })

  it('matches answers by task id, whatever their order, and ignores ids nobody asked for', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f']
    for (const id of ids) sim.addTask({ id })
    sim.addTask({ id: 'someone-else' })
    sim.setFault({ kind: 'shuffle' })
    sim.setFault({ kind: 'extra', ids: ['someone-else', 'stranger'] })
    const { tasks, missing } = await client.fetchTasks(ids)
    expect(tasks.map((t) => t.taskId)).toEqual(ids)
    expect(missing).toEqual([])
  })

  it('asks for nothing when there is nothing to poll', async () => {
    expect(await client.fetchTasks([])).toEqual({ tasks: [], missing: [] })
    expect(sim.requests).toHaveLength(0)
  })

  it('reads every clip shape the simulator sends into the same domain fields', async () => {
    for (const shape of ['raw', 'flattened', 'camel'] as const) {
      sim.addTask({ id: `t-${shape}`, shape, steps: [{ status: 'SUCCESS' }], title: 'Neon Rain' })
    }
    sim.addTask({ id: 't-lyrics', shape: 'lyrics', steps: [{ status: 'SUCCESS' }], lyrics: '月光' })
    const { tasks } = await client.fetchTasks(['t-raw', 't-flattened', 't-camel', 't-lyrics'])
    for (const task of tasks.slice(0, 3)) {
      expect(task.state).toBe('succeeded')
      for (const clip of task.clips) {
        expect(clip).toMatchObject({ title: 'Neon Rain', status: 'complete', model: 'chirp-v4' })
        expect(clip.audioUrl).toBe(sim.mediaUrl(clip.id, 'audio'))
        expect(clip.durationSec).toBeGreaterThan(0)
      }
    }
    expect(tasks[3]).toMatchObject({ kind: 'lyrics', lyrics: { text: '月光' } })
  })
})

describe('gateways without the batch route', () => {
  it.each(['404', '405', 'html', 'invalid_url'] as const)(
    'falls back to one GET per id when the batch route answers %s, and remembers it',
    async (as) => {
      sim.addTask({ id: 'x1' })
      sim.addTask({ id: 'x2' })
      sim.setFault({ kind: 'batch_missing', as })
      const first = await client.fetchTasks(['x1', 'x2', 'nope'])
      expect(first.tasks.map((t) => t.taskId)).toEqual(['x1', 'x2'])
      expect(first.missing).toEqual(['nope'])
      expect(client.batchSupported).toBe(false)
      const before = sim.counts()
      await client.fetchTasks(['x1', 'x2'])
      const after = sim.counts()
      expect(after.batch - before.batch).toBe(0)
      expect(after.single - before.single).toBe(2)
      expect(sim.requests.find((r) => r.path === '/suno/fetch/x1')?.authorization).toBe(
        `Bearer ${sim.apiKey}`
      )
    }
  )

  it('encodes ids in the single-task path', async () => {
    sim.addTask({ id: 'task/with ?odd#chars' })
    const task = await client.fetchTask('task/with ?odd#chars')
    expect(task?.taskId).toBe('task/with ?odd#chars')
    expect(sim.requests.at(-1)?.path).toBe('/suno/fetch/task%2Fwith%20%3Fodd%23chars')
  })

  it('does not blame the batch route when the whole base URL is wrong', async () => {
    const wrong = createGatewayClient({ baseUrl: `${sim.gatewayUrl}/suno-api`, apiKey: sim.apiKey })
    const err = await wrong.fetchTasks(['x']).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(GatewayError)
    expect((err as GatewayError).code).toBe('not_gateway')
    expect(wrong.batchSupported).toBeNull()
  })
})

describe('single fetch', () => {
  it('returns null for task_not_exist on new-api (400) and one-hub (404)', async () => {
    expect(await client.fetchTask('ghost')).toBeNull()
    expect(sim.requests.at(-1)?.status).toBe(400)
    sim.flavor = 'one-hub'
    expect(await client.fetchTask('ghost')).toBeNull()
    expect(sim.requests.at(-1)?.status).toBe(404)
  })

  it('advances the task like a batch poll does', async () => {
    sim.addTask({ id: 'one', steps: [{ status: 'IN_PROGRESS' }, { status: 'SUCCESS' }] })
    expect((await client.fetchTask('one'))?.state).toBe('pending')
    expect((await client.fetchTask('one'))?.state).toBe('succeeded')
  })
})
