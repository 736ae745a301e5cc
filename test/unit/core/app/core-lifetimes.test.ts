import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SyncState } from '../../../../src/shared/domain'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { createHeadlessHost } from '../../../../src/main/core/app/headless-host'
import { FIXTURES, tempLibrary } from '../../../support/cli-harness'
import { startSimulator, type Simulator } from '../../../support/sim-gateway'

// What the core keeps between poll cycles and what it costs to report its state.

let sim: Simulator
let core: SongshelfCore | undefined

beforeEach(async () => {
  sim = await startSimulator({ fixturesDir: FIXTURES, seed: 5 })
})
afterEach(async () => {
  await core?.stop()
  core = undefined
  await sim.close()
})

const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

function makeCore(): SongshelfCore {
  const host = createHeadlessHost({
    transport: 'cli',
    version: '0.0.0',
    ...tempLibrary(),
    baseUrl: sim.gatewayUrl,
    apiKey: sim.apiKey
  })
  core = createSongshelfCore(host, {
    engine: {
      policy: { youngIntervalMs: 20, oldIntervalMs: 20, backoffBaseMs: 20, backoffMaxMs: 100 },
      progressIntervalMs: 20
    }
  })
  return core
}

function waitForState(c: SongshelfCore, match: (s: SyncState) => boolean): Promise<SyncState> {
  return new Promise((resolve) => {
    const off = c.events.subscribe((event, payload) => {
      if (event === 'sync-state' && match(payload)) {
        off()
        resolve(payload)
      }
    })
    if (match(c.engine().state())) {
      off()
      resolve(c.engine().state())
    }
  })
}

describe('the gateway client lives as long as the address and key', () => {
  it('asks a gateway without the batch route for it once, not on every poll cycle', async () => {
    sim.setFault({ kind: 'batch_missing', as: '404' })
    for (const id of [uuid(1), uuid(2)])
      sim.addTask({ id, steps: [{ status: 'IN_PROGRESS', polls: 1000 }] })
    const c = makeCore()
    await c.handlers.addTasks({ text: `${uuid(1)} ${uuid(2)}` })
    c.start()
    // Four cycles: each asks for both tasks one by one.
    await vi.waitFor(() => expect(sim.counts().single).toBeGreaterThanOrEqual(8), {
      timeout: 30_000,
      interval: 20
    })
    expect(sim.counts().batch).toBe(1)
  })
})

describe('sync state', () => {
  it('counts queued downloads without listing the pending jobs', async () => {
    sim.addTask({ id: uuid(3) })
    const c = makeCore()
    c.engine().pauseDownloads()
    await c.handlers.addTasks({ text: uuid(3) })
    c.start()
    const state = await waitForState(c, (s) => s.pendingTasks === 0 && s.queuedDownloads > 0)
    expect(state.queuedDownloads).toBe(6) // 2 clips × audio, video, cover
    const listing = vi.spyOn(c.library(), 'downloadJobs')
    for (let i = 0; i < 20; i++) expect(c.engine().state().queuedDownloads).toBe(6)
    expect(listing).not.toHaveBeenCalled()
  })
})
