import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db, Param } from '../../../../src/main/core/library/db'
import { queryClips } from '../../../../src/main/core/library/queries/clips'
import { filterSql, orderSql } from '../../../../src/main/core/library/queries/filter-sql'
import type { LibraryFilter, SortDir } from '../../../../src/shared/domain'
import { tempLibrary, type TempLibrary } from './helpers'
import { SORTS, largestOffset, recordedDb, seedSortTies } from './sort-ties'

// Issue 14 §1: the renderer bench's End key (and the bottom of a fling) waited 0.1–0.5 s
// for the last page of 100,000 clips, because OFFSET n steps over n rows. A page in the
// far half of the order is now read from the other end with the order reversed. These
// check on real SQLite that every page is exactly the OFFSET page, for every sort in
// both directions with ties and NULLs in every sort column, filtered and searched, and
// that the last page no longer skips most of the library.

const N = 240
const DIRS: readonly (SortDir | undefined)[] = ['asc', 'desc', undefined]
const FILTERS: readonly { name: string; filter: LibraryFilter }[] = [
  { name: 'the whole library', filter: {} },
  { name: 'a style', filter: { styleTag: 'rock' } },
  { name: 'a search', filter: { search: 'beta' } }
]

let lib: TempLibrary
let db: Db
const ran: { sql: string; params: Param[] }[] = []

beforeEach(async () => {
  lib = await tempLibrary()
  await seedSortTies(lib, N)
  ran.length = 0
  db = recordedDb(lib.store.dbPath, ran)
})
afterEach(async () => {
  db.close()
  await lib.cleanup()
})

/** The view's ids by definition: one ORDER BY over every clip the filter keeps. */
function expected(filter: LibraryFilter, sort: (typeof SORTS)[number], dir?: SortDir): string[] {
  const where = filterSql(filter, 'fts5')
  const raw = new DatabaseSync(lib.store.dbPath, { readOnly: true })
  try {
    return raw
      .prepare(`SELECT c.id FROM clips c WHERE ${where.sql} ORDER BY ${orderSql(sort, dir)}`)
      .all(...where.params)
      .map((row) => String(row.id))
  } finally {
    raw.close()
  }
}

describe('a page in the far half of the order is read from the other end', () => {
  for (const { name, filter } of FILTERS)
    for (const sort of SORTS)
      for (const dir of DIRS)
        it(`${name}, ${sort} ${dir ?? '(default)'}: every page is the OFFSET page`, () => {
          const order = expected(filter, sort, dir)
          expect(order.length).toBeGreaterThan(10)
          for (const limit of [7, 50])
            for (let offset = 0; offset <= order.length + limit; offset += 5) {
              const page = queryClips(db, 'fts5', { ...filter, sort, dir, offset, limit })
              expect(page.total).toBe(order.length)
              expect(page.offset).toBe(offset)
              expect(page.rows.map((r) => r.id)).toEqual(order.slice(offset, offset + limit))
            }
        })

  it('the last page of the library skips a page, not the library (failed before: OFFSET 200)', () => {
    const last = queryClips(db, 'fts5', { offset: N - 40, limit: 40 })
    expect(last.rows).toHaveLength(40)
    expect(largestOffset(ran)).toBe(0)
    ran.length = 0
    queryClips(db, 'fts5', { offset: N / 2 + 10, limit: 40 })
    expect(largestOffset(ran)).toBeLessThanOrEqual(N / 2)
  })

  it('a page in the near half still reads forwards', () => {
    queryClips(db, 'fts5', { offset: 40, limit: 40 })
    expect(largestOffset(ran)).toBe(40)
  })
})
