import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../src/main/core/library/db'
import { pageSql } from '../../../../src/main/core/library/queries/clips'
import type { LibraryQuery } from '../../../../src/shared/domain'
import { ids, seed } from './seed'
import { tempLibrary, type TempLibrary } from './helpers'

// Issue 13: several style facets at once (all of them, not the last one clicked), and the
// list sorted by style and by model, read in index order rather than sorted per page.

describe('styles together, and sorting by style and model', () => {
  let lib: TempLibrary
  beforeAll(async () => {
    lib = await tempLibrary()
    await seed(lib.store)
  })
  afterAll(async () => lib.cleanup())

  it('keeps the clips that have every chosen style', () => {
    const { store } = lib
    expect(ids(store, { styleTags: ['c-pop'] })).toEqual(['c-night'])
    expect(ids(store, { styleTags: ['c-pop', 'ballad'] })).toEqual(['c-night'])
    // AND, not OR: no clip is both.
    expect(ids(store, { styleTags: ['c-pop', 'j-pop'] })).toEqual([])
    // Facet names are exact: "pop" is not "c-pop" (the free-text styleTag still is).
    expect(ids(store, { styleTags: ['pop'] })).toEqual([])
    expect(ids(store, { styleTags: ['  Ballad '] })).toEqual(['c-night'])
    expect(ids(store, { styleTags: ['synth', 'hard rock'], styleTag: 'synth' })).toEqual(['c-rock'])
    expect(store.facets({ styleTags: ['dreamy synthwave'] }).total).toBe(1)
  })

  it('sorts by style and by model, A→Z first, ties by id', () => {
    const { store } = lib
    expect(ids(store, { sort: 'style' })).toEqual(['c-night', 'c-city', 'c-rock', 'c-jp', 'c-cafe'])
    expect(ids(store, { sort: 'style', dir: 'desc' })).toEqual([
      'c-cafe',
      'c-jp',
      'c-rock',
      'c-city',
      'c-night'
    ])
    expect(ids(store, { sort: 'model' })).toEqual(['c-night', 'c-cafe', 'c-city', 'c-jp', 'c-rock'])
    const paged = [0, 2, 4].flatMap((offset) => ids(store, { sort: 'model', offset, limit: 2 }))
    expect(paged).toEqual(ids(store, { sort: 'model' }))
  })

  it('reads a style or model page from an index, with no sort of every row', () => {
    const db = openDatabase(join(lib.dataDir, 'library.sqlite'))
    try {
      db.raw.exec('ANALYZE')
      const plan = (q: LibraryQuery): string => {
        const { sql, params } = pageSql(q, 'fts5', null).rows
        return db
          .all(`EXPLAIN QUERY PLAN ${sql}`, ...params)
          .map((row) => row['detail'])
          .join('\n')
      }
      for (const dir of ['asc', 'desc'] as const) {
        expect(plan({ sort: 'style', dir })).toMatch(/clips_style_sort/)
        expect(plan({ sort: 'style', dir })).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
        expect(plan({ sort: 'model', dir })).toMatch(/clips_model_sort/)
        expect(plan({ sort: 'model', dir })).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
      }
      // The library view's default filter (failed generations hidden) keeps the plan.
      expect(plan({ sort: 'style', generationFailed: false })).not.toMatch(/TEMP B-TREE/)
    } finally {
      db.close()
    }
  })
})
