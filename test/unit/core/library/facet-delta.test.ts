import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { LibraryFilter } from '../../../../src/shared/domain'
import { openDatabase, type Db } from '../../../../src/main/core/library/db'
import { LOGGED_COLUMNS } from '../../../../src/main/core/library/queries/facet-log'
import { countFacets, facets } from '../../../../src/main/core/library/queries/facets'
import { filterSql } from '../../../../src/main/core/library/queries/filter-sql'
import { reindexClips, unindexClips } from '../../../../src/main/core/library/search-index'
import { one, PK } from '../../../../src/main/core/library/rows/read'
import { seededRandom } from '../../../support/sim-random'
import { T0, clip, task, tempLibrary, type TempLibrary } from './helpers'

// Issue 14 §2: the sidebar's four facets took 136–1 087 ms on the first call after a
// write. A count taken before is now brought up to date by the clips that changed. What
// that must never do: differ from a count from scratch, after any kind of write, in any
// order, with any filter. Real SQLite; the answer is compared with countFacets itself.

let lib: TempLibrary | null = null
let db: Db | null = null
afterEach(async () => {
  db?.close()
  db = null
  await lib?.cleanup()
  lib = null
})

const STYLES = ['pop', 'k-pop', 'ambient', 'synthwave', 'lo-fi', 'jazz', 'female vocals']
const MODELS = ['chirp-v4', 'chirp-v4-5', 'chirp-auk']
const WORDS = ['neon', 'river', 'ghost', '夜晚', 'satellite']

async function library(clips: number): Promise<Db> {
  lib = await tempLibrary()
  const random = seededRandom(7)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const tasks = []
  for (let i = 0; i < clips; i += 2) {
    tasks.push(
      task(
        `t${i}`,
        [i, i + 1].map((n) =>
          clip(`c${n}`, {
            title: `${pick(WORDS)} ${pick(WORDS)} ${n}`,
            styleTags: `${pick(STYLES)}, ${pick(STYLES)}`,
            model: pick(MODELS),
            durationSec: 60 + Math.floor(random() * 180),
            videoUrl: random() < 0.5 ? null : `https://cdn1.suno.ai/c${n}.mp4`
          })
        )
      )
    )
  }
  lib.store.recordTaskResults(tasks, T0, { downloadVideo: true })
  lib.store.tagClips(['c1', 'c2', 'c5'], { add: ['Focus'] })
  lib.store.tagClips(['c2', 'c9'], { add: ['Night drive'] })
  await lib.store.close()
  db = openDatabase(join(lib.dataDir, 'library.sqlite'))
  db.run('UPDATE clips SET has_vocal = pk % 3 = 0, has_video = pk % 2, favorite = pk % 5 = 0')
  return db
}

const FILTERS: LibraryFilter[] = [
  {},
  { favorite: true },
  { favorite: false, hasVideo: true },
  { styleTag: 'pop' },
  { styleTags: ['ambient'] },
  { model: 'chirp-v4', hasVideo: true },
  { instrumental: true },
  { userTags: ['focus'] },
  { durationMin: 120 },
  { downloadState: 'pending' },
  { search: 'neon' },
  { search: 'neon', favorite: true },
  { search: '夜晚 ghost', instrumental: false }
]

/** Counts how often the facets are counted from scratch. */
function counting(inner: Db): { db: Db; recounts: () => number } {
  let n = 0
  const spy: Db = {
    ...inner,
    all: (text, ...params) => {
      if (/GROUP BY c\.model/.test(text)) n++
      return inner.all(text, ...params)
    }
  }
  return { db: spy, recounts: () => n }
}

function expectFresh(d: Db): void {
  for (const filter of FILTERS) {
    expect(facets(d, 'fts5', filter), JSON.stringify(filter)).toEqual(
      countFacets(d, 'fts5', filter)
    )
  }
}

