import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clipRowsArgs } from '../../../../src/shared/schemas'
import { seed } from './seed'
import { tempLibrary, type TempLibrary } from './helpers'

// clipRowsByIds: the rows a library change names, read by id on real SQLite, so the
// renderer patches them in its cached pages instead of refetching the pages (issue 11).

describe('slim rows by id', () => {
  let lib: TempLibrary
  beforeAll(async () => {
    lib = await tempLibrary()
    await seed(lib.store)
  })
  afterAll(async () => lib.cleanup())

  it('reads the same slim rows as the list, for the ids that exist', () => {
    const { store } = lib
    const listed = new Map(store.query({ limit: 500 }).rows.map((row) => [row.id, row]))
    const answer = store.rowsByIds(['c-city', 'c-gone', 'c-rock', 'c-city'])
    expect(answer.rows.map((row) => row.id).sort()).toEqual(['c-city', 'c-rock'])
    for (const row of answer.rows) expect(row).toEqual(listed.get(row.id))
    expect(answer.matching.sort()).toEqual(['c-city', 'c-rock'])
  })

  it('says which rows still match the filter sent with them', () => {
    const { store } = lib
    const ids = ['c-city', 'c-night', 'c-cafe', 'c-rock', 'c-jp']
    expect(store.rowsByIds(ids, { favorite: true }).matching.sort()).toEqual(['c-cafe', 'c-night'])
    expect(store.rowsByIds(ids, { userTags: ['chill'], search: 'lights' }).matching).toEqual([
      'c-city'
    ])
    expect(store.rowsByIds(ids, { styleTag: 'synth' }).matching.sort()).toEqual([
      'c-city',
      'c-rock'
    ])
    // Every row is still returned, matching or not: the caller patches or drops it.
    expect(store.rowsByIds(ids, { favorite: true }).rows).toHaveLength(5)
  })

  it('follows a write at once: a favourite shows in the next read', () => {
    const { store } = lib
    store.setFavorite(['c-jp'], true)
    const [row] = store.rowsByIds(['c-jp']).rows
    expect(row?.favorite).toBe(true)
    expect(store.rowsByIds(['c-jp'], { favorite: true }).matching).toEqual(['c-jp'])
    store.setFavorite(['c-jp'], false)
    expect(store.rowsByIds(['c-jp'], { favorite: true }).matching).toEqual([])
  })

  it('is bounded at the bridge: 1 to 500 clip ids, a strict filter', () => {
    const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `c-${i}`)
    expect(clipRowsArgs.safeParse({ ids: ids(500) }).success).toBe(true)
    expect(clipRowsArgs.safeParse({ ids: ids(501) }).success).toBe(false)
    expect(clipRowsArgs.safeParse({ ids: [] }).success).toBe(false)
    expect(clipRowsArgs.safeParse({ ids: ['../x'] }).success).toBe(false)
    expect(clipRowsArgs.safeParse({ ids: ['a'], filter: { rating: 5 } }).success).toBe(false)
  })
})
