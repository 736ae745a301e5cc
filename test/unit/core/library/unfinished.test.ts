import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../../src/main/core/library/db'
import {
  UNFINISHED_SLICE_PKS,
  unfinishedClips,
  unfinishedClipsAfter
} from '../../../../src/main/core/library/finalize'
import { T0, clip, task, tempLibrary, type TempLibrary } from './helpers'

// The start-up sweep's leftover query (issue 12 §3, issue 14 §1). It was a correlated
// EXISTS that SQLite drove from `files_state (state=?)`: about half of all done files
// visited per clip, 73 s at 20 000 clips without sidecars. These tests pin the plan and
// the answer, not a time.

let lib: TempLibrary | null = null
afterEach(async () => {
  await lib?.cleanup()
  lib = null
})

/** A library of `count` clips in tasks of two, every file still pending. */
async function library(count: number): Promise<TempLibrary> {
  const l = await tempLibrary()
  const tasks = []
  for (let i = 0; i < count; i += 2) {
    tasks.push(task(`t${i}`, [clip(`c${i}`), clip(`c${i + 1}`)]))
  }
  l.store.recordTaskResults(tasks, T0, { downloadVideo: true })
  return l
}

/** Every statement a function runs through the Db, recorded. */
function recording(db: Db): { db: Db; texts: Set<string> } {
  const texts = new Set<string>()
  const spy: Db = {
    ...db,
    all: (text, ...params) => (texts.add(text), db.all(text, ...params)),
    get: (text, ...params) => (texts.add(text), db.get(text, ...params))
  }
  return { db: spy, texts }
}

describe('the leftover query of the start-up sweep', () => {
  it('never plans a correlated probe or a scan through files_state', async () => {
    lib = await library(400)
    const raw = new DatabaseSync(join(lib.dataDir, 'library.sqlite'))
    // A crash-like library: everything downloaded, no sidecar written.
    raw.exec("UPDATE files SET state = 'done'")
    raw.close()
    const db = openDatabase(join(lib.dataDir, 'library.sqlite'))
    try {
      db.raw.exec('ANALYZE')
      const { db: spy, texts } = recording(db)
      expect(unfinishedClips(spy)).toHaveLength(400)
      expect(texts.size).toBeGreaterThan(0)
      for (const text of texts) {
        const params = (text.match(/\?/g) ?? []).map(() => 0)
        const plan = db
          .all(`EXPLAIN QUERY PLAN ${text}`, ...params)
          .map((row) => row['detail'])
          .join('\n')
        expect(plan, text).not.toMatch(/CORRELATED/)
        expect(plan, text).not.toMatch(/files_state/)
        // Every read of `files` is by its primary key, in key order.
        for (const line of plan.split('\n').filter((l) => /\bf(iles)?\b/.test(l))) {
          if (/^(SCAN|SEARCH) (files|f)\b/.test(line)) {
            expect(line, text).toMatch(/sqlite_autoindex_files_1|PRIMARY KEY/)
          }
        }
      }
    } finally {
      db.close()
    }
  })

  it('finds exactly the clips with media done, nothing pending and no sidecar, across slices', async () => {
    const count = 2 * UNFINISHED_SLICE_PKS + 300
    lib = await library(count)
    const raw = new DatabaseSync(join(lib.dataDir, 'library.sqlite'))
    const pkOf = (id: string): number =>
      (raw.prepare('SELECT pk FROM clips WHERE id = ?').get(id) as { pk: number }).pk
    const expected: string[] = []
    raw.exec('BEGIN')
    const set = raw.prepare('UPDATE files SET state = ? WHERE clip_pk = ? AND kind = ?')
    const sidecar = raw.prepare(
      "INSERT INTO files (clip_pk, kind, state, updated_at) VALUES (?, 'sidecar', ?, 0)"
    )
    for (let i = 0; i < count; i++) {
      const pk = pkOf(`c${i}`)
      switch (i % 6) {
        case 0: // downloaded, killed before finalizing: unfinished
          for (const kind of ['audio', 'video', 'cover']) set.run('done', pk, kind)
          expected.push(`c${i}`)
          break
        case 1: // finalized
          for (const kind of ['audio', 'video', 'cover']) set.run('done', pk, kind)
          sidecar.run(pk, 'done')
          break
        case 2: // still downloading the video: not yet
          set.run('done', pk, 'audio')
          break
        case 3: // the sidecar failed (a full disk): unfinished
          for (const kind of ['audio', 'video', 'cover']) set.run('done', pk, kind)
          sidecar.run(pk, 'failed')
          expected.push(`c${i}`)
          break
        case 4: // nothing on disk: every download failed
          for (const kind of ['audio', 'video', 'cover']) set.run('failed', pk, kind)
          break
        default: // the audio done, the rest failed: unfinished
          set.run('done', pk, 'audio')
          set.run('failed', pk, 'video')
          set.run('absent', pk, 'cover')
          expected.push(`c${i}`)
      }
    }
    // Gaps in the pks, as deletions leave them, bigger than a slice.
    raw.exec(`DELETE FROM clips WHERE pk BETWEEN ${pkOf('c10')} AND ${pkOf('c2500')}`)
    raw.exec('COMMIT')
    raw.close()
    const kept = expected.filter((id) => {
      const n = Number(id.slice(1))
      return n < 10 || n > 2500
    })

    expect(lib.store.unfinishedClips()).toEqual(kept)
    const sliced: string[] = []
    let after: number | null = 0
    let slices = 0
    while (after !== null) {
      const slice = lib.store.unfinishedClipsAfter(after)
      sliced.push(...slice.clipIds)
      after = slice.nextPk
      slices++
    }
    expect(sliced).toEqual(kept)
    expect(slices).toBeGreaterThan(1)

    const db = openDatabase(join(lib.dataDir, 'library.sqlite'))
    try {
      expect(unfinishedClipsAfter(db, 0, 1_000_000).clipIds).toEqual(kept)
    } finally {
      db.close()
    }
  })
})
