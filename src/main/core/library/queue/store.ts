import type { ClipRow } from '../../../../shared/domain'
import type {
  QueueEntry,
  QueueSource,
  QueueState,
  QueueWindow,
  RepeatMode
} from '../../../../shared/queue'
import type { Db } from '../db'
import {
  enumOf,
  int,
  intOrNull,
  many,
  num,
  one,
  shape,
  text,
  textOrNull,
  type DbRow
} from '../rows/read'
import { scratchWrites } from '../read-cache'
import type { SearchMode } from '../search-index'
import { anchorIn, itemIndex, slotAt, sourceIndex, type ItemRef, type Slot } from './layout'
import { Anchors } from './anchors'
import { shuffleIds } from './shuffle'
import {
  PLAYABLE,
  orderSequence,
  playableIds,
  rowsById,
  viewSequence,
  writeOrder,
  type Sequence
} from './sequence'

// The play queue in the index: one state row, the explicit entries and, when the order is
// not a live view, the materialised order. Every operation reads what it needs (a count,
// one or a few rows), changes it in one transaction and answers with the new state.

export interface QueueContext {
  db: Db
  mode: SearchMode
  /** The clips of a playlist in its order (manual or smart). */
  playlistClipIds(id: string): string[]
  /** A new shuffle seed. */
  seed(): number
  /** Told the new state after each committed change of entries, order, current entry,
   * shuffle or repeat (the library's change feed, changes.ts); not for a position save. */
  onChange?(state: QueueState): void
}

export interface PlayRequest {
  source: QueueSource
  at?: number
  clipId?: string
  shuffle?: boolean
}

export interface PlayQueue {
  state(): QueueState
  play(request: PlayRequest): QueueState
  window(offset: number, limit: number): QueueWindow
  step(by: 1 | -1): QueueState
  jump(index: number): QueueState
  add(clipIds: string[], next: boolean): QueueState
  remove(index: number): QueueState
  move(from: number, to: number): QueueState
  clear(): QueueState
  setOptions(options: { shuffle?: boolean; repeat?: RepeatMode; positionMs?: number }): QueueState
}

interface StateRow {
  source_json: string | null
  ordered: number
  cursor_pos: number
  cursor_item: number | null
  current_clip_id: string | null
  shuffle: number
  seed: number
  repeat: RepeatMode
  position_ms: number
  revision: number
}

const REPEAT_MODES: readonly RepeatMode[] = ['off', 'all', 'one']

/** The one row of queue_state (`SELECT *`). */
const readState = shape({
  source_json: textOrNull,
  ordered: int,
  cursor_pos: int,
  cursor_item: intOrNull,
  current_clip_id: textOrNull,
  shuffle: int,
  seed: int,
  repeat: enumOf(REPEAT_MODES),
  position_ms: num,
  revision: int
}) satisfies (row: DbRow) => StateRow

const ITEM = shape({ id: int, anchor: int, seq: int, clip_id: text })
const MAX_SEQ = shape({ s: intOrNull })
const ANCHOR = shape({ anchor: int })

/** Everything one operation needs, read once. */
interface Loaded {
  row: StateRow
  source: QueueSource | null
  seq: Sequence
  n: number
  items: ItemRef[]
}

function parseSource(json: string | null): QueueSource | null {
  if (json === null) return null
  try {
    const value = JSON.parse(json) as QueueSource
    return value !== null && typeof value === 'object' && 'kind' in value ? value : null
  } catch {
    return null
  }
}

