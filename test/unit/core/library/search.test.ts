import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ids, seed } from './seed'
import { clip, task, T0, tempLibrary, type TempLibrary } from './helpers'

// Searching in both modes: FTS5 and the LIKE fallback for SQLite builds without it.
describe.each([
  ['FTS5', false],
  ['LIKE fallback', true]
])('searching the library (%s)', (_name, disableFts) => {
  let lib: TempLibrary
  beforeAll(async () => {
    lib = await tempLibrary({ disableFts })
    await seed(lib.store)
  })
  afterAll(async () => lib.cleanup())

  it('finds songs as the user types, word by word', () => {
    expect(ids(lib.store, { search: 'ci' })).toContain('c-city')
    expect(ids(lib.store, { search: 'city lig' })).toEqual(['c-city'])
    expect(ids(lib.store, { search: 'storms' })).toEqual(['c-rock'])
    expect(ids(lib.store, { search: 'road' })).toEqual(['c-city'])
  })

  it('finds Chinese and Japanese text by any part of it', () => {
    expect(ids(lib.store, { search: '夜晚' })).toEqual(['c-night'])
    expect(ids(lib.store, { search: '夜晚城' })).toEqual(['c-night'])
    expect(ids(lib.store, { search: '城市' })).toEqual(['c-night'])
    expect(ids(lib.store, { search: '夜' }).sort()).toEqual(['c-jp', 'c-night'])
    expect(ids(lib.store, { search: 'さくら' })).toEqual(['c-jp'])
    expect(ids(lib.store, { search: '城里' })).toEqual([])
  })

  it('never fails on search syntax the user happens to type', () => {
    for (const text of [
      '"',
      'AND',
      'title:x',
      'NEAR(a b)',
      '*',
      '(',
      "'); DROP TABLE clips; --",
      '^-+',
      '   '
    ]) {
      expect(() => lib.store.query({ search: text })).not.toThrow()
    }
    expect(ids(lib.store, { search: 'thunder AND' })).toEqual(['c-rock'])
    expect(lib.store.query({ search: '   ' }).total).toBe(5)
  })
})

describe('searching with FTS5', () => {
  let lib: TempLibrary
  beforeAll(async () => {
    lib = await tempLibrary()
    await seed(lib.store)
  })
  afterAll(async () => lib.cleanup())

  it('folds accents in search', () => {
    expect(ids(lib.store, { search: 'cafe' })).toEqual(['c-cafe'])
  })
})

describe('search after a task is polled again', () => {
  it('follows changed lyrics and titles, and keeps finding unchanged ones', async () => {
    const lib = await tempLibrary()
    try {
      const first = clip('c-poll', { title: 'Draft Song', lyrics: 'alpha verse' })
      lib.store.recordTaskResult(task('t-poll', [first], { state: 'pending' }), T0, {
        downloadVideo: true
      })
      expect(ids(lib.store, { search: 'alpha' })).toEqual(['c-poll'])
      // The same answer again (a generating task polled twice): still found.
      lib.store.recordTaskResult(task('t-poll', [first], { state: 'pending' }), T0 + 1, {
        downloadVideo: true
      })
      expect(ids(lib.store, { search: 'alpha' })).toEqual(['c-poll'])
      // The final answer changes the text: the old words go, the new ones are found.
      const final = clip('c-poll', { title: 'Final Song', lyrics: 'bravo chorus' })
      lib.store.recordTaskResult(task('t-poll', [final]), T0 + 2, { downloadVideo: true })
      expect(ids(lib.store, { search: 'bravo' })).toEqual(['c-poll'])
      expect(ids(lib.store, { search: 'final' })).toEqual(['c-poll'])
      expect(ids(lib.store, { search: 'alpha' })).toEqual([])
      expect(ids(lib.store, { search: 'draft' })).toEqual([])
    } finally {
      await lib.cleanup()
    }
  })
})
