import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LibraryQuery, SortDir, SortKey } from '../../../../src/shared/domain'
import { titlePrefixQuery } from '../../../../src/shared/schemas'
import { clip, T0, task, tempLibrary, type TempLibrary } from './helpers'

// Issue 13: the list's type-ahead asks the core for the view index of the first clip whose
// title starts with what was typed, across the whole view in its own filter and order (not
// only the rows the renderer has loaded), ignoring case, accents and character width.

const TITLES = [
  'City Lights',
  'city lights',
  'Cityscape',
  'Ｃｉｔｙ Ｒａｉｎ',
  'Éclair',
  'eclipse',
  'Harbour',
  '夜の街',
  'ﾖﾙ',
  '',
  'Zebra',
  'harbour lights'
]

let lib: TempLibrary

beforeAll(async () => {
  lib = await tempLibrary()
  // Nulls and ties in every sort column: the answer must follow SQLite's own order.
  const clips = TITLES.map((title, i) =>
    clip(`tp-${String(i).padStart(2, '0')}`, {
      title,
      durationSec: i % 3 === 0 ? null : 100 + (i % 4) * 10,
      styleTags: i % 4 === 0 ? null : i % 2 === 0 ? 'Pop' : 'pop, rock',
      model: i % 5 === 0 ? 'chirp-v3-5' : 'chirp-v4',
      createdAt: T0 - (i % 3) * 60_000,
      raw: { id: `tp-${i}`, title }
    })
  )
  lib.store.recordTaskResults(
    [task('tp-task-1', clips.slice(0, 6)), task('tp-task-2', clips.slice(6))],
    T0,
    { downloadVideo: false }
  )
  lib.store.setFavorite(['tp-00', 'tp-02', 'tp-04', 'tp-11'], true)
})
afterAll(async () => lib.cleanup())

/** The same answer the slow way: every row of the view, in order, folded in JS. */
function bruteForce(q: LibraryQuery, prefix: string): number | null {
  const rows = []
  for (let offset = 0; ; offset += 5) {
    const page = lib.store.query({ ...q, offset, limit: 5 })
    rows.push(...page.rows)
    if (page.rows.length < 5) break
  }
  const fold = (text: string): string =>
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .normalize('NFC')
  const index = rows.findIndex((row) => fold(row.title).startsWith(fold(prefix)))
  return index < 0 ? null : index
}

const SORTS: SortKey[] = [
  'created',
  'added',
  'title',
  'duration',
  'plays',
  'lastPlayed',
  'style',
  'model'
]

describe('type-ahead: the first title with a prefix, in the view order', () => {
  it('agrees with reading the whole view, for every sort, direction and filter', () => {
    const prefixes = ['c', 'city', 'city ', 'CITY L', 'ecl', 'h', 'harbour l', '夜', 'ﾖ', 'z', 'q']
    for (const sort of SORTS) {
      for (const dir of ['asc', 'desc'] as SortDir[]) {
        for (const filter of [{}, { favorite: true }, { search: 'lights' }]) {
          for (const prefix of prefixes) {
            const q = { ...filter, sort, dir }
            expect(
              lib.store.titleIndex({ ...q, prefix }),
              `${sort} ${dir} ${JSON.stringify(filter)} "${prefix}"`
            ).toBe(bruteForce(q, prefix))
          }
        }
      }
    }
  })

  it('ignores case, accents and width, and a space typed after a word is part of it', () => {
    const sorted = { sort: 'title', dir: 'asc' } as const
    const titleAt = (index: number | null): string | undefined =>
      index === null
        ? undefined
        : lib.store.query({ ...sorted, offset: index, limit: 1 }).rows[0]?.title
    expect(titleAt(lib.store.titleIndex({ ...sorted, prefix: 'city r' }))).toBe('Ｃｉｔｙ Ｒａｉｎ')
    expect(titleAt(lib.store.titleIndex({ ...sorted, prefix: 'ECLA' }))).toBe('Éclair')
    expect(titleAt(lib.store.titleIndex({ ...sorted, prefix: 'cityS' }))).toBe('Cityscape')
    // "city " starts "City Lights", never "Cityscape".
    const spaced = lib.store.titleIndex({ ...sorted, prefix: 'city ' })
    expect(titleAt(spaced)).toMatch(/^city lights$/iu)
    expect(lib.store.titleIndex({ ...sorted, prefix: 'nothing like it' })).toBeNull()
    expect(lib.store.titleIndex({ ...sorted, prefix: '   ' })).toBeNull()
    expect(lib.store.titleIndex({ search: 'no such words at all', prefix: 'c' })).toBeNull()
  })

  it('the bridge schema bounds the prefix and refuses unknown fields', () => {
    expect(titlePrefixQuery.safeParse({ prefix: 'a', sort: 'title' }).success).toBe(true)
    expect(titlePrefixQuery.safeParse({ prefix: '' }).success).toBe(false)
    expect(titlePrefixQuery.safeParse({ prefix: 'x'.repeat(101) }).success).toBe(false)
    expect(titlePrefixQuery.safeParse({ prefix: 'a', sql: '1' }).success).toBe(false)
  })
})
