import type { ClipRow, SortDir } from '../../../../shared/domain'
import type { QueueSource } from '../../../../shared/queue'
import { placeholders, type Db, type Param } from '../db'
import { filterSql, orderSql, sortOrder } from '../queries/filter-sql'
import { ROW_COLUMNS, toClipRow } from '../queries/rows'
import { count, ID, int, intOrNull, many, one, shape, value, type DbRow } from '../rows/read'
import { untilNextWrite } from '../read-cache'
import { searchMatches, type SearchMode } from '../search-index'
import type { Anchor, Anchors } from './anchors'
import { viewStamp } from './view-moves'

// The order a queue plays its source in, read a window at a time. A library view is read
// live with the view's own filter and ORDER BY over the sort's index, so a queue of
// 100,000 clips costs one indexed query per step, not 100,000 ids in memory. A shuffle, a
// playlist or a hand-picked list is read from `queue_order`, ids only. A read near a row
// seen before walks the index from that row's key (anchors.ts), so a step deep in the
// queue does not skip n rows with OFFSET n; a read far from any is LIMIT/OFFSET.

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
  /** The rows with their keys (a clip id in a view, a queue_order.pos in an order). */
  entries(offset: number, limit: number): Entry[]
  /** Where the clip is in this order, or null when it is not in it. */
  rank(clipId: string): number | null
  /** Every clip id in order (to materialise a shuffle). */
  ids(): string[]
}

export interface Entry {
  row: ClipRow
  key: string | number
}

const EMPTY: Sequence = {
  count: () => 0,
  rows: () => [],
  entries: () => [],
  rank: () => null,
  ids: () => []
}

type LibrarySource = Extract<QueueSource, { kind: 'library' }>

const RANK = shape({ rn: intOrNull })
const POS = shape({ pos: intOrNull })
const SORT_VALUE = shape({ v: value })
const ORDER_ENTRY = (row: DbRow): Entry => ({ row: toClipRow(row), key: int(row, 'qpos') })
const VIEW_ENTRY = (row: DbRow): Entry => {
  const clip = toClipRow(row)
  return { row: clip, key: clip.id }
}

/** Reads `limit` entries after (forward) or before the one with `key`, nearest first,
 * after skipping `skip` of them; null when that key is no longer there. */
type Walk = (
  key: string | number,
  forward: boolean,
  inclusive: boolean,
  skip: number,
  limit: number
) => Entry[] | null

/** Reads `limit` entries from `offset`: from the nearest anchor along the index when that
 * is closer than the start (keyset), else with OFFSET from the start; either way it notes
 * where the first and last rows read sit. */
function anchoredRead(
  anchors: Anchors | undefined,
  stamp: () => string,
  offset: number,
  limit: number,
  atOffset: (offset: number, limit: number) => Entry[],
  walk: Walk
): Entry[] {
  if (limit <= 0) return []
  if (anchors === undefined) return atOffset(offset, limit)
  const now = stamp()
  const near = anchors.nearest(now, offset)
  let out: Entry[] | null = null
  if (near !== null && Math.abs(near.pos - offset) < offset)
    out = fromAnchor(near, offset, limit, walk)
  if (out === null) {
    if (near !== null) anchors.forget()
    out = atOffset(offset, limit)
  }
  const first = out[0]
  const last = out[out.length - 1]
  if (first !== undefined) anchors.note(now, offset, first.key)
  if (last !== undefined && last !== first) anchors.note(now, offset + out.length - 1, last.key)
  return out
}

/** The entries at `offset`.. read from `near`; null when the anchor is not where it was
 * seen (the caller reads with OFFSET instead). */
