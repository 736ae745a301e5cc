import type { DatabaseSync } from 'node:sqlite'
import type { Db } from '../db'
import { int, intOrNull, many, one, shape, textOrNull, type DbRow } from '../rows/read'

// What changed since a facet count was taken, so the count can be brought up to date by
// the difference instead of counting 100 000 clips again (issue 14 §2: the four sidebar
// facets took 136–1 087 ms on the first call after a write, against a 20 ms goal).
//
// Temp triggers on this connection's writes record, per clip, the facet columns as they
// were before a change (favourite, video, vocals, model, and every column a filter reads).
// A change the log cannot describe as "these columns of these clips" — a clip added or
// removed, a user tag or style attached, detached or renamed — writes a marker row (pk
// NULL) instead: whoever sees one counts from scratch. Temp tables take part in the
// connection's transactions, so a rollback also rolls the log back. Other connections'
// writes are not seen here; read-cache.ts's data_version check covers them. `seq` is
// AUTOINCREMENT so a trimmed log never hands out a position a count already passed.

/** The columns of `clips` that a facet count or a filter reads (filter-sql.ts). */
export const LOGGED_COLUMNS = [
  'model',
  'favorite',
  'has_video',
  'has_vocal',
  'created_at',
  'added_at',
  'duration_sec',
  'download_state',
  'status'
] as const

/** A clip's old values, or a marker (`pk` null): a change the log does not describe
 * (count again), whose other columns are empty. */
export type FacetLogRow =
  | { seq: number; pk: null }
  | {
      seq: number
      pk: number
      model: string | null
      favorite: number
      has_video: number
      has_vocal: number | null
    }

const MAX_SEQ = shape({ seq: intOrNull })

function readFacetLogRow(row: DbRow): FacetLogRow {
  const seq = int(row, 'seq')
  const pk = intOrNull(row, 'pk')
  if (pk === null) return { seq, pk }
  return {
    seq,
    pk,
    model: textOrNull(row, 'model'),
    favorite: int(row, 'favorite'),
    has_video: int(row, 'has_video'),
    has_vocal: intOrNull(row, 'has_vocal')
  }
}

const ready = new WeakSet<DatabaseSync>()

/** A marker, unless the newest row already is one (an ingest of 10 000 clips writes one). */
const MARK = `INSERT INTO temp.facet_log (pk) SELECT NULL
  WHERE (SELECT pk IS NULL FROM temp.facet_log ORDER BY seq DESC LIMIT 1) IS NOT 1;`

/** Creates the log and its triggers on this connection, once. */
export function ensureFacetLog(db: Db): void {
  if (ready.has(db.raw)) return
  const cols = LOGGED_COLUMNS.join(', ')
  const old = LOGGED_COLUMNS.map((c) => `OLD.${c}`).join(', ')
  const changed = LOGGED_COLUMNS.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')
  const structural: [string, string][] = [
    ['clips_insert', 'AFTER INSERT ON main.clips'],
    ['clips_delete', 'AFTER DELETE ON main.clips'],
    ['clip_tags_insert', 'AFTER INSERT ON main.clip_tags'],
    ['clip_tags_delete', 'AFTER DELETE ON main.clip_tags'],
    ['clip_tags_update', 'AFTER UPDATE ON main.clip_tags'],
    ['clip_styles_insert', 'AFTER INSERT ON main.clip_styles'],
    ['clip_styles_delete', 'AFTER DELETE ON main.clip_styles'],
    ['clip_styles_update', 'AFTER UPDATE ON main.clip_styles'],
    ['tags_update', 'AFTER UPDATE ON main.tags'],
    ['tags_delete', 'AFTER DELETE ON main.tags'],
    ['styles_update', 'AFTER UPDATE ON main.styles'],
    ['styles_delete', 'AFTER DELETE ON main.styles']
  ]
  db.raw.exec(`
    CREATE TEMP TABLE IF NOT EXISTS facet_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, pk INTEGER, ${LOGGED_COLUMNS.join(' ANY, ')} ANY);
    CREATE TEMP TRIGGER IF NOT EXISTS facet_log_clips_update
      AFTER UPDATE ON main.clips WHEN ${changed}
      BEGIN INSERT INTO temp.facet_log (pk, ${cols}) VALUES (OLD.pk, ${old}); END;
    ${structural
      .map(
        ([name, when]) =>
          `CREATE TEMP TRIGGER IF NOT EXISTS facet_log_${name} ${when} BEGIN ${MARK} END;`
      )
      .join('\n')}
  `)
  ready.add(db.raw)
}

/** The newest position in the log (0 when empty). */
export function logPosition(db: Db): number {
  return one(db, MAX_SEQ, 'SELECT max(seq) AS seq FROM temp.facet_log')?.seq ?? 0
}

/** Rows after `since`, up to `max` + 1 (more than `max`: count again). */
export function logSince(db: Db, since: number, max: number): FacetLogRow[] {
  return many(
    db,
    readFacetLogRow,
    'SELECT * FROM temp.facet_log WHERE seq > ? ORDER BY seq LIMIT ?',
    since,
    max + 1
  )
}

/** Forgets what no count needs any more (everything up to `upTo`). */
export function trimLog(db: Db, upTo: number): void {
  db.run('DELETE FROM temp.facet_log WHERE seq <= ?', upTo)
}
