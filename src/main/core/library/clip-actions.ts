import type { Db } from './db'
import { placeholders } from './db'
import { PK, one, int, many, shape, text } from './rows/read'

// Favourites and plays. Favourites live in sidecars too (a rebuild restores them); plays
// stay in the index only, so playing a song never rewrites files on a synced drive.

const PK_ID = shape({ pk: int, id: text })

export function clipPks(db: Db, ids: readonly string[]): { pk: number; id: string }[] {
  const out: { pk: number; id: string }[] = []
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500)
    out.push(
      ...many(
        db,
        PK_ID,
        `SELECT pk, id FROM clips WHERE id IN (${placeholders(batch.length)})`,
        ...batch
      )
    )
  }
  return out.map((row) => ({ pk: row.pk, id: row.id }))
}

/** Sets the favourite flag; `changed` counts clips whose flag actually changed, and only
 * those get their sidecar rewritten. */
export function setFavorite(
  db: Db,
  ids: string[],
  value: boolean,
  onSidecarStale: (pks: number[]) => void
): { changed: number } {
  return db.tx(() => {
    const flag = value ? 1 : 0
    const update = db.sql('UPDATE clips SET favorite = ? WHERE pk = ? AND favorite != ?')
    const touched = clipPks(db, ids)
      .filter(({ pk }) => Number(update.run(flag, pk, flag).changes) > 0)
      .map(({ pk }) => pk)
    if (touched.length > 0) onSidecarStale(touched)
    return { changed: touched.length }
  })
}

/** Counts a play. `at` is when it started (Unix ms); `ms` how long it lasted, if known.
 * Returns false for an unknown clip. */
export function recordPlay(db: Db, id: string, at: number, ms?: number): boolean {
  return db.tx(() => {
    const clip = one(db, PK, 'SELECT pk FROM clips WHERE id = ?', id)
    if (clip === undefined) return false
    const duration =
      typeof ms === 'number' && Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : null
    db.run('INSERT INTO play_events (clip_pk, at, ms) VALUES (?, ?, ?)', clip.pk, at, duration)
    db.run(
      `UPDATE clips SET plays = plays + 1,
         last_played_at = max(coalesce(last_played_at, ?), ?) WHERE pk = ?`,
      at,
      at,
      clip.pk
    )
    return true
  })
}
