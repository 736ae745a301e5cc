import type { ClipRow } from '../../../../shared/domain'
import type { QueueSource } from '../../../../shared/queue'
import { placeholders, type Db, type Param } from '../db'
import { filterSql, orderSql } from '../queries/filter-sql'
import { ROW_COLUMNS, toClipRow } from '../queries/rows'
import { count, ID, intOrNull, many, one, shape } from '../rows/read'
import { untilNextWrite } from '../read-cache'
import { searchMatches, type SearchMode } from '../search-index'

// The order a queue plays its source in, read a window at a time. A library view is read
// live with the view's own filter and ORDER BY (LIMIT/OFFSET over the sort's index), so a
// queue of 100,000 clips costs one indexed query per step, not 100,000 ids in memory. A
// shuffle, a playlist or a hand-picked list is read from `queue_order`, ids only.

/** Clips the player can play: audio on disk, and not a failed generation (issue 13 #4).
 * The unary `+` keeps these terms from choosing an index: a plan driven by
 * clips_playable (migration 11) read every playable clip and sorted them to find one
 * page (171–251 ms at 100,000 clips), where the sort's own index finds it in 0.2 ms. */
export const PLAYABLE = `+c.has_audio = 1 AND +c.status <> 'error'`

/** The same test for counting a whole view, which reads only clips_playable: 8 ms at
 * 100,000 clips instead of 37–111 ms reading the table (issue 14 §3). */
export const PLAYABLE_COUNTED = `c.has_audio = 1 AND c.status <> 'error'`

export interface Sequence {
  count(): number
  rows(offset: number, limit: number): ClipRow[]
  /** Where the clip is in this order, or null when it is not in it. */
  rank(clipId: string): number | null
  /** Every clip id in order (to materialise a shuffle). */
  ids(): string[]
}

const EMPTY: Sequence = { count: () => 0, rows: () => [], rank: () => null, ids: () => [] }

type LibrarySource = Extract<QueueSource, { kind: 'library' }>

const RANK = shape({ rn: intOrNull })
const POS = shape({ pos: intOrNull })

/** A live library view. `key` names this queue's reading in the read cache. */
export function viewSequence(db: Db, mode: SearchMode, source: LibrarySource): Sequence {
  const matches = searchMatches(db, mode, source.filter)
  if (matches?.count === 0) return EMPTY
  const where = filterSql(source.filter, mode, matches)
  const exclude = source.exclude ?? []
  const excluded = exclude.length > 0 ? ` AND c.id NOT IN (${placeholders(exclude.length)})` : ''
  const sql = `${where.sql} AND ${PLAYABLE}${excluded}`
  const counted = `${where.sql} AND ${PLAYABLE_COUNTED}${excluded}`
  const params: Param[] = [...where.params, ...exclude]
  const order = orderSql(source.sort, source.dir)
  const key = `queue-view\u0000${JSON.stringify(source)}`
  return {
    count: () =>
      untilNextWrite(db, key, () =>
        count(db, `SELECT count(*) AS n FROM clips c WHERE ${counted}`, ...params)
      ),
    rows: (offset, limit) =>
      many(
        db,
        toClipRow,
        `SELECT ${ROW_COLUMNS} FROM clips c WHERE ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
        ...params,
        limit,
        offset
      ),
    rank: (clipId) =>
      one(
        db,
        RANK,
        `SELECT rn FROM (SELECT c.id AS id, row_number() OVER (ORDER BY ${order}) - 1 AS rn
           FROM clips c WHERE ${sql}) WHERE id = ?`,
        ...params,
        clipId
      )?.rn ?? null,
    ids: () =>
      many(db, ID, `SELECT c.id FROM clips c WHERE ${sql} ORDER BY ${order}`, ...params).map(
        (row) => row.id
      )
  }
}

/** The materialised order in `queue_order`; `revision` keys its cached count. */
export function orderSequence(db: Db, revision: number): Sequence {
  const from = `FROM queue_order q JOIN clips c ON c.id = q.clip_id WHERE ${PLAYABLE}`
  return {
    count: () =>
      untilNextWrite(db, `queue-order\u0000${revision}`, () =>
        count(db, `SELECT count(*) AS n ${from}`)
      ),
    rows: (offset, limit) =>
      many(
        db,
        toClipRow,
        `SELECT ${ROW_COLUMNS} ${from} ORDER BY q.pos LIMIT ? OFFSET ?`,
        limit,
        offset
      ),
    rank: (clipId) => {
      const at = one(
        db,
        POS,
        'SELECT min(pos) AS pos FROM queue_order WHERE clip_id = ?',
        clipId
      )?.pos
      if (typeof at !== 'number') return null
      return count(db, `SELECT count(*) AS n ${from} AND q.pos < ?`, at)
    },
    ids: () => many(db, ID, `SELECT c.id ${from} ORDER BY q.pos`).map((row) => row.id)
  }
}

/** Writes a materialised order (replacing the one before). */
export function writeOrder(db: Db, ids: readonly string[]): void {
  db.run('DELETE FROM queue_order')
  const insert = db.sql('INSERT INTO queue_order (pos, clip_id) VALUES (?, ?)')
  for (let i = 0; i < ids.length; i += 1) insert.run(i, ids[i] as string)
}

/** The playable clips among `ids`, keeping their order and repeats. */
export function playableIds(db: Db, ids: readonly string[]): string[] {
  const ok = new Set<string>()
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500)
    for (const row of many(
      db,
      ID,
      `SELECT c.id FROM clips c WHERE c.id IN (${placeholders(batch.length)}) AND ${PLAYABLE}`,
      ...batch
    ))
      ok.add(row.id)
  }
  return ids.filter((id) => ok.has(id))
}

/** Rows for clip ids (any order in, a map out). */
export function rowsById(db: Db, ids: readonly string[]): Map<string, ClipRow> {
  const out = new Map<string, ClipRow>()
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += 500) {
    const batch = unique.slice(i, i + 500)
    for (const row of many(
      db,
      toClipRow,
      `SELECT ${ROW_COLUMNS} FROM clips c WHERE c.id IN (${placeholders(batch.length)})
       AND ${PLAYABLE}`,
      ...batch
    ))
      out.set(row.id, row)
  }
  return out
}