export function createPlayQueue(ctx: QueueContext): PlayQueue {
  const { db } = ctx
  // Where rows of the order were last read, so the next read near them walks the index.
  const anchors = new Anchors()

  // Queue writes change no clip: they must not count as writes for the read cache, or
  // saving the position would throw away every cached facet and match count.
  const write = <T>(fn: () => T): T => scratchWrites(db, () => db.tx(fn))

  const readRow = (): StateRow => {
    const row = one(db, readState, 'SELECT * FROM queue_state WHERE id = 1')
    if (row !== undefined) return row
    db.run('INSERT OR IGNORE INTO queue_state (id) VALUES (1)')
    const made = one(db, readState, 'SELECT * FROM queue_state WHERE id = 1')
    if (made === undefined) throw new Error('The queue state row was not stored')
    return made
  }

  const update = (patch: Partial<StateRow>): void => {
    const keys = Object.keys(patch) as (keyof StateRow)[]
    if (keys.length === 0) return
    db.run(
      `UPDATE queue_state SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = 1`,
      ...keys.map((k) => patch[k] ?? null)
    )
  }

  const sequenceFor = (row: StateRow, source: QueueSource | null): Sequence => {
    if (row.ordered === 1) return orderSequence(db, row.revision, anchors)
    if (source?.kind === 'library') return viewSequence(db, ctx.mode, source, anchors)
    return orderSequence(db, row.revision, anchors)
  }

  const load = (): Loaded => {
    const row = readRow()
    const source = parseSource(row.source_json)
    const seq = sequenceFor(row, source)
    const n = source === null ? 0 : seq.count()
    const items = many(
      db,
      ITEM,
      `SELECT q.id, q.anchor, q.seq, q.clip_id FROM queue_items q
       JOIN clips c ON c.id = q.clip_id WHERE ${PLAYABLE} ORDER BY q.anchor, q.seq, q.id`
    ).map((r) => ({ id: r.id, anchor: r.anchor, seq: r.seq, clipId: r.clip_id }))
    const loaded = { row, source, seq, n, items }
    relocate(loaded)
    return loaded
  }

  /** A live view moves under the cursor (a new clip sorts before it, one is deleted):
   * the cursor follows the clip it was on. */
  const relocate = (l: Loaded): void => {
    const { row } = l
    if (row.cursor_item !== null || row.cursor_pos < 0 || row.current_clip_id === null) return
    const at = l.seq.rows(row.cursor_pos, 1)[0]
    if (at?.id === row.current_clip_id) return
    const rank = l.seq.rank(row.current_clip_id)
    if (rank === null) return
    row.cursor_pos = rank
    write(() => update({ cursor_pos: rank }))
  }

  const currentIndex = (l: Loaded): number => {
    const { row, items, n } = l
    if (row.cursor_item !== null) {
      const k = items.findIndex((item) => item.id === row.cursor_item)
      if (k >= 0) return itemIndex(items, n, k)
    }
    if (row.cursor_pos >= 0 && row.cursor_pos < n) return sourceIndex(items, n, row.cursor_pos)
    return -1
  }

  const clipOf = (l: Loaded, slot: Slot): ClipRow | null => {
    if (slot.kind === 'item') return rowsById(db, [slot.item.clipId]).get(slot.item.clipId) ?? null
    return l.seq.rows(slot.pos, 1)[0] ?? null
  }

  const stateOf = (l: Loaded, extra: Partial<QueueState> = {}): QueueState => {
    const index = currentIndex(l)
    const slot = index < 0 ? null : slotAt(l.items, l.n, index)
    const current = slot === null ? null : clipOf(l, slot)
    return {
      revision: l.row.revision,
      length: l.n + l.items.length,
      index: current === null ? -1 : index,
      current,
      currentExplicit: slot?.kind === 'item',
      source: publicSource(l.source),
      shuffle: l.row.shuffle === 1,
      repeat: l.row.repeat,
      positionMs: current === null ? 0 : l.row.position_ms,
      ...extra
    }
  }

  /** Puts the cursor on `index` (which must exist) and starts it from the beginning. */
  const moveTo = (l: Loaded, index: number): void => {
    const slot = slotAt(l.items, l.n, index)
    if (slot === null) return
    const clip = clipOf(l, slot)
    const patch: Partial<StateRow> =
      slot.kind === 'item'
        ? { cursor_item: slot.item.id, cursor_pos: anchorIn(slot.item.anchor, l.n) }
        : { cursor_item: null, cursor_pos: slot.pos }
    write(() => update({ ...patch, current_clip_id: clip?.id ?? null, position_ms: 0 }))
  }

  const bump = (l: Loaded, patch: Partial<StateRow>): void =>
    update({ ...patch, revision: l.row.revision + 1 })

  /** Inserts explicit entries so that the first lands at `index` (0..length). */
  const insertAt = (l: Loaded, index: number, clipIds: readonly string[]): number[] => {
    const slot = slotAt(l.items, l.n, index)
    let anchor: number
    let seq: number
    if (slot?.kind === 'item') {
      anchor = slot.item.anchor
      seq = slot.item.seq
      db.run(
        'UPDATE queue_items SET seq = seq + ? WHERE anchor = ? AND seq >= ?',
        clipIds.length,
        anchor,
        seq
      )
    } else {
      // Before source position p (or at the very end): after the entries anchored to p-1.
      anchor = slot?.kind === 'source' ? slot.pos - 1 : l.n - 1
      const last = one(
        db,
        MAX_SEQ,
        'SELECT max(seq) AS s FROM queue_items WHERE anchor = ?',
        anchor
      )?.s
      seq = typeof last === 'number' ? last + 1 : 0
    }
    const insert = db.sql('INSERT INTO queue_items (anchor, seq, clip_id) VALUES (?, ?, ?)')
    return clipIds.map((id, i) => Number(insert.run(anchor, seq + i, id).lastInsertRowid))
  }

  /** Source ids in the order the source itself has (no shuffle). */
  const sourceIds = (source: QueueSource): string[] => {
    if (source.kind === 'library') return viewSequence(db, ctx.mode, source).ids()
    if (source.kind === 'playlist') return playableIds(db, ctx.playlistClipIds(source.id))
    return playableIds(db, source.ids)
  }

  /** Re-anchors every explicit entry to `anchor`, keeping their order. */
  const reanchor = (l: Loaded, anchor: number): void => {
    const set = db.sql('UPDATE queue_items SET anchor = ?, seq = ? WHERE id = ?')
    l.items.forEach((item, i) => set.run(anchor, i, item.id))
  }

  const api: PlayQueue = {
    state: () => stateOf(load()),

    play({ source, at, clipId, shuffle }) {
      const before = readRow()
      const random = shuffle ?? false
      const live = source.kind === 'library' && !random
      const view = source.kind === 'library' ? viewSequence(db, ctx.mode, source, anchors) : null
      const ids = live ? [] : sourceIds(source)
      // Nothing in it can play (a view of failed generations): the queue stays as it was.
      if ((live ? (view?.count() ?? 0) : ids.length) === 0) return stateOf(load())
      const seed = random ? ctx.seed() >>> 0 : before.seed
      write(() => {
        db.run('DELETE FROM queue_items')
        let cursor = 0
        if (live && view !== null) {
          db.run('DELETE FROM queue_order')
          const start = Math.min(at ?? 0, view.count() - 1)
          const there = view.rows(start, 1)[0]
          cursor =
            clipId === undefined || there?.id === clipId ? start : (view.rank(clipId) ?? start)
        } else {
          const first = clipId !== undefined && ids.includes(clipId) ? clipId : null
          const order = random ? shuffleIds(ids, seed, first) : ids
          writeOrder(db, order)
          const found = first === null ? -1 : order.indexOf(first)
          cursor = found >= 0 ? found : random ? 0 : Math.min(at ?? 0, order.length - 1)
        }
        update({
          source_json: JSON.stringify(source),
          ordered: live ? 0 : 1,
          cursor_pos: cursor,
          cursor_item: null,
          current_clip_id: null,
          shuffle: random ? 1 : 0,
          seed,
          position_ms: 0,
          revision: before.revision + 1
        })
      })
      const l = load()
      if (l.row.cursor_pos >= 0) moveTo(l, sourceIndex(l.items, l.n, l.row.cursor_pos))
      return stateOf(load())
    },

    window(offset, limit) {
      const l = load()
      const length = l.n + l.items.length
      const end = Math.min(length, offset + limit)
      const slots: { index: number; slot: Slot }[] = []
      for (let index = offset; index < end; index += 1) {
        const slot = slotAt(l.items, l.n, index)
        if (slot !== null) slots.push({ index, slot })
      }
      // Source rows in runs (one query per run), explicit ones by id.
      const sourceRows = new Map<number, ClipRow>()
      const positions = slots.flatMap((s) => (s.slot.kind === 'source' ? [s.slot.pos] : []))
      if (positions.length > 0) {
        const first = positions[0] as number
        const last = positions[positions.length - 1] as number
        l.seq.rows(first, last - first + 1).forEach((row, i) => sourceRows.set(first + i, row))
      }
      const byId = rowsById(
        db,
        slots.flatMap((s) => (s.slot.kind === 'item' ? [s.slot.item.clipId] : []))
      )
      const entries: QueueEntry[] = []
      for (const { index, slot } of slots) {
        const clip = slot.kind === 'item' ? byId.get(slot.item.clipId) : sourceRows.get(slot.pos)
        if (clip !== undefined) entries.push({ index, clip, explicit: slot.kind === 'item' })
      }
      return { revision: l.row.revision, length, offset, entries }
    },

    step(by) {
      const l = load()
      const length = l.n + l.items.length
      if (length === 0) return stateOf(l)
      const index = currentIndex(l)
      let target = index < 0 ? 0 : index + by
      if (target >= length) {
        if (l.row.repeat !== 'all') return stateOf(l, { ended: true })
        target = 0
      } else if (target < 0) {
        target = l.row.repeat === 'all' ? length - 1 : 0
      }
      moveTo(l, target)
      return stateOf(load())
    },

    jump(index) {
      const l = load()
      if (index < l.n + l.items.length) moveTo(l, index)
      return stateOf(load())
    },

    add(clipIds, next) {
      const ids = playableIds(db, clipIds)
      const l = load()
      if (ids.length === 0) return stateOf(l)
      const index = currentIndex(l)
      let at: number
      if (index < 0) at = next ? 0 : l.n + l.items.length
      else if (next) at = index + 1
      else {
        // After the current entry and the explicit ones right behind it.
        at = index + 1
        while (slotAt(l.items, l.n, at)?.kind === 'item') at += 1
      }
      const wasEmpty = l.source === null
      write(() => {
        insertAt(l, at, ids)
        bump(
          l,
          wasEmpty ? { source_json: JSON.stringify({ kind: 'clips', ids: [] }), ordered: 1 } : {}
        )
      })
      const after = load()
      if (currentIndex(after) < 0) moveTo(after, at)
      return stateOf(load())
    },

    remove(index) {
      const l = load()
      const slot = slotAt(l.items, l.n, index)
      if (slot === null) return stateOf(l)
      const current = currentIndex(l)
      write(() => {
        if (slot.kind === 'item') db.run('DELETE FROM queue_items WHERE id = ?', slot.item.id)
        else removeSource(l, slot.pos)
        bump(l, {})
      })
      const after = load()
      const length = after.n + after.items.length
      if (index === current && length > 0) moveTo(after, Math.min(index, length - 1))
      else if (index === current) write(() => update({ cursor_pos: -1, cursor_item: null }))
      return stateOf(load())
    },

    move(from, to) {
      const l = load()
      const slot = slotAt(l.items, l.n, from)
      const length = l.n + l.items.length
      if (slot === null || from === to) return stateOf(l)
      const clip = clipOf(l, slot)
      if (clip === null) return stateOf(l)
      const wasCurrent = currentIndex(l) === from
      write(() => {
        // A moved entry becomes an explicit one at its new place: a live view keeps its
        // order, the entry leaves it.
        if (slot.kind === 'item') db.run('DELETE FROM queue_items WHERE id = ?', slot.item.id)
        else removeSource(l, slot.pos)
        bump(l, {})
      })
      const mid = load()
      const target = Math.max(0, Math.min(to, length - 1))
      let created: number[] = []
      write(() => {
        created = insertAt(mid, target, [clip.id])
        if (wasCurrent) {
          const anchor = one(
            db,
            ANCHOR,
            'SELECT anchor FROM queue_items WHERE id = ?',
            created[0] as number
          )?.anchor
          update({ cursor_item: created[0] ?? null, cursor_pos: anchorIn(anchor ?? -1, mid.n) })
        }
      })
      return stateOf(load())
    },

    clear() {
      const l = load()
      const index = currentIndex(l)
      const slot = index < 0 ? null : slotAt(l.items, l.n, index)
      const current = slot === null ? null : clipOf(l, slot)
      write(() => {
        db.run('DELETE FROM queue_items')
        writeOrder(db, current === null ? [] : [current.id])
        bump(l, {
          source_json:
            current === null ? null : JSON.stringify({ kind: 'clips', ids: [current.id] }),
          ordered: 1,
          cursor_pos: current === null ? -1 : 0,
          cursor_item: null,
          current_clip_id: current?.id ?? null,
          shuffle: 0
        })
      })
      return stateOf(load())
    },

    setOptions({ shuffle, repeat, positionMs }) {
      if (repeat !== undefined || positionMs !== undefined) {
        write(() =>
          update({
            ...(repeat === undefined ? {} : { repeat }),
            ...(positionMs === undefined ? {} : { position_ms: Math.round(positionMs) })
          })
        )
      }
      const l = load()
      if (shuffle === undefined || shuffle === (l.row.shuffle === 1) || l.source === null)
        return stateOf(l)
      const index = currentIndex(l)
      const slot = index < 0 ? null : slotAt(l.items, l.n, index)
      const onSource = slot?.kind === 'source' ? clipOf(l, slot) : null
      write(() => {
        if (shuffle) {
          const seed = ctx.seed() >>> 0
          const ids = shuffleIds(l.seq.ids(), seed, onSource?.id ?? null)
          writeOrder(db, ids)
          reanchor(l, onSource === null ? -1 : 0)
          bump(l, {
            ordered: 1,
            shuffle: 1,
            seed,
            ...(onSource === null ? {} : { cursor_pos: 0 })
          })
        } else {
          const source = l.source as QueueSource
          const live = source.kind === 'library'
          if (live) db.run('DELETE FROM queue_order')
          else writeOrder(db, sourceIds(source))
          const row = { ...l.row, ordered: live ? 0 : 1, revision: l.row.revision + 1 }
          const rank = onSource === null ? null : sequenceFor(row, source).rank(onSource.id)
          reanchor(l, rank ?? -1)
          bump(l, {
            ordered: row.ordered,
            shuffle: 0,
            ...(rank === null ? {} : { cursor_pos: rank })
          })
        }
      })
      return stateOf(load())
    }
  }

  /** Takes source position `pos` out of the queue; later anchors and the cursor follow. */
  function removeSource(l: Loaded, pos: number): void {
    const source = l.source
    const entry = l.seq.entries(pos, 1)[0]
    if (source === null || entry === undefined) return
    const clip = entry.row
    if (l.row.ordered === 1) {
      // An order's key is the queue_order.pos of the entry.
      if (typeof entry.key === 'number') db.run('DELETE FROM queue_order WHERE pos = ?', entry.key)
    } else if (source.kind === 'library') {
      const exclude = [...(source.exclude ?? []), clip.id]
      update({ source_json: JSON.stringify({ ...source, exclude }) })
    }
    db.run('UPDATE queue_items SET anchor = anchor - 1 WHERE anchor >= ?', pos)
    if (l.row.cursor_item === null && l.row.cursor_pos > pos)
      update({ cursor_pos: l.row.cursor_pos - 1 })
  }

  return announced(api, ctx.onChange)
}

/** The queue, each change told once its write committed. Reads and a position save (the
 * player saves it every few seconds) are not changes anyone else must follow. */
function announced(queue: PlayQueue, onChange?: (state: QueueState) => void): PlayQueue {
  if (onChange === undefined) return queue
  const told =
    <A extends unknown[]>(fn: (...args: A) => QueueState) =>
    (...args: A): QueueState => {
      const state = fn(...args)
      onChange(state)
      return state
    }
  return {
    ...queue,
    play: told(queue.play),
    step: told(queue.step),
    jump: told(queue.jump),
    add: told(queue.add),
    remove: told(queue.remove),
    move: told(queue.move),
    clear: told(queue.clear),
    setOptions: (options) => {
      const state = queue.setOptions(options)
      if (options.shuffle !== undefined || options.repeat !== undefined) onChange(state)
      return state
    }
  }
}

/** What the renderer is told about the source: no id lists. */
function publicSource(source: QueueSource | null): QueueState['source'] {
  if (source === null) return null
  if (source.kind === 'clips') return { kind: 'clips', ids: [] }
  if (source.kind === 'library') {
    const { exclude: _exclude, ...rest } = source
    void _exclude
    return rest
  }
  return source
}
