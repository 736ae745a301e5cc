import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { T0, clip, downloadAll, task, tempLibrary, type TempLibrary } from './helpers'

let lib: TempLibrary
beforeEach(async () => {
  lib = await tempLibrary()
})
afterEach(async () => {
  await lib.cleanup()
})

const video = { downloadVideo: true }

describe('tasks the user added', () => {
  it('adds new ids once and reports the ones already known', () => {
    const { store } = lib
    expect(store.addTasks(['t1', 't2', 't1', ' t3 '], T0)).toEqual({
      added: ['t1', 't2', 't3'],
      known: []
    })
    expect(store.addTasks(['t2', 't4'], T0 + 1)).toEqual({ added: ['t4'], known: ['t2'] })
    expect(store.getTask('t2')).toMatchObject({ state: 'pending', addedAt: T0, notFoundCount: 0 })
  })

  it('polls due tasks only, and remembers when to poll next', () => {
    const { store } = lib
    store.addTasks(['t1', 't2'], T0)
    store.recordPoll('t1', {
      lastPolledAt: T0,
      nextPollAt: T0 + 20_000,
      stale: true
    })
    expect(store.tasksToPoll(T0 + 1).map((t) => t.id)).toEqual(['t2'])
    expect(store.tasksToPoll(T0 + 20_000).map((t) => t.id)).toEqual(['t2', 't1'])
    expect(store.getTask('t1')).toMatchObject({ stale: true, lastPolledAt: T0 })
    expect(store.pendingTasks()).toHaveLength(2)
  })

  it('gives up on tasks with a reason, and a retry polls them again', () => {
    const { store } = lib
    store.addTasks(['t1', 't2'], T0)
    store.markTaskNotFound('t1', T0)
    store.markTaskFailed('t2', 'No answer for 24 hours.', T0)
    expect(store.pendingTasks()).toEqual([])
    const rows = store.listTasks()
    expect(rows.find((t) => t.id === 't1')?.phase).toBe('not_found')
    expect(rows.find((t) => t.id === 't2')).toMatchObject({
      phase: 'failed',
      failReason: 'No answer for 24 hours.'
    })
    expect(store.retryTask('t2')).toBe(true)
    expect(store.tasksToPoll(T0).map((t) => t.id)).toEqual(['t2'])
    expect(store.getTask('t2')?.failReason).toBeNull()
  })

  it('never turns a finished task back into not found', () => {
    const { store } = lib
    store.recordTaskResult(task('t1', [clip('c1')]), T0, video)
    store.markTaskNotFound('t1', T0)
    store.markTaskFailed('t1', 'late', T0)
    expect(store.getTask('t1')?.state).toBe('succeeded')
  })

  it('stores a LYRICS task as text, with no clips and no media', () => {
    const { store } = lib
    store.recordTaskResult(
      task('t-lyr', [], {
        kind: 'lyrics',
        action: 'LYRICS',
        lyrics: { title: 'Night', text: '[Verse]\n…' }
      }),
      T0,
      video
    )
    expect(store.query({}).total).toBe(0)
    expect(store.downloadJobs()).toEqual([])
    expect(store.listTasks()[0]).toMatchObject({
      id: 't-lyr',
      phase: 'done',
      clipIds: [],
      lyrics: { title: 'Night', text: '[Verse]\n…' }
    })
  })

  it('stores many tasks in one batch', () => {
    const { store } = lib
    const tasks = Array.from({ length: 50 }, (_, i) =>
      task(`t${i}`, [clip(`c${i}a`), clip(`c${i}b`)])
    )
    store.recordTaskResults(tasks, T0, video)
    expect(store.query({}).total).toBe(100)
    expect(store.listTasks()).toHaveLength(50)
  })

  it('removing a task forgets it but keeps its songs', async () => {
    const { store } = lib
    store.recordTaskResult(task('t1', [clip('c1')]), T0, video)
    await downloadAll(store)
    expect(store.removeTask('t1')).toBe(true)
    expect(store.listTasks()).toEqual([])
    expect(store.getTask('t1')).toBeNull()
    expect(store.getClip('c1')?.hasAudio).toBe(true)
    expect(store.getFilePath('c1', 'audio')).toMatch(/City Lights \[c1\]\.mp3$/u)
  })
})
