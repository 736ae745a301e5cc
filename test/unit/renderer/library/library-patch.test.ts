import { describe, expect, it } from 'vitest'
import type { ClipRow } from '../../../../src/shared/domain'
import { createChangeBatcher } from '../../../../src/renderer/src/store/library-changes'
import {
  coversWholeList,
  planPatch,
  withoutRows,
  type ClipsBatch
} from '../../../../src/renderer/src/store/library-patch'
import { makeRow } from './support'

// The rules behind patching the cached pages (store/library-patch.ts), on sparse caches
// the way a 100 000-row library has them: pages around the screen, far ones absent.

function pages(offsets: number[], size = 200): Map<number, ClipRow[]> {
  return new Map(offsets.map((o) => [o, Array.from({ length: size }, (_, i) => makeRow(o + i))]))
}
const batch = (ids: string[], o: Partial<ClipsBatch> = {}): ClipsBatch => ({
  clipIds: new Set(ids),
  membership: false,
  facetsDirty: false,
  ...o
})
const id = (i: number): string => makeRow(i).id

describe('patching cached pages', () => {
  it('knows when the cache holds the whole list', () => {
    expect(coversWholeList(pages([0, 200]), 400)).toBe(true)
    expect(coversWholeList(new Map([[0, [makeRow(0)]]]), 1)).toBe(true)
    expect(coversWholeList(pages([0]), 201)).toBe(false)
    expect(coversWholeList(new Map(), 0)).toBe(true)
  })

  it('takes a row out and moves the rest up; a page whose tail is unknown is read again', () => {
    const cache = pages([0, 200])
    const { pages: next, stale } = withoutRows(cache, new Set([5]), 999)
    expect(next.get(0)).toHaveLength(200)
    expect(next.get(0)?.[5]?.id).toBe(id(6))
    expect(next.get(0)?.[199]?.id).toBe(id(200))
    // Page 200 now starts at old row 201; its last row would be old row 400, not cached.
    expect(next.get(200)?.[0]?.id).toBe(id(201))
    expect(next.get(200)).toHaveLength(199)
    expect(stale).toEqual([200])
  })

  it('a file state on a clip far from the cached rows changes nothing and reads nothing more', () => {
    const view = {
      sort: 'created' as const,
      filtersDownloadState: false,
      pages: pages([0]),
      total: 100_000
    }
    const far = makeRow(50_000, { downloadState: 'pending' })
    const plan = planPatch(batch([far.id]), { rows: [far], matching: [far.id] }, view)
    expect(plan).toMatchObject({ kind: 'patch', changedRows: 0, removedRows: 0, total: 100_000 })
  })

  it('refetches what the cache cannot place', () => {
    const base = {
      sort: 'created' as const,
      filtersDownloadState: false,
      pages: pages([0]),
      total: 100_000
    }
    const far = makeRow(50_000)
    const answer = { rows: [far], matching: [far.id] }
    // A tag or favourite far away may move it into a filtered view; so may a play under a
    // plays sort, or a file state under a download-state filter.
    expect(planPatch(batch([far.id], { facetsDirty: true }), answer, base).kind).toBe('refetch')
    expect(planPatch(batch([far.id]), answer, { ...base, sort: 'plays' }).kind).toBe('refetch')
    expect(planPatch(batch([far.id]), answer, { ...base, filtersDownloadState: true }).kind).toBe(
      'refetch'
    )
    // A new clip in a list that is all cached enters it somewhere: refetch.
    const small = { ...base, pages: pages([0], 10), total: 10 }
    const fresh = makeRow(99)
    expect(
      planPatch(
        batch([fresh.id], { membership: true }),
        { rows: [fresh], matching: [fresh.id] },
        small
      ).kind
    ).toBe('refetch')
    // A cached row whose sort key changed: refetch.
    const renamed = makeRow(3, { title: 'Zzz' })
    expect(
      planPatch(
        batch([renamed.id]),
        { rows: [renamed], matching: [renamed.id] },
        {
          ...small,
          sort: 'title'
        }
      ).kind
    ).toBe('refetch')
  })

  it('keeps the unchanged rows and pages as the same objects', () => {
    const cache = pages([0], 10)
    const starred = makeRow(3, { favorite: true })
    const plan = planPatch(
      batch([starred.id]),
      { rows: [starred], matching: [starred.id] },
      {
        sort: 'created',
        filtersDownloadState: false,
        pages: cache,
        total: 10
      }
    )
    if (plan.kind !== 'patch') throw new Error('expected a patch')
    expect(plan.changedRows).toBe(1)
    expect(plan.pages.get(0)?.[3]).toBe(starred)
    expect(plan.pages.get(0)?.[2]).toBe(cache.get(0)?.[2])
  })
})

describe('merging changes per frame', () => {
  it('one flush per scheduled frame, over the merged ids; changes during a flush come next', async () => {
    const frames: (() => void)[] = []
    const flushed: string[][] = []
    let release: () => void = () => undefined
    const batcher = createChangeBatcher(
      async (b) => {
        flushed.push([...(b.clips?.clipIds ?? [])].sort())
        await new Promise<void>((resolve) => (release = resolve))
      },
      (run) => void frames.push(run)
    )
    const change = (ids: string[]): Parameters<typeof batcher.add>[0] => ({
      kind: 'clips',
      clipIds: ids,
      taskIds: [],
      playlistIds: [],
      membership: false,
      facetsDirty: false
    })
    batcher.add(change(['b']))
    batcher.add(change(['a', 'b']))
    batcher.add({ kind: 'playlists', playlistIds: ['p'] })
    expect(frames).toHaveLength(1)
    frames.shift()?.()
    expect(flushed).toEqual([['a', 'b']])
    batcher.add(change(['c']))
    expect(frames).toHaveLength(0)
    release()
    await Promise.resolve()
    await Promise.resolve()
    expect(frames).toHaveLength(1)
    frames.shift()?.()
    expect(flushed).toEqual([['a', 'b'], ['c']])
    release()
    batcher.dispose()
  })
})
