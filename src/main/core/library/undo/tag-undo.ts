import type { Db } from '../db'
import { placeholders } from '../db'
import { clipPks } from '../clip-actions'
import { tagKey } from '../../../../shared/text'
import { reindexClips } from '../search-index'
import type { TagContext } from '../tags'
import { ID, int, INT_ID, many, one, shape, text } from '../rows/read'

// The inverses of tag delete, merge and rename, and of a bulk favourite. Each captures,
// before the action, exactly what the action will change (which clips carried which
// tag, which clips' flag flips) so the undo restores the previous per-clip state, not a
// blanket "all on" or "all off". Clips are named by id: their pks may change if the index
// is rebuilt inside the window.

const TAG = shape({ id: int, name: text })

interface TagHolders {
  name: string
  clipIds: string[]
}

function holders(db: Db, name: string): TagHolders | null {
  const tag = one(db, TAG, 'SELECT id, name FROM tags WHERE key = ?', tagKey(name))
  if (tag === undefined) return null
  const clipIds = many(
    db,
    ID,
    'SELECT c.id FROM clip_tags ct JOIN clips c ON c.pk = ct.clip_pk WHERE ct.tag_id = ?',
    tag.id
  ).map((row) => row.id)
  return { name: tag.name, clipIds }
}

function tagIdOf(db: Db, name: string): number {
  const key = tagKey(name)
  db.run('INSERT OR IGNORE INTO tags (name, key) VALUES (?, ?)', name, key)
  const row = one(db, INT_ID, 'SELECT id FROM tags WHERE key = ?', key)
  if (row === undefined) throw new Error(`Tag ${name} was not stored`)
  return row.id
}

/** Gives these clips the tag (made again, with its old spelling, if it is gone). */
function relink(db: Db, tag: TagHolders, touched: Set<number>): void {
  const id = tagIdOf(db, tag.name)
  const link = db.sql('INSERT OR IGNORE INTO clip_tags (clip_pk, tag_id) VALUES (?, ?)')
  for (const { pk } of clipPks(db, tag.clipIds)) {
    if (Number(link.run(pk, id).changes) > 0) touched.add(pk)
  }
}

function finish(ctx: TagContext, touched: Set<number>): number {
  const pks = [...touched]
  reindexClips(ctx.db, ctx.mode, pks)
  if (pks.length > 0) ctx.onSidecarStale(pks)
  return pks.length
}

/** Before `deleteTag(name)`: returns its undo, or null when there is no such tag. */
export function captureTagDelete(ctx: TagContext, name: string): (() => number) | null {
  const before = holders(ctx.db, name)
  if (before === null) return null
  return () =>
    ctx.db.tx(() => {
      const touched = new Set<number>()
      relink(ctx.db, before, touched)
      return finish(ctx, touched)
    })
}

/** Before `mergeTags(from, into)` (and a rename onto an existing tag): its undo puts each
 * source tag back on its own clips and takes `into` off the clips that got it only from
 * the merge (and drops `into` if the merge created it). */
export function captureTagMerge(ctx: TagContext, from: string[], into: string): () => number {
  const { db } = ctx
  const target = holders(db, into)
  const intoKey = tagKey(into)
  const sources = from
    .filter((name) => tagKey(name) !== intoKey)
    .map((name) => holders(db, name))
    .filter((tag): tag is TagHolders => tag !== null)
  return () =>
    db.tx(() => {
      const touched = new Set<number>()
      for (const source of sources) relink(db, source, touched)
      const keep = new Set(target?.clipIds ?? [])
      const intoTag = one(db, INT_ID, 'SELECT id FROM tags WHERE key = ?', intoKey)
      if (intoTag !== undefined) {
        const gained = sources.flatMap((s) => s.clipIds).filter((id) => !keep.has(id))
        const unlink = db.sql('DELETE FROM clip_tags WHERE clip_pk = ? AND tag_id = ?')
        for (const { pk } of clipPks(db, [...new Set(gained)])) {
          if (Number(unlink.run(pk, intoTag.id).changes) > 0) touched.add(pk)
        }
        if (target === null) db.run('DELETE FROM tags WHERE id = ?', intoTag.id)
        else db.run('UPDATE tags SET name = ? WHERE id = ?', target.name, intoTag.id)
      }
      return finish(ctx, touched)
    })
}

/** Before a plain rename (no merge): its undo gives the tag its old spelling back. */
export function captureTagRename(ctx: TagContext, from: string, to: string): () => number {
  const { db } = ctx
  const before = holders(db, from)
  return () =>
    db.tx(() => {
      if (before === null) return 0
      const now = one(db, INT_ID, 'SELECT id FROM tags WHERE key = ?', tagKey(to))
      if (now === undefined) return 0
      db.run(
        'UPDATE tags SET name = ?, key = ? WHERE id = ?',
        before.name,
        tagKey(before.name),
        now.id
      )
      return finish(ctx, new Set(clipPks(db, before.clipIds).map((c) => c.pk)))
    })
}

/** Before `setFavorite(ids, value)`: the clips whose flag will flip; their undo flips
 * exactly those back. */
export function favoriteFlips(db: Db, ids: readonly string[], value: boolean): string[] {
  const out: string[] = []
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500)
    out.push(
      ...many(
        db,
        ID,
        `SELECT id FROM clips WHERE id IN (${placeholders(batch.length)}) AND favorite != ?`,
        ...batch,
        value ? 1 : 0
      ).map((row) => row.id)
    )
  }
  return out
}
