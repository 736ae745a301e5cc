import { DatabaseSync } from 'node:sqlite'
import { openDatabase, type Db, type Param } from '../../../../src/main/core/library/db'
import type { SortKey } from '../../../../src/shared/domain'
import { T0, clip, task, type TempLibrary } from './helpers'

// A library whose sort columns are mostly ties and NULLs, so an order is only total
// through its last term, the id; and a connection that records every statement. Shared
// by the queue's keyset walk and the list's pages read from the end (issue 14 §1, §3).

export const SORTS: readonly SortKey[] = [
  'created',
  'added',
  'title',
  'duration',
  'plays',
  'lastPlayed',
  'style',
  'model'
]

export const tieId = (i: number): string => `k${String(i).padStart(4, '0')}`

/** Few distinct values per column, so most rows tie and fall back to the id. */
export async function seedSortTies(lib: TempLibrary, n: number): Promise<void> {
  const clips = Array.from({ length: n }, (_, i) =>
    clip(tieId(i), {
      taskId: `t${i % 7}`,
      title: ['Alpha', 'beta', 'Beta', 'gamma'][i % 4] as string,
      createdAt: i % 5 === 0 ? null : T0 - (i % 9) * 1000,
      durationSec: i % 6 === 0 ? null : 60 + (i % 4) * 30,
      styleTags: [null, 'Rock', 'rock', 'jazz', 'Jazz, soul'][i % 5] as string | null,
      model: i % 8 === 0 ? null : ['chirp-v3', 'chirp-v4'][i % 2],
      status: i % 23 === 0 ? 'error' : 'complete'
    })
  )
  const tasks = Array.from({ length: 7 }, (_, t) =>
    task(
      `t${t}`,
      clips.filter((_, i) => i % 7 === t)
    )
  )
  lib.store.recordTaskResults(tasks, T0, { downloadVideo: false })
  // Audio "on disk" for most clips (as a finished sync leaves them), plays and last
  // played with ties and NULLs, and added_at in a few groups: straight into the index.
  const raw = new DatabaseSync(lib.store.dbPath)
  try {
    raw.exec(`UPDATE clips SET
      has_audio = CASE WHEN CAST(substr(id, 2) AS INTEGER) % 17 = 3 THEN 0 ELSE 1 END,
      plays = CAST(substr(id, 2) AS INTEGER) % 3,
      last_played_at = CASE WHEN CAST(substr(id, 2) AS INTEGER) % 4 = 0 THEN NULL
        ELSE ${T0} + (CAST(substr(id, 2) AS INTEGER) % 5) * 10 END,
      added_at = ${T0} + (CAST(substr(id, 2) AS INTEGER) % 3) * 10`)
  } finally {
    raw.close()
  }
}

/** A connection to `path` that records every statement it runs, with its parameters. */
export function recordedDb(path: string, ran: { sql: string; params: Param[] }[]): Db {
  const real = openDatabase(path)
  const note = (sql: string, params: Param[]): void => void ran.push({ sql, params })
  return {
    ...real,
    raw: real.raw,
    all: (sql, ...params) => (note(sql, params), real.all(sql, ...params)),
    get: (sql, ...params) => (note(sql, params), real.get(sql, ...params)),
    run: (sql, ...params) => (note(sql, params), real.run(sql, ...params))
  }
}

/** The largest OFFSET any recorded statement asked for. */
export function largestOffset(ran: { sql: string; params: Param[] }[]): number {
  let most = 0
  for (const { sql, params } of ran) {
    if (!/\bOFFSET \?/.test(sql)) continue
    const skip = params[params.length - 1]
    if (typeof skip === 'number') most = Math.max(most, skip)
  }
  return most
}
