import { existsSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { LibraryChange } from '../../../../src/shared/library-change'
import type { SyncState } from '../../../../src/shared/domain'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { FIXTURES, tempLibrary } from '../../../support/cli-harness'
import { startSimulator, type Simulator } from '../../../support/sim-gateway'
import { headlessHost, SHORT_POLICY } from '../../../support/synced-library'

// The library announces its own writes (library/changes.ts): one task of 2 clips with an
// mp3, an mp4 and a cover each, through the real engine and the simulated gateway, makes
// exactly one change per real change and never asks for a full refresh. Before the feed,
// the same run emitted 7 `library-changed(null)` (full refreshes), 6 per-clip
// `library-changed`, 8 `task-changed` and 14 `sync-state` events.

let sim: Simulator | null = null
let core: SongshelfCore | null = null
afterEach(async () => {
  await core?.stop()
  await sim?.close()
  core = null
  sim = null
})

async function syncOneTask(): Promise<{
  core: SongshelfCore
  changes: LibraryChange[]
  states: SyncState[]
  taskId: string
  clipIds: string[]
}> {
  sim = await startSimulator({ fixturesDir: FIXTURES, seed: 3 })
  const taskId = 'task_sixfiles01'
  const spec = sim.addTask({ id: taskId, clips: 2, video: true, steps: [{ status: 'SUCCESS' }] })
  const made = createSongshelfCore(headlessHost(tempLibrary(), sim), {
    engine: { policy: SHORT_POLICY }
  })
  core = made
  const changes: LibraryChange[] = []
  const states: SyncState[] = []
  made.events.subscribe((event, payload) => {
    if (event === 'library-changed') changes.push(payload)
    if (event === 'sync-state') states.push(payload)
  })
  await made.handlers.addTasks({ text: taskId })
  made.start()
  await made.engine().untilDone()
  await made.idle()
  return { core: made, changes, states, taskId, clipIds: [...spec.clipIds].sort() }
}

describe('the library change feed', () => {
  it('announces one change per real change for a task with 6 files, and no full refresh', async () => {
    const { core: c, changes, taskId, clipIds } = await syncOneTask()
    const [a, b] = clipIds as [string, string]
    const clipChange = (ids: string[], over: Partial<LibraryChange> = {}): LibraryChange => ({
      kind: 'clips',
      clipIds: ids,
      taskIds: [taskId],
      playlistIds: [],
      membership: false,
      facetsDirty: false,
      ...over
    })

    // 1 task added + 1 poll answer (2 new clips) + 6 files settled + 2 clips finished.
    expect(changes).toHaveLength(10)
    expect(changes.filter((ch) => ch.kind === 'reset')).toEqual([])
    // Paste: the task. Poll: the task's answer, its two new clips, in one commit.
    expect(changes[0]).toEqual({ kind: 'tasks', taskIds: [taskId] })
    expect(changes[1]).toEqual(clipChange([a, b], { membership: true, facetsDirty: true }))
    // Then, per clip: its three files (only the video moves a sidebar count, "with
    // video"), and last the finish queue's tags and sidecar. Downloads run in parallel,
    // so the two clips interleave; each clip's own order is fixed.
    const rest = changes.slice(2)
    for (const id of [a, b]) {
      const mine = rest.filter((ch) => ch.kind === 'clips' && ch.clipIds.join() === id)
      expect(mine).toHaveLength(4)
      const files = mine.slice(0, 3)
      expect(files.filter((ch) => ch.kind === 'clips' && ch.facetsDirty)).toEqual([
        clipChange([id], { facetsDirty: true })
      ])
      expect(files.filter((ch) => ch.kind === 'clips' && !ch.facetsDirty)).toHaveLength(2)
      // The finish queue's change comes last, once tags and sidecar are on disk.
      expect(mine[3]).toEqual(clipChange([id]))
      const sidecar = c
        .library()
        .getClip(id)
        ?.files.find((f) => f.kind === 'sidecar')
      expect(sidecar?.state).toBe('done')
      expect(existsSync(sidecar?.path ?? '')).toBe(true)
    }
  })

  it('sends sync-state only when the state really changes, one per transition', async () => {
    const { states } = await syncOneTask()
    // Before, the same run sent 14 (17 in the review's probe), many equal to the one before.
    for (let i = 1; i < states.length; i++) {
      expect(states[i], `sync-state ${i} repeats ${i - 1}`).not.toEqual(states[i - 1])
    }
    expect(states.at(-1)).toMatchObject({ activeDownloads: 0, queuedDownloads: 0, pendingTasks: 0 })
  })

  it('tells the hub about writes made straight through the library (the CLI does that)', async () => {
    const { core: c, changes, clipIds } = await syncOneTask()
    changes.length = 0
    const [a] = clipIds as [string]
    c.library().setFavorite([a], true)
    c.library().tagClips([a], { add: ['road trip'] })
    c.library().setFavorite([a], true) // already a favourite: nothing changed, nothing said
    c.library().addTasks(['task_sixfiles02'], Date.now())
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'clips', clipIds: [a], facetsDirty: true }),
      expect.objectContaining({ kind: 'clips', clipIds: [a], facetsDirty: true }),
      { kind: 'tasks', taskIds: ['task_sixfiles02'] }
    ])
  })

  it('announces a transaction once, after it commits, and nothing when it rolls back', async () => {
    const { core: c, changes } = await syncOneTask()
    changes.length = 0
    const lib = c.library()
    expect(() =>
      lib.batch(() => {
        lib.addTasks(['task_rolledback1'], Date.now())
        expect(changes).toEqual([]) // not before the commit
        throw new Error('boom')
      })
    ).toThrow('boom')
    expect(changes).toEqual([])
    expect(lib.getTask('task_rolledback1')).toBeNull()
    lib.batch(() => {
      lib.addTasks(['task_together01'], Date.now())
      lib.addTasks(['task_together02'], Date.now())
    })
    expect(changes).toEqual([{ kind: 'tasks', taskIds: ['task_together01', 'task_together02'] }])
  })

  it('asks for a full refresh only when a write touches everything', async () => {
    const { core: c, changes } = await syncOneTask()
    changes.length = 0
    const result = await c.library().rebuild()
    expect(result.ok).toBe(true)
    expect(changes).toEqual([{ kind: 'reset' }])
  })
})
