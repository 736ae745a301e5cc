import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UNREADABLE_SUCCESS_MESSAGE } from '../../../../src/main/core/gateway/normalize'
import { UNREADABLE_ANSWERS_LIMIT } from '../../../../src/main/core/library/ingest'
import { T0, clip, task, tempLibrary, type TempLibrary } from './helpers'

// A music task whose gateway says SUCCESS but sends nothing readable (issue 16) is asked
// again a few times, then becomes a problem with the gateway's answer kept.

let lib: TempLibrary
beforeEach(async () => {
  lib = await tempLibrary()
})
afterEach(async () => {
  await lib.cleanup()
})

const video = { downloadVideo: true }
const unreadable = task('t1', [], {
  state: 'pending',
  unreadable: { task_id: 't1', status: 'SUCCESS', data: { clips: { x: { note: 'odd' } } } }
})

describe('a success with nothing readable', () => {
  it('stays pending and shows as a problem while Songshelf asks again', () => {
    const { store } = lib
    store.addTasks(['t1'], T0)
    store.recordTaskResult(unreadable, T0, video)
    expect(store.tasksToPoll(T0).map((t) => t.id)).toEqual(['t1'])
    const row = store.listTasks()[0]
    expect(row).toMatchObject({ state: 'pending', phase: 'unreadable' })
    expect(row?.problem).toMatchObject({ code: 'unreadable_success', answers: 1, final: false })
    expect(JSON.parse(row?.problem?.answer ?? '')).toEqual(unreadable.unreadable)
  })

  it(`gives up after ${UNREADABLE_ANSWERS_LIMIT} such answers: failed, in plain words, answer kept`, () => {
    const { store } = lib
    store.addTasks(['t1'], T0)
    for (let i = 0; i < UNREADABLE_ANSWERS_LIMIT; i++) {
      store.recordTaskResult(unreadable, T0 + i, video)
      store.recordPoll('t1', { lastPolledAt: T0 + i, nextPollAt: T0 + i + 20_000 })
    }
    expect(store.pendingTasks()).toEqual([])
    const row = store.listTasks()[0]
    expect(row).toMatchObject({
      state: 'failed',
      phase: 'unreadable',
      failReason: UNREADABLE_SUCCESS_MESSAGE,
      nextPollAt: null
    })
    expect(row?.problem).toMatchObject({ answers: UNREADABLE_ANSWERS_LIMIT, final: true })
    expect(row?.problem?.answer).toContain('"note":"odd"')

    // Retry asks again from scratch; a readable answer then clears the problem.
    expect(store.retryTask('t1')).toBe(true)
    store.recordTaskResult(unreadable, T0 + 10, video)
    expect(store.listTasks()[0]?.problem).toMatchObject({ answers: 1, final: false })
    store.recordTaskResult(task('t1', [clip('c1'), clip('c2')]), T0 + 11, video)
    expect(store.listTasks()[0]).toMatchObject({
      state: 'succeeded',
      phase: 'downloading',
      problem: null,
      clipIds: ['c1', 'c2']
    })
  })

  it('a readable answer in between starts the count again', () => {
    const { store } = lib
    store.addTasks(['t1'], T0)
    for (let i = 0; i < UNREADABLE_ANSWERS_LIMIT - 1; i++)
      store.recordTaskResult(unreadable, T0, video)
    store.recordTaskResult(
      task('t1', [], { state: 'pending', upstreamStatus: 'IN_PROGRESS' }),
      T0,
      video
    )
    store.recordTaskResult(unreadable, T0, video)
    expect(store.listTasks()[0]).toMatchObject({ state: 'pending', problem: { answers: 1 } })
  })
})
