import { displayTitle } from '../../../shared/clip-title'
import type { HistoryEntry, ListenKind } from '../../../shared/history'
import type { Db } from './db'
import { listenArgs } from '../../../shared/history-schemas'
import { PK, enumOf, int, intOrNull, many, one, shape, text, textOrNull } from './rows/read'

// The listening history: start, skip, finish and seek events, not just a count. A play is
// counted (plays, last played) when a clip is heard to its end or for PLAY_MIN_MS; a skip
// in the first seconds of a short clip is not a play, so "Most played" and "Never played"
// mean something for 40-second clips. Events stay in the index only: listening never
// rewrites files on a synced drive.

export const PLAY_MIN_MS = 10_000

const AT = shape({ at: int })
const LISTEN_ROW = shape({
  id: int,
  clip_id: text,
  title: textOrNull,
  user_title: textOrNull,
  kind: enumOf(listenArgs.shape.kind.options),
  at: int,
  position_ms: intOrNull,
  listened_ms: intOrNull
})

export interface ListenEvent {
  clipId: string
  kind: ListenKind
  at: number
  /** Where in the clip, in ms. */
  positionMs?: number
  /** For skip and finish: how long this play was listened to (seeks excluded), in ms. */
  listenedMs?: number
}

export const whole = (value: number | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.round(value)) : null

/** Whether an ending (skip or finish) counts as a play. */
export function countsAsPlay(kind: ListenKind, listenedMs: number | null): boolean {
  if (kind === 'finish') return true
  return kind === 'skip' && listenedMs !== null && listenedMs >= PLAY_MIN_MS
}

/** Stores one event; returns false for an unknown clip. The play it ends is counted from
 * its start (the last `start` event of the clip), so "last played" is when it began. */
export function recordListen(db: Db, event: ListenEvent): boolean {
  return db.tx(() => {
    const clip = one(db, PK, 'SELECT pk FROM clips WHERE id = ?', event.clipId)
    if (clip === undefined) return false
    const listened = whole(event.listenedMs)
    db.run(
      `INSERT INTO listen_events (clip_id, kind, at, position_ms, listened_ms)
       VALUES (?, ?, ?, ?, ?)`,
      event.clipId,
      event.kind,
      event.at,
      whole(event.positionMs),
      listened
    )
    if (countsAsPlay(event.kind, listened)) {
      const started =
        one(
          db,
          AT,
          `SELECT at FROM listen_events WHERE clip_id = ? AND kind = 'start' AND at <= ?
           ORDER BY at DESC, id DESC LIMIT 1`,
          event.clipId,
          event.at
        )?.at ?? event.at
      db.run(
        `UPDATE clips SET plays = plays + 1,
           last_played_at = max(coalesce(last_played_at, ?), ?) WHERE pk = ?`,
        started,
        started,
        clip.pk
      )
    }
    return true
  })
}

/** Newest first; `before` (an event id) pages further back. */
export function listHistory(
  db: Db,
  opts: { limit?: number; before?: number } = {}
): HistoryEntry[] {
  const limit = Math.min(Math.max(1, Math.trunc(opts.limit ?? 100)), 1000)
  const rows = many(
    db,
    LISTEN_ROW,
    `SELECT e.id, e.clip_id, c.title, c.user_title, e.kind, e.at, e.position_ms, e.listened_ms
     FROM listen_events e LEFT JOIN clips c ON c.id = e.clip_id
     WHERE e.id < ? ORDER BY e.id DESC LIMIT ?`,
    opts.before ?? Number.MAX_SAFE_INTEGER,
    limit
  )
  return rows.map((r) => ({
    id: r.id,
    clipId: r.clip_id,
    title: r.title === null ? null : displayTitle(r.title, r.user_title),
    kind: r.kind,
    at: r.at,
    positionMs: r.position_ms,
    listenedMs: r.listened_ms,
    counted: countsAsPlay(r.kind, r.listened_ms)
  }))
}

/** Forgets every listening event and when songs were last played; with `resetCounts`,
 * play counts too. Returns how many events were removed. */
export function clearHistory(db: Db, opts: { resetCounts?: boolean } = {}): number {
  return db.tx(() => {
    const removed = db.run('DELETE FROM listen_events')
    db.run('DELETE FROM play_events')
    db.run(
      opts.resetCounts === true
        ? 'UPDATE clips SET last_played_at = NULL, plays = 0'
        : 'UPDATE clips SET last_played_at = NULL'
    )
    return removed
  })
}