function fromAnchor(near: Anchor, offset: number, limit: number, walk: Walk): Entry[] | null {
  const ahead = offset - near.pos
  if (ahead >= 0) {
    const read = walk(near.key, true, true, ahead, limit)
    // Read from the anchor itself, its own row comes first.
    if (read === null || (ahead === 0 && read[0]?.key !== near.key)) return null
    return read
  }
  // Before the anchor: read backwards from it, nearest first, and turn the rows round.
  const between = -ahead
  if (limit <= between) {
    const read = walk(near.key, false, false, between - limit, limit)
    return read === null || read.length < limit ? null : read.reverse()
  }
  const before = walk(near.key, false, false, 0, between)
  if (before === null || before.length < between) return null
  const rest = walk(near.key, true, true, 0, limit - between)
  if (rest === null || rest[0]?.key !== near.key) return null
  return [...before.reverse(), ...rest]
}

/** The conditions for "after the clip whose sort value is `v` and id is `id`" in
 * `column travel, c.id travel` order (inclusive: that clip too), as segments read one
 * after the other. Each starts with a range on the sort's (column, id) index, so it is a
 * seek, not a scan (a row-value comparison is not one with COLLATE NOCASE). SQLite sorts
 * NULL first, so NULLs lead an ascending walk and trail a descending one, in a segment of
 * their own: no comparison with NULL is true. */
function keysetSegments(
  column: string,
  travel: SortDir,
  v: Param,
  id: string,
  inclusive: boolean
): { where: string; params: Param[] }[] {
  const op = travel === 'asc' ? '>' : '<'
  const idOp = op + (inclusive ? '=' : '')
  if (v === null) {
    const nulls = { where: `${column} IS NULL AND c.id ${idOp} ?`, params: [id] }
    return travel === 'asc' ? [nulls, { where: `${column} IS NOT NULL`, params: [] }] : [nulls]
  }
  const values = {
    where: `${column} ${op}= ? AND (${column} ${op} ? OR c.id ${idOp} ?)`,
    params: [v, v, id]
  }
  return travel === 'asc' ? [values] : [values, { where: `${column} IS NULL`, params: [] }]
}