describe('facet counts after a write', () => {
  it('equal a count from scratch after every kind of write, in a random order', async () => {
    const d = await library(80)
    const random = seededRandom(11)
    const pk = (): number => 1 + Math.floor(random() * 80)
    const pks = (): number[] => Array.from({ length: 1 + Math.floor(random() * 3) }, pk)
    const writes: ((x: Db) => void)[] = [
      (x) => x.run(`UPDATE clips SET favorite = 1 - favorite WHERE pk IN (${pks().join()})`),
      (x) => x.run(`UPDATE clips SET has_video = 1 - has_video WHERE pk IN (${pks().join()})`),
      (x) => x.run('UPDATE clips SET model = ? WHERE pk = ?', MODELS[pk() % 3] ?? null, pk()),
      (x) => x.run('UPDATE clips SET model = NULL WHERE pk = ?', pk()),
      (x) =>
        x.run('UPDATE clips SET has_vocal = ? WHERE pk = ?', [0, 1, null][pk() % 3] ?? null, pk()),
      (x) => x.run('UPDATE clips SET duration_sec = ? WHERE pk = ?', 50 + pk() * 2, pk()),
      (x) => x.run("UPDATE clips SET download_state = 'pending' WHERE pk = ?", pk()),
      (x) => x.run('UPDATE clips SET plays = plays + 1, last_played_at = ? WHERE pk = ?', T0, pk()),
      (x) => {
        // A user tag: a structural change (and an index write, for the search filters).
        const target = one(x, PK, 'SELECT pk FROM clips WHERE pk >= ? ORDER BY pk', pk())?.pk ?? 1
        x.run("INSERT OR IGNORE INTO tags (name, key) VALUES ('Focus', 'focus')")
        x.run(
          "INSERT OR IGNORE INTO clip_tags (clip_pk, tag_id) SELECT ?, id FROM tags WHERE key = 'focus'",
          target
        )
        reindexClips(x, 'fts5', [target])
      },
      (x) => {
        // A clip arrives (a sync answer): a structural change.
        const id = `new-${Math.floor(random() * 1e9)}`
        x.run(
          "INSERT INTO clips (id, task_id, title, model, added_at, has_video) VALUES (?, 't0', 'neon ghost', 'chirp-auk', ?, 1)",
          id,
          T0
        )
        const row = one(x, PK, 'SELECT pk FROM clips WHERE id = ?', id)
        reindexClips(x, 'fts5', [row?.pk ?? 0])
      },
      (x) => {
        const target = pk()
        unindexClips(x, 'fts5', [target])
        x.run('DELETE FROM clips WHERE pk = ?', target)
      },
      (x) => {
        expect(() =>
          x.tx(() => {
            x.run(`UPDATE clips SET favorite = 1 - favorite WHERE pk IN (${pks().join()})`)
            expectFresh(x)
            throw new Error('rolled back')
          })
        ).toThrow('rolled back')
      }
    ]
    expectFresh(d)
    // The writes since the last check, to say which sequence went wrong.
    const history: number[] = []
    for (let step = 0; step < 160; step++) {
      const w = Math.floor(random() * writes.length)
      const write = writes[w]
      history.push(w)
      write?.(d)
      // Sometimes several writes land before anyone asks again.
      if (random() < 0.7) {
        try {
          expectFresh(d)
        } catch (e) {
          throw new Error(`writes ${history.join(', ')}: ${(e as Error).message}`)
        }
        history.length = 0
      }
    }
    expectFresh(d)
  })

  it('a favourite is applied by difference, without counting the library again', async () => {
    const d = await library(40)
    const { db: spy, recounts } = counting(d)
    for (const filter of FILTERS) facets(spy, 'fts5', filter)
    const counted = recounts()
    expect(counted).toBe(FILTERS.length)
    for (const id of ['c3', 'c4', 'c3']) {
      d.run('UPDATE clips SET favorite = 1 - favorite WHERE id = ?', id)
      for (const filter of FILTERS) {
        expect(facets(spy, 'fts5', filter)).toEqual(countFacets(d, 'fts5', filter))
      }
    }
    expect(recounts()).toBe(counted)
    // A new user tag on a clip is counted again.
    d.run("INSERT INTO tags (name, key) VALUES ('Gym', 'gym')")
    d.run("INSERT INTO clip_tags (clip_pk, tag_id) SELECT 1, id FROM tags WHERE key = 'gym'")
    facets(spy, 'fts5', {})
    expect(recounts()).toBe(counted + 1)
  })

  it('a write by another process is counted again', async () => {
    const d = await library(20)
    const before = facets(d, 'fts5', {}).favorites
    const other = openDatabase(join(lib?.dataDir ?? '', 'library.sqlite'))
    other.run('UPDATE clips SET favorite = 1')
    other.close()
    expect(facets(d, 'fts5', {}).favorites).toBe(20)
    expect(before).toBeLessThan(20)
  })

  it('logs every column a filter reads', () => {
    const where = filterSql(
      {
        model: 'm',
        favorite: true,
        hasVideo: true,
        instrumental: true,
        createdFrom: 1,
        createdTo: 2,
        addedSince: 3,
        durationMin: 4,
        durationMax: 5,
        downloadState: 'done',
        generationFailed: true
      },
      'fts5'
    )
    const columns = new Set([...where.sql.matchAll(/\bc\.([a-z_]+)/g)].map((m) => m[1]))
    columns.delete('pk')
    expect([...columns].sort()).toEqual([...LOGGED_COLUMNS].sort())
  })
})
