import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../../src/main/core/library/db'
import { facets } from '../../../../src/main/core/library/queries/facets'
import {
  countMatches,
  indexWritesSinceOptimize,
  reindexClips
} from '../../../../src/main/core/library/search-index'
import { OPTIMIZE_AFTER_WRITES } from '../../../../src/main/core/library/search-upkeep'
import { T0, clip, task, tempLibrary, type TempLibrary } from './helpers'

// The search levers of issue 14 §2, checked for what they must not break: a cached
// answer is never stale after a write (ours or another process's), the longer prefix
// index is built on upgrade, and the idle optimize really merges the index. No timings.

let lib: TempLibrary | null = null
afterEach(async () => {
  await lib?.cleanup()
  lib = null
})

async function library(count: number, prefix = 'c'): Promise<TempLibrary> {
  const l = await tempLibrary()
  addClips(l, count, prefix)
  return l
}

function addClips(l: TempLibrary, count: number, prefix: string): void {
  const tasks = []
  for (let i = 0; i < count; i += 2) {
    tasks.push(
      task(`t-${prefix}${i}`, [
        clip(`${prefix}${i}`, { title: `Neon ${prefix} ${i}` }),
        clip(`${prefix}${i + 1}`, { title: `Satellite ${prefix} ${i}`, lyrics: 'quiet river' })
      ])
    )
  }
  l.store.recordTaskResults(tasks, T0, { downloadVideo: false })
}

/** Counts how often each statement text runs through the Db. */
function counting(db: Db): { db: Db; runs: (match: RegExp) => number } {
  const texts: string[] = []
  const spy: Db = {
    ...db,
    all: (text, ...params) => (texts.push(text), db.all(text, ...params)),
    get: (text, ...params) => (texts.push(text), db.get(text, ...params)),
    run: (text, ...params) => (texts.push(text), db.run(text, ...params))
  }
  return { db: spy, runs: (match) => texts.filter((t) => match.test(t)).length }
}

const dbOf = (l: TempLibrary): Db => openDatabase(join(l.dataDir, 'library.sqlite'))

describe('one FTS evaluation per query, until the next write', () => {
  it('counts the matches of a search once for its count, pages and facets', async () => {
    lib = await library(40)
    const db = dbOf(lib)
    try {
      const { db: spy, runs } = counting(db)
      expect(countMatches(spy, 'fts5', 'neon')).toBe(20)
      expect(countMatches(spy, 'fts5', 'neon')).toBe(20)
      facets(spy, 'fts5', { search: 'neon' })
      expect(runs(/count\(\*\) AS n FROM clips_fts/)).toBe(1)
    } finally {
      db.close()
    }
  })

  it('never answers from the cache after a write, by this process or another', async () => {
    lib = await library(40)
    const store = lib.store
    expect(store.query({ search: 'sat' }).total).toBe(20)
    expect(store.facets({ search: 'sat' }).total).toBe(20)
    expect(store.facets({}).favorites).toBe(0)

    addClips(lib, 4, 'more')
    expect(store.query({ search: 'sat' }).total).toBe(22)
    expect(store.facets({ search: 'sat' }).total).toBe(22)

    store.setFavorite(['c1', 'c3'], true)
    expect(store.facets({}).favorites).toBe(2)
    store.tagClips(['c1'], { add: ['Saturday'] })
    expect(store.facets({ search: 'sat' }).userTags).toEqual([{ value: 'Saturday', count: 1 }])

    // Another connection (the CLI beside the app) deletes a clip.
    const other = new DatabaseSync(join(lib.dataDir, 'library.sqlite'), { timeout: 5000 })
    other.exec("UPDATE clips SET favorite = 0 WHERE id = 'c3'")
    other.close()
    expect(store.facets({}).favorites).toBe(1)
  })

  it('facets of the same filter are counted once, then kept up to date by difference', async () => {
    lib = await library(40)
    const db = dbOf(lib)
    try {
      const { db: spy, runs } = counting(db)
      const first = facets(spy, 'fts5', { search: 'neon', favorite: false })
      const again = facets(spy, 'fts5', { search: 'neon', favorite: false })
      expect(again).toEqual(first)
      expect(runs(/GROUP BY c\.model/)).toBe(1)
      db.run("UPDATE clips SET favorite = 1 WHERE id = 'c0'")
      expect(facets(spy, 'fts5', { search: 'neon', favorite: false }).total).toBe(19)
      // facet-delta.ts: one clip changed a column, so nothing was counted again.
      expect(runs(/GROUP BY c\.model/)).toBe(1)
      db.run("UPDATE clips SET title = 'Neon again' WHERE id = 'c1'")
      reindexClips(db, 'fts5', [2])
      expect(facets(spy, 'fts5', { search: 'neon', favorite: false }).total).toBe(20)
      expect(runs(/GROUP BY c\.model/)).toBe(2)
    } finally {
      db.close()
    }
  })
})