/** A live library view. `anchors`: where rows of it were last seen (see anchors.ts). */
export function viewSequence(
  db: Db,
  mode: SearchMode,
  source: LibrarySource,
  anchors?: Anchors
): Sequence {
  const matches = searchMatches(db, mode, source.filter)
  if (matches?.count === 0) return EMPTY
  const where = filterSql(source.filter, mode, matches)
  const exclude = source.exclude ?? []
  const excluded = exclude.length > 0 ? ` AND c.id NOT IN (${placeholders(exclude.length)})` : ''
  const sql = `${where.sql} AND ${PLAYABLE}${excluded}`
  const params: Param[] = [...where.params, ...exclude]
  const order = orderSql(source.sort, source.dir)
  const { column, direction } = sortOrder(source.sort, source.dir)
  const key = `queue-view\u0000${JSON.stringify(source)}`
  const listens = source.sort === 'plays' || source.sort === 'lastPlayed'
  // The view's count without its exclusions, read from clips_playable alone, less the
  // excluded clips that are in it, looked up by id: a NOT IN in the count read every
  // clip's row for its id (131 ms at 100,000 under load, against 22–30 ms).
  const counted = `FROM clips c WHERE ${where.sql} AND ${PLAYABLE_COUNTED}`
  const { exclude: _exclude, ...whole } = source
  void _exclude
  const wholeKey = `queue-view\u0000${JSON.stringify(whole)}`
  const countWhole = (): number => count(db, `SELECT count(*) AS n ${counted}`, ...where.params)
  const countExcluded = (): number =>
    exclude.length === 0
      ? 0
      : count(
          db,
          `SELECT count(*) AS n FROM clips c WHERE ${where.sql} AND ${PLAYABLE}
           AND c.id IN (${placeholders(exclude.length)})`,
          ...where.params,
          ...exclude
        )
  const atOffset = (offset: number, limit: number): Entry[] =>
    many(
      db,
      VIEW_ENTRY,
      `SELECT ${ROW_COLUMNS} FROM clips c WHERE ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
      ...params,
      limit,
      offset
    )
  const walk: Walk = (id, forward, inclusive, skip, limit) => {
    const at = one(db, SORT_VALUE, `SELECT ${column} AS v FROM clips c WHERE c.id = ?`, id)
    if (at === undefined || typeof id !== 'string') return null
    const travel: SortDir = forward === (direction === 'asc') ? 'asc' : 'desc'
    const dir = travel === 'asc' ? 'ASC' : 'DESC'
    const out: Entry[] = []
    let skipping = skip
    for (const segment of keysetSegments(column, travel, at.v, id, inclusive)) {
      if (out.length >= limit) break
      const from = `FROM clips c WHERE ${sql} AND ${segment.where}`
      const read = many(
        db,
        VIEW_ENTRY,
        `SELECT ${ROW_COLUMNS} ${from} ORDER BY ${column} ${dir}, c.id ${dir} LIMIT ? OFFSET ?`,
        ...params,
        ...segment.params,
        limit - out.length,
        skipping
      )
      out.push(...read)
      // Nothing read: the segment was shorter than the skip; the rest is skipped in the next.
      skipping =
        read.length > 0
          ? 0
          : Math.max(
              0,
              skipping - count(db, `SELECT count(*) AS n ${from}`, ...params, ...segment.params)
            )
    }
    return out
  }
  const entries = (offset: number, limit: number): Entry[] =>
    anchoredRead(
      anchors,
      () => `${key}\u0000${viewStamp(db, listens)}`,
      offset,
      limit,
      atOffset,
      walk
    )
  return {
    count: () => {
      if (anchors === undefined)
        return untilNextWrite(db, wholeKey, countWhole) - untilNextWrite(db, key, countExcluded)
      const stamp = viewStamp(db, false)
      return (
        anchors.count(`${wholeKey}\u0000${stamp}`, countWhole) -
        anchors.count(`${key}\u0000excluded\u0000${stamp}`, countExcluded)
      )
    },
    rows: (offset, limit) => entries(offset, limit).map((entry) => entry.row),
    entries,
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

/** The materialised order in `queue_order`; `revision` keys its cached count and its
 * anchors (every rewrite of queue_order comes with a new revision). */
export function orderSequence(db: Db, revision: number, anchors?: Anchors): Sequence {
  const from = `FROM queue_order q JOIN clips c ON c.id = q.clip_id WHERE ${PLAYABLE}`
  const key = `queue-order\u0000${revision}`
  const countOnce = (): number => count(db, `SELECT count(*) AS n ${from}`)
  const atOffset = (offset: number, limit: number): Entry[] =>
    many(
      db,
      ORDER_ENTRY,
      `SELECT ${ROW_COLUMNS}, q.pos AS qpos ${from} ORDER BY q.pos LIMIT ? OFFSET ?`,
      limit,
      offset
    )
  const walk: Walk = (pos, forward, inclusive, skip, limit) => {
    if (typeof pos !== 'number') return null
    const op = (forward ? '>' : '<') + (inclusive ? '=' : '')
    return many(
      db,
      ORDER_ENTRY,
      `SELECT ${ROW_COLUMNS}, q.pos AS qpos ${from} AND q.pos ${op} ?
       ORDER BY q.pos ${forward ? 'ASC' : 'DESC'} LIMIT ? OFFSET ?`,
      pos,
      limit,
      skip
    )
  }
  const entries = (offset: number, limit: number): Entry[] =>
    anchoredRead(
      anchors,
      () => `${key}\u0000${viewStamp(db, false)}`,
      offset,
      limit,
      atOffset,
      walk
    )
  return {
    count: () =>
      anchors === undefined
        ? untilNextWrite(db, key, countOnce)
        : anchors.count(`${key}\u0000${viewStamp(db, false)}`, countOnce),
    rows: (offset, limit) => entries(offset, limit).map((entry) => entry.row),
    entries,
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
