import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite'
import type { DbRow } from './rows/read'

// The SQLite connection and the few habits every query relies on. Facts behind the
// settings: docs/STORAGE.md#sqlite and RELIABILITY.md rows F3, F4, F6.

export type Param = SQLInputValue

export interface Db {
  readonly raw: DatabaseSync
  /** Prepared once per SQL text and reused (ingest runs the same statements 10 000×). */
  sql(text: string): StatementSync
  /** Untyped rows: read them with a row reader (rows/read.ts `one`, `many`), never a cast.
   * There is deliberately no type parameter (lint also refuses `as` on a row). */
  all(text: string, ...params: Param[]): DbRow[]
  get(text: string, ...params: Param[]): DbRow | undefined
  run(text: string, ...params: Param[]): number
  /** Runs `fn` in one write transaction, or inside the caller's if one is open. */
  tx<T>(fn: () => T): T
  /** Called after a rollback, for caches of rows that may no longer exist. */
  onRollback(listener: () => void): void
  /** Called after the outermost transaction commits (the change feed publishes then). */
  onCommit(listener: () => void): void
  close(): void
}

export const BUSY_TIMEOUT_MS = 5000

export function openDatabase(path: string): Db {
  // node:sqlite's busy timeout defaults to 0, which fails at once with SQLITE_BUSY while
  // another connection (the CLI during a GUI session) holds the write lock.
  const raw = new DatabaseSync(path, {
    timeout: BUSY_TIMEOUT_MS,
    enableForeignKeyConstraints: true
  })
  for (const pragma of CONNECTION_PRAGMAS) raw.exec(pragma)
  return wrap(raw)
}

export const CONNECTION_PRAGMAS = [
  // WAL + NORMAL: never corrupt, survives any app crash; an OS crash or power loss may
  // roll back the last commits, which a rebuild from the library folder restores.
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA temp_store = MEMORY',
  // 32 MiB of page cache (default 2 MiB): the hot part of a 100 000-song index (clip rows,
  // sort indexes, search doclists) stays in memory between keystrokes.
  'PRAGMA cache_size = -32768'
] as const

function wrap(raw: DatabaseSync): Db {
  const cache = new Map<string, StatementSync>()
  const rollbackListeners: (() => void)[] = []
  const commitListeners: (() => void)[] = []
  const sql = (text: string): StatementSync => {
    let stmt = cache.get(text)
    if (stmt === undefined) {
      // Filter combinations produce many distinct SQL texts; keep the cache bounded.
      if (cache.size >= 400) cache.clear()
      stmt = raw.prepare(text)
      cache.set(text, stmt)
    }
    return stmt
  }
  return {
    raw,
    sql,
    all: (text: string, ...params: Param[]): DbRow[] => sql(text).all(...params),
    get: (text: string, ...params: Param[]): DbRow | undefined => sql(text).get(...params),
    run: (text: string, ...params: Param[]): number => Number(sql(text).run(...params).changes),
    tx<T>(fn: () => T): T {
      if (raw.isTransaction) return fn()
      // IMMEDIATE takes the write lock up front, so a busy database waits (timeout)
      // instead of failing half way through with SQLITE_BUSY on the first write.
      raw.exec('BEGIN IMMEDIATE')
      let result: T
      try {
        result = fn()
        raw.exec('COMMIT')
      } catch (error) {
        if (raw.isTransaction) raw.exec('ROLLBACK')
        for (const listener of rollbackListeners) listener()
        throw error
      }
      for (const listener of commitListeners) listener()
      return result
    },
    onRollback(listener: () => void): void {
      rollbackListeners.push(listener)
    },
    onCommit(listener: () => void): void {
      commitListeners.push(listener)
    },
    close(): void {
      cache.clear()
      if (raw.isOpen) raw.close()
    }
  }
}

/** FTS5 is compiled into official Node ≥ 22.16 builds, but Electron's build has broken
 * built-ins before (electron#47671), so it is probed, not assumed. */
export function hasFts5(db: Db): boolean {
  try {
    // Cheap path on every later open: reading the existing index needs the module.
    const built = db.get("SELECT 1 AS x FROM sqlite_master WHERE name = 'clips_fts'")
    if (built !== undefined) {
      db.raw.prepare('SELECT rowid FROM clips_fts LIMIT 0')
      return true
    }
    db.raw.exec('CREATE VIRTUAL TABLE temp.songshelf_fts_probe USING fts5(x)')
    db.raw.exec('DROP TABLE temp.songshelf_fts_probe')
    return true
  } catch {
    return false
  }
}

/** `IN (?, ?, …)` placeholders for a list. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ')
}

/** Splits long id lists so no statement exceeds SQLite's variable limit. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