describe('a match count outlives writes the search index does not see', () => {
  it('is kept across a favourite and a play, and recounted after each index write', async () => {
    lib = await library(40)
    const db = dbOf(lib)
    try {
      const { db: spy, runs } = counting(db)
      const counts = (): number => runs(/count\(\*\) AS n FROM clips_fts/)
      expect(countMatches(spy, 'fts5', 'sat')).toBe(20)
      db.run("UPDATE clips SET favorite = 1, plays = plays + 1 WHERE id = 'c1'")
      expect(countMatches(spy, 'fts5', 'sat')).toBe(20)
      expect(counts()).toBe(1)
      // A user tag is indexed text: the same search now matches one more song.
      db.run("UPDATE clips SET title = 'Saturn' WHERE id = 'c0'")
      reindexClips(db, 'fts5', [1])
      expect(countMatches(spy, 'fts5', 'sat')).toBe(21)
      expect(counts()).toBe(2)
    } finally {
      db.close()
    }
  })

  it('is recounted when another process writes the index', async () => {
    lib = await library(40)
    const store = lib.store
    expect(store.query({ search: 'sat' }).total).toBe(20)
    await store.close()
    const db = dbOf(lib)
    try {
      expect(countMatches(db, 'fts5', 'sat')).toBe(20)
      const other = openDatabase(join(lib.dataDir, 'library.sqlite'))
      other.run("UPDATE clips SET title = 'Saturn' WHERE pk = 1")
      reindexClips(other, 'fts5', [1])
      other.close()
      expect(countMatches(db, 'fts5', 'sat')).toBe(21)
    } finally {
      db.close()
    }
  })

  it('never keeps what was counted inside a transaction that rolled back', async () => {
    lib = await library(40)
    const db = dbOf(lib)
    try {
      expect(countMatches(db, 'fts5', 'sat')).toBe(20)
      expect(() =>
        db.tx(() => {
          db.run("UPDATE clips SET title = 'Saturn' WHERE pk = 1")
          reindexClips(db, 'fts5', [1])
          expect(countMatches(db, 'fts5', 'sat')).toBe(21)
          throw new Error('the write failed')
        })
      ).toThrow('the write failed')
      expect(countMatches(db, 'fts5', 'sat')).toBe(20)
    } finally {
      db.close()
    }
  })
})

describe('the search index itself', () => {
  it('is rebuilt with prefix indexes up to 6 characters when an older one is found', async () => {
    lib = await library(10)
    await lib.store.close()
    const raw = new DatabaseSync(join(lib.dataDir, 'library.sqlite'))
    // An index as version 1 built it.
    raw.exec(`DROP TABLE clips_fts;
      CREATE VIRTUAL TABLE clips_fts USING fts5(title, style_tags, lyrics, prompt, user_tags,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
      UPDATE meta SET value = '1' WHERE key = 'fts_version'`)
    raw.close()
    const store = lib.open()
    expect(store.query({ search: 'satel' }).total).toBe(5)
    expect(store.query({ search: 'Neon c 4' }).total).toBe(1)
    const check = new DatabaseSync(join(lib.dataDir, 'library.sqlite'))
    const { sql } = check
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'clips_fts'")
      .get() as {
      sql: string
    }
    check.close()
    expect(sql).toContain("prefix = '1 2 3 4 5 6'")
  })

  it('is merged into one segment once enough was written and writes went quiet', async () => {
    lib = await library(200)
    const segments = (): number => {
      const raw = new DatabaseSync(join(lib!.dataDir, 'library.sqlite'))
      const { n } = raw.prepare('SELECT count(DISTINCT segid) AS n FROM clips_fts_idx').get() as {
        n: number
      }
      raw.close()
      return n
    }
    // Many small syncs: each adds a segment; re-tagging leaves tombstones.
    for (let round = 0; round < 12; round++) {
      addClips(lib, 2 * Math.ceil(OPTIMIZE_AFTER_WRITES / 24), `r${round}-`)
    }
    lib.store.tagClips(
      Array.from({ length: 100 }, (_, i) => `c${i}`),
      { add: ['Road trip'] }
    )
    expect(segments()).toBeGreaterThan(1)
    const db = dbOf(lib)
    try {
      expect(indexWritesSinceOptimize(db)).toBe(0) // counted per connection
    } finally {
      db.close()
    }
    lib.store.tidySearchIndex()
    expect(segments()).toBe(1)
    expect(lib.store.query({ search: 'road' }).total).toBe(100)
    expect(lib.store.query({ search: 'neon' }).total).toBeGreaterThan(OPTIMIZE_AFTER_WRITES / 2)
  })
})
