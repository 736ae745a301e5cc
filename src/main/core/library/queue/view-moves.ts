import type { DatabaseSync } from 'node:sqlite'
import type { Db } from '../db'
import { int, one, shape, text } from '../rows/read'
import { indexGeneration, scratchWrites } from '../read-cache'

// When may a library view have changed which clips it holds or their order? The play
// queue remembers where a few clips sit in its view (queue/anchors.ts) so that the next
// song is read from the current one along the sort's index, not with OFFSET n (issue 14
// §3). Those positions stay right until a write that could move them, which is rarer than
// "any write": every song that is played writes its play count (history.ts), and a view
// sorted by date does not move for that.
//
// Temp triggers on this connection count two kinds of clip writes: `moves` — a clip
// added or removed, a user tag or style attached or detached, or any column of a clip
// changed other than the listening counters — and `listens` — plays / last_played_at.
// Another connection's commit, a rollback and a write to the search index are read from
// read-cache.ts (indexGeneration); a schema change (a rebuild dropping the tables, and their triggers with
// them) from PRAGMA schema_version, after which the triggers are made again.

/** Columns a listen writes (history.ts recordListen); every other column is a move. */
const LISTEN_COLUMNS: ReadonlySet<string> = new Set(['plays', 'last_played_at'])

/** Tables whose rows decide a filter's match (filter-sql.ts): user tags and styles. */
const MEMBERSHIP_TABLES = ['clip_tags', 'clip_styles', 'styles', 'tags'] as const

const COLUMN = shape({ name: text })
const COUNTERS = shape({ moves: int, listens: int })
const SCHEMA = shape({ schema_version: int })

const made = new WeakMap<DatabaseSync, number>()

function schemaVersion(db: Db): number {
  return one(db, SCHEMA, 'PRAGMA schema_version')?.schema_version ?? 0
}

function tableExists(db: Db, name: string): boolean {
  const sql = `SELECT 1 AS x FROM main.sqlite_master WHERE type = 'table' AND name = ?`
  return db.get(sql, name) !== undefined
}

/** Makes the counter row and the triggers on this connection, and makes the triggers
 * again after a schema change (a migration may have added a column). Counting writes
 * only the temp table, so it is a scratch write. */
function ensure(db: Db, version: number): void {
  if (made.get(db.raw) === version) return
  scratchWrites(db, () => {
    db.raw.exec(`CREATE TEMP TABLE IF NOT EXISTS queue_moves (
      id INTEGER PRIMARY KEY CHECK (id = 1), moves INTEGER NOT NULL, listens INTEGER NOT NULL);
      INSERT OR IGNORE INTO temp.queue_moves (id, moves, listens) VALUES (1, 0, 0);`)
    const bump = 'UPDATE temp.queue_moves SET moves = moves + 1 WHERE id = 1;'
    const columns = db
      .all(`SELECT name FROM pragma_table_info('clips')`)
      .map((row) => COLUMN(row).name)
    const moved = columns
      .filter((c) => !LISTEN_COLUMNS.has(c))
      .map((c) => `OLD."${c}" IS NOT NEW."${c}"`)
      .join(' OR ')
    const listened = [...LISTEN_COLUMNS].map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')
    const triggers: string[] = [
      `CREATE TEMP TRIGGER queue_moves_clips_insert AFTER INSERT ON main.clips
       BEGIN ${bump} END`,
      `CREATE TEMP TRIGGER queue_moves_clips_delete AFTER DELETE ON main.clips
       BEGIN ${bump} END`,
      `CREATE TEMP TRIGGER queue_moves_clips_update AFTER UPDATE ON main.clips
       WHEN ${moved} BEGIN ${bump} END`,
      `CREATE TEMP TRIGGER queue_moves_clips_listen AFTER UPDATE ON main.clips
       WHEN ${listened}
       BEGIN UPDATE temp.queue_moves SET listens = listens + 1 WHERE id = 1; END`
    ]
    for (const table of MEMBERSHIP_TABLES) {
      if (!tableExists(db, table)) continue
      for (const event of ['INSERT', 'DELETE', 'UPDATE'])
        triggers.push(
          `CREATE TEMP TRIGGER queue_moves_${table}_${event.toLowerCase()}
           AFTER ${event} ON main.${table} BEGIN ${bump} END`
        )
    }
    const old = db.all(
      `SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'queue_moves_%'`
    )
    for (const row of old) db.raw.exec(`DROP TRIGGER temp."${COLUMN(row).name}"`)
    for (const sql of triggers) db.raw.exec(sql)
  })
  if (!made.has(db.raw)) {
    // A rollback takes temp schema changes and the counter row back with it: make them
    // again on the next stamp (the stamp itself changes with the rollback count).
    db.onRollback(() => made.delete(db.raw))
  }
  made.set(db.raw, version)
}

/** A stamp of the state a view's membership and order depend on: equal stamps, same rows
 * in the same order. `listens`: the view sorts by plays or last played. */
export function viewStamp(db: Db, listens: boolean): string {
  const version = schemaVersion(db)
  ensure(db, version)
  const counters = one(db, COUNTERS, 'SELECT moves, listens FROM temp.queue_moves WHERE id = 1')
  const moves = counters?.moves ?? -1
  const heard = listens ? (counters?.listens ?? -1) : 0
  return `${indexGeneration(db)}:${version}:${moves}:${heard}`
}
