import { rm } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SyncState } from '../../../../src/shared/domain'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { createHeadlessHost } from '../../../../src/main/core/app/headless-host'
import { FIXTURES, tempLibrary } from '../../../support/cli-harness'
import { startSimulator, type Simulator } from '../../../support/sim-gateway'

// The queue pauses the same way for a full disk and for a library folder that went away
// (an unplugged drive), and the sync state's code says which: the banner words the one it
// is, in the user's language, instead of "the disk is full" for an unplugged drive.

let sim: Simulator
let dirs: { dataDir: string; libraryDir: string }
let c: SongshelfCore | null = null

beforeEach(async () => {
  sim = await startSimulator({ fixturesDir: FIXTURES, seed: 12 })
  dirs = tempLibrary()
})
afterEach(async () => {
  await c?.stop()
  c = null
  await sim.close()
})

function waitForState(core: SongshelfCore, match: (s: SyncState) => boolean): Promise<SyncState> {
  return new Promise((resolve) => {
    if (match(core.engine().state())) return resolve(core.engine().state())
    const off = core.events.subscribe((event, payload) => {
      if (event === 'sync-state' && match(payload)) {
        off()
        resolve(payload)
      }
    })
  })
}

describe('downloads paused for a library folder that went away', () => {
  it('say so with the library code, not as a full disk', async () => {
    const host = createHeadlessHost({
      transport: 'cli',
      version: '0.0.0',
      ...dirs,
      baseUrl: sim.gatewayUrl,
      apiKey: sim.apiKey
    })
    c = createSongshelfCore(host, {
      engine: { policy: { youngIntervalMs: 20, oldIntervalMs: 20 }, progressIntervalMs: 20 }
    })
    await c.ready()
    // The drive is unplugged after the library was opened.
    await rm(dirs.libraryDir, { recursive: true, force: true })
    const t = sim.addTask({ id: '00000000-0000-4000-8000-00000000a001', clips: 1, video: false })
    c.library().addTasks([t.id], Date.now())
    c.start()
    const paused = await waitForState(c, (s) => s.status === 'disk_full')
    expect(paused.downloadsPaused).toBe(true)
    expect(paused.message).toContain('library folder is not available')
    // Old code: no code, so the app could only say its disk-full words.
    expect(paused.messageCode).toBe('file_library_missing')
  })
})
