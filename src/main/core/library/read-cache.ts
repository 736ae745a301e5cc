import type { DatabaseSync } from 'node:sqlite'
import type { Db } from './db'
import { count, int, one, shape } from './rows/read'

// Answers that stay right until the next write: the FTS match count of a search (asked by
// the count, every page and the facets of one query) and the facet counts of a filter
// (asked again on every refresh of the sidebar). Measured at 100 000 clips: the count is
// 4–11 ms of every page, the facets 15–80 ms per call (docs/PERFORMANCE.md).
//
// "The next write" is read from SQLite itself, so no write path can forget to say so:
// total_changes() counts every row this connection inserted, updated or deleted, and
// PRAGMA data_version changes when another connection (the CLI beside the app) commits.
// The facets' own temp-table fills are subtracted, so reading never invalidates itself.
// An answer that depends on the search index alone (a match count) is kept across writes
// the index does not see (a favourite, a play): search-index.ts tells us of each of its
// writes. A rollback counts as a write of both kinds: what was read inside the
// transaction may be gone.

const DATA_VERSION = shape({ data_version: int })

interface CacheState {
  /** Changes made by our own temp-table statements, not by data writes. */
  ownTemp: number
  /** Writes to the search index by this connection, and rollbacks. */
  indexWrites: number
  rollbacks: number
  entries: Map<string, { generation: string; value: unknown }>
}

const MAX_ENTRIES = 64
const states = new WeakMap<DatabaseSync, CacheState>()

function state(db: Db): CacheState {
  let s = states.get(db.raw)
  if (s === undefined) {
    const created: CacheState = { ownTemp: 0, indexWrites: 0, rollbacks: 0, entries: new Map() }
    db.onRollback(() => {
      created.rollbacks++
    })
    states.set(db.raw, created)
    s = created
  }
  return s
}

function totalChanges(db: Db): number {
  return count(db, 'SELECT total_changes() AS n')
}

function dataVersion(db: Db): number {
  return one(db, DATA_VERSION, 'PRAGMA data_version')?.data_version ?? 0
}

/** Changes whenever the data may have changed (this connection or another). */
export function writeGeneration(db: Db): string {
  const s = state(db)
  return `${dataVersion(db)}:${totalChanges(db) - s.ownTemp}:${s.rollbacks}`
}

/** Changes when another connection commits, or this one rolls back: what a log of this
 * connection's own writes (queries/facet-log.ts) cannot describe. */
export function outsideGeneration(db: Db): string {
  return `${dataVersion(db)}:${state(db).rollbacks}`
}

/** Changes whenever the search index may have changed (this connection or another). */
export function indexGeneration(db: Db): string {
  const s = state(db)
  return `${dataVersion(db)}:${s.indexWrites}:${s.rollbacks}`
}

/** Called by search-index.ts for each of its writes. */
export function noteIndexWrite(db: Db): void {
  state(db).indexWrites++
}

/** Runs statements that only write scratch temp tables; they do not count as writes. */
export function scratchWrites<T>(db: Db, fn: () => T): T {
  const before = totalChanges(db)
  try {
    return fn()
  } finally {
    state(db).ownTemp += totalChanges(db) - before
  }
}

/** `compute()`'s answer for `key`, reused until the next write (`'index'`: until the next
 * write to the search index). */
export function untilNextWrite<T>(
  db: Db,
  key: string,
  compute: () => T,
  of: 'any' | 'index' = 'any'
): T {
  const s = state(db)
  const current = (): string => (of === 'index' ? indexGeneration(db) : writeGeneration(db))
  const generation = current()
  const hit = s.entries.get(key)
  if (hit !== undefined && hit.generation === generation) {
    // Most recently used last, so the oldest is dropped first.
    s.entries.delete(key)
    s.entries.set(key, hit)
    return hit.value as T
  }
  const value = compute()
  // The generation after computing: our own scratch writes were subtracted.
  s.entries.delete(key)
  s.entries.set(key, { generation: current(), value })
  while (s.entries.size > MAX_ENTRIES) {
    const oldest = s.entries.keys().next().value
    if (oldest === undefined) break
    s.entries.delete(oldest)
  }
  return value
}
