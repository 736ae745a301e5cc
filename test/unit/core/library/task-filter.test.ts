import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryFilter, libraryQuery } from '../../../../src/shared/schemas'
import { smartRule } from '../../../../src/shared/playlist-schemas'
import { clip, T0, task, tempLibrary, type TempLibrary } from './helpers'

// Issue 13: "Show songs of this task" filters the library to one task's clips. The task id
// is part of the filter language (libraryFilter.taskId), so the list, its count, the facets,
// the type-ahead and smart playlists (which share the filter) all follow it.

let lib: TempLibrary

beforeAll(async () => {
  lib = await tempLibrary()
  lib.store.recordTaskResults(
    [
      task('task-a', [
        clip('ta-1', { title: 'Harbour', styleTags: 'jazz' }),
        clip('ta-2', { title: 'Harbour' })
      ]),
      task('task-b', [
        clip('tb-1', { title: 'Neon', styleTags: 'rock' }),
        clip('tb-2', { title: 'Neon Rain', styleTags: 'jazz' })
      ]),
      task('11111111-2222-4333-8444-555555555555', [clip('tc-1', { title: 'Glass' })])
    ],
    T0,
    { downloadVideo: false }
  )
})
afterAll(async () => lib.cleanup())

const ids = (filter: Record<string, unknown>): string[] =>
  lib.store
    .query(filter)
    .rows.map((row) => row.id)
    .sort()

describe('the task filter', () => {
  it('shows the clips of that task only, with the other filters on top', () => {
    expect(ids({ taskId: 'task-b' })).toEqual(['tb-1', 'tb-2'])
    expect(lib.store.query({ taskId: 'task-b' }).total).toBe(2)
    expect(ids({ taskId: '11111111-2222-4333-8444-555555555555' })).toEqual(['tc-1'])
    expect(ids({ taskId: 'task-b', search: 'rock' })).toEqual(['tb-1'])
    expect(ids({ taskId: 'task-a', styleTags: ['jazz'] })).toEqual(['ta-1'])
    expect(ids({ taskId: 'no-such-task' })).toEqual([])
  })

  it('the facets and the type-ahead follow it', () => {
    const styles = lib.store
      .facets({ taskId: 'task-b' })
      .styleTags.map((s) => s.value)
      .sort()
    expect(styles).toEqual(['jazz', 'rock'])
    expect(lib.store.titleIndex({ taskId: 'task-b', sort: 'title', prefix: 'neon r' })).toBe(1)
    expect(lib.store.titleIndex({ taskId: 'task-b', prefix: 'harb' })).toBeNull()
  })

  it('a smart playlist may keep a task as its rule', async () => {
    const rule = { filter: { taskId: 'task-a' } }
    expect(smartRule.safeParse(rule).success).toBe(true)
    const smart = await lib.store.playlists.create({ name: 'One task', rule })
    expect(smart.count).toBe(2)
    expect(lib.store.playlists.clipIds(smart.id).sort()).toEqual(['ta-1', 'ta-2'])
  })

  it('the bridge schema takes a task id and refuses anything else', () => {
    expect(libraryQuery.safeParse({ taskId: 'task_abc-1.2:3' }).success).toBe(true)
    expect(libraryFilter.safeParse({ taskId: "x' OR 1=1" }).success).toBe(false)
    expect(libraryFilter.safeParse({ taskId: '' }).success).toBe(false)
    expect(libraryFilter.safeParse({ taskId: 'x'.repeat(129) }).success).toBe(false)
  })
})
