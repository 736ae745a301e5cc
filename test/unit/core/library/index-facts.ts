import { hasFts5, openDatabase, type Db } from '../../../../src/main/core/library/db'
import { schemaVersion } from '../../../../src/main/core/library/migrations'

// What SQLite itself reports about an index file opened the way the library opens it
// (openDatabase): the tests check the settings took, not that we asked for them. This
// lived on the library's façade as `diagnostics()`, which only tests called.

const SYNC_MODES = ['off', 'normal', 'full', 'extra'] as const

export interface IndexFacts {
  journalMode: string
  synchronous: (typeof SYNC_MODES)[number]
  foreignKeys: boolean
  busyTimeoutMs: number
  fts5: boolean
  schemaVersion: number
}

function pragma(db: Db, sql: string): unknown {
  return Object.values(db.get(sql) ?? {})[0]
}

/** Opens `dbPath` on a second connection, reads the facts and closes it. */
export function indexFacts(dbPath: string): IndexFacts {
  const db = openDatabase(dbPath)
  try {
    return {
      journalMode: String(pragma(db, 'PRAGMA journal_mode')),
      synchronous: SYNC_MODES[Number(pragma(db, 'PRAGMA synchronous'))] ?? 'full',
      foreignKeys: Number(pragma(db, 'PRAGMA foreign_keys')) === 1,
      busyTimeoutMs: Number(pragma(db, 'PRAGMA busy_timeout')),
      fts5: hasFts5(db),
      schemaVersion: schemaVersion(db)
    }
  } finally {
    db.close()
  }
}
