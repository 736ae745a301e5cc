import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SMART_PRESETS } from '../../../../src/shared/playlists'
import { openDatabase, type Db } from '../../../../src/main/core/library/db'
import { queryPlaylist } from '../../../../src/main/core/library/playlists/store'
import { T0, clip, task, tempLibrary, type TempLibrary } from './helpers'

// Issue 15's bench misses: a 10 000-clip playlist's first rows and "Never played" at
// 100 000 clips. What they must not break: the page and count equal a naive reading of
// the index after every kind of write; "Never played" with many matches reads its page in
// the sort's order instead of sorting every unplayed clip (the plan is pinned, not timed).

let lib: TempLibrary | null = null
afterEach(async () => {
  await lib?.cleanup()
  lib = null
})

const CLIPS = 1_400

async function library(): Promise<TempLibrary> {
  const l = await tempLibrary()
  const tasks = []
  for (let i = 0; i < CLIPS; i += 2) {
    tasks.push(
      task(`t${i}`, [
        clip(`c${i}`, { title: `Song ${i}` }),
        clip(`c${i + 1}`, { title: `Song ${i + 1}` })
      ])
    )
  }
  // One task per answer, a minute apart: added_at differs, so the sort is not by id only.
  tasks.forEach((t, n) => l.store.recordTaskResults([t], T0 + n * 60_000, { downloadVideo: false }))
  return l
}

/** Every SQL text the Db is asked to run. */
function recording(db: Db): { db: Db; texts: { sql: string; params: unknown[] }[] } {
  const texts: { sql: string; params: unknown[] }[] = []
  const spy: Db = {
    ...db,
    all: (sql, ...params) => (texts.push({ sql, params }), db.all(sql, ...params)),
    get: (sql, ...params) => (texts.push({ sql, params }), db.get(sql, ...params))
  }
  return { db: spy, texts }
}

function naiveNeverPlayed(path: string): string[] {
  const raw = new DatabaseSync(path)
  try {
    const rows = raw.prepare('SELECT id, added_at, plays FROM clips').all()
    return rows
      .filter((r) => r.plays === 0)
      .sort((a, b) =>
        a.added_at !== b.added_at
          ? Number(b.added_at) - Number(a.added_at)
          : String(b.id) < String(a.id)
            ? -1
            : 1
      )
      .map((r) => String(r.id))
  } finally {
    raw.close()
  }
}

describe('a smart "Never played" over a large library', () => {
  it('is the naive list in order, page by page, as songs get played', async () => {
    lib = await library()
    const never = await lib.store.playlists.create({ name: 'N', rule: SMART_PRESETS.neverPlayed })
    const path = join(lib.dataDir, 'library.sqlite')
    for (const played of [[], ['c1399', 'c1398', 'c700'], ['c0', 'c5']]) {
      for (const id of played) lib.store.recordPlay(id, T0, 60_000)
      const naive = naiveNeverPlayed(path)
      const first = lib.store.playlists.query(never.id, 0, 100)
      const deep = lib.store.playlists.query(never.id, 1_200, 100)
      expect(first.total).toBe(naive.length)
      expect(first.rows.map((r) => r.id)).toEqual(naive.slice(0, 100))
      expect(deep.rows.map((r) => r.id)).toEqual(naive.slice(1_200, 1_300))
      expect(lib.store.playlists.get(never.id).count).toBe(naive.length)
    }
  })

  it('reads its first page along the sort index, not by sorting every unplayed clip', async () => {
    lib = await library()
    const never = await lib.store.playlists.create({ name: 'N', rule: SMART_PRESETS.neverPlayed })
    const db = openDatabase(join(lib.dataDir, 'library.sqlite'))
    try {
      const { db: spy, texts } = recording(db)
      queryPlaylist({ db: spy, mode: 'fts5', now: () => T0 }, never.id, 0, 100)
      const page = texts.find((t) => t.sql.includes('ORDER BY') && t.sql.includes('plays = 0'))
      expect(page).toBeDefined()
      const plan = db
        .all(`EXPLAIN QUERY PLAN ${page?.sql ?? ''}`, ...(page?.params as []))
        .map((r) => r['detail'])
      // The window of 100 is chosen walking clips_added (the outer query then sorts just
      // those 100); through clips_plays it would sort all 1 400 unplayed clips first.
      expect(plan).toContain('SCAN c USING INDEX clips_added')
      expect(plan.join('\n')).not.toContain('clips_plays')
    } finally {
      db.close()
    }
  })
})

describe('a large manual playlist', () => {
  it('counts its visible items right after writes by this process and another', async () => {
    lib = await library()
    const store = lib.store
    const ids = Array.from({ length: 1_200 }, (_, i) => `c${i}`)
    const p = await store.playlists.create({ name: 'Big', clipIds: ids })
    expect(store.playlists.query(p.id, 0, 100).total).toBe(1_200)
    expect(store.playlists.query(p.id, 0, 100).total).toBe(1_200)
    await store.playlists.add(p.id, ['c1300', 'c1301'])
    expect(store.playlists.query(p.id, 0, 100).total).toBe(1_202)
    await store.deleteClips(['c3'])
    expect(store.playlists.query(p.id, 0, 100).total).toBe(1_201)
    // Another connection (the CLI beside the app) removes a clip.
    const other = new DatabaseSync(join(lib.dataDir, 'library.sqlite'), { timeout: 5000 })
    other.exec("DELETE FROM clips WHERE id = 'c4'")
    other.close()
    expect(store.playlists.query(p.id, 0, 100).total).toBe(1_200)
    expect(store.playlists.get(p.id).count).toBe(1_200)
  })
})
