import type { Db } from './db'
import { placeholders } from './db'
import { reindexClips, type SearchMode } from './search-index'
import { cleanTagName, compareNames, tagKey } from '../../../shared/text'
import { LibraryError, type TagChange, type TagCount } from './types'
import { int, INT_ID, many, one, PK, shape, text } from './rows/read'

// User tags. A tag's identity is its NFC lower-case key, so "Chill" and "chill" are one
// tag; the display name is the first spelling used (or the one a rename chose). Every
// change reindexes the clips' search rows and queues their sidecars for rewriting.

export interface TagContext {
  db: Db
  mode: SearchMode
  onSidecarStale(pks: number[]): void
}

const TAG_KEY = shape({ id: int, key: text })
const CLIP_PK = shape({ clip_pk: int })
const TAG_COUNT = shape({ name: text, count: int })

const INVALID_TAG = 'A tag needs at least one letter, number or symbol.'

function ensureTag(db: Db, name: string): number {
  const clean = cleanTagName(name)
  if (clean === null) throw new LibraryError('invalid_tag', INVALID_TAG)
  const key = tagKey(clean)
  const existing = one(db, INT_ID, 'SELECT id FROM tags WHERE key = ?', key)
  if (existing !== undefined) return existing.id
  const created = one(
    db,
    INT_ID,
    'INSERT INTO tags (name, key) VALUES (?, ?) RETURNING id',
    clean,
    key
  )
  if (created === undefined) throw new Error(`Tag ${clean} was not stored`)
  return created.id
}

function findTag(db: Db, name: string): { id: number; key: string } | undefined {
  return one(db, TAG_KEY, 'SELECT id, key FROM tags WHERE key = ?', tagKey(name))
}

function taggedClips(db: Db, tagId: number): number[] {
  return many(db, CLIP_PK, 'SELECT clip_pk FROM clip_tags WHERE tag_id = ?', tagId).map(
    (row) => row.clip_pk
  )
}

function changed(ctx: TagContext, pks: Iterable<number>): { changed: number } {
  const list = [...new Set(pks)]
  reindexClips(ctx.db, ctx.mode, list)
  if (list.length > 0) ctx.onSidecarStale(list)
  return { changed: list.length }
}

/** Adds and removes tags on many clips in one transaction. `changed` counts the clips
 * whose tags actually changed. */
export function tagClips(ctx: TagContext, ids: string[], change: TagChange): { changed: number } {
  const { db } = ctx
  return db.tx(() => {
    const addIds = (change.add ?? []).map((name) => ensureTag(db, name))
    const removeIds = (change.remove ?? [])
      .map((name) => findTag(db, name)?.id)
      .filter((id): id is number => id !== undefined && !addIds.includes(id))
    const touched = new Set<number>()
    const link = db.sql('INSERT OR IGNORE INTO clip_tags (clip_pk, tag_id) VALUES (?, ?)')
    const unlink = db.sql('DELETE FROM clip_tags WHERE clip_pk = ? AND tag_id = ?')
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500)
      const pks = many(
        db,
        PK,
        `SELECT pk FROM clips WHERE id IN (${placeholders(batch.length)})`,
        ...batch
      )
      for (const { pk } of pks) {
        for (const tagId of addIds) if (Number(link.run(pk, tagId).changes) > 0) touched.add(pk)
        for (const tagId of removeIds)
          if (Number(unlink.run(pk, tagId).changes) > 0) touched.add(pk)
      }
    }
    return changed(ctx, touched)
  })
}

/** Renames a tag; renaming onto an existing tag merges the two. */
export function renameTag(ctx: TagContext, from: string, to: string): { changed: number } {
  const { db } = ctx
  return db.tx(() => {
    const source = findTag(db, from)
    if (source === undefined) return { changed: 0 }
    const clean = cleanTagName(to)
    if (clean === null) throw new LibraryError('invalid_tag', INVALID_TAG)
    const target = findTag(db, clean)
    if (target !== undefined && target.id !== source.id) return mergeTags(ctx, [from], clean)
    db.run('UPDATE tags SET name = ?, key = ? WHERE id = ?', clean, tagKey(clean), source.id)
    return changed(ctx, taggedClips(db, source.id))
  })
}

/** Moves every clip of the `from` tags to `into` (created if needed) and deletes them. */
export function mergeTags(ctx: TagContext, from: string[], into: string): { changed: number } {
  const { db } = ctx
  return db.tx(() => {
    const intoId = ensureTag(db, into)
    const touched: number[] = []
    for (const name of from) {
      const source = findTag(db, name)
      if (source === undefined || source.id === intoId) continue
      touched.push(...taggedClips(db, source.id))
      db.run(
        'INSERT OR IGNORE INTO clip_tags (clip_pk, tag_id) SELECT clip_pk, ? FROM clip_tags WHERE tag_id = ?',
        intoId,
        source.id
      )
      db.run('DELETE FROM tags WHERE id = ?', source.id)
    }
    return changed(ctx, touched)
  })
}

export function deleteTag(ctx: TagContext, name: string): { changed: number } {
  const { db } = ctx
  return db.tx(() => {
    const tag = findTag(db, name)
    if (tag === undefined) return { changed: 0 }
    const touched = taggedClips(db, tag.id)
    db.run('DELETE FROM tags WHERE id = ?', tag.id)
    return changed(ctx, touched)
  })
}

/** Every tag with the number of clips that carry it (tags with no clips included, so a
 * tag made for later does not vanish). */
export function listTags(db: Db): TagCount[] {
  return many(
    db,
    TAG_COUNT,
    `SELECT t.name AS name, count(ct.clip_pk) AS count
     FROM tags t LEFT JOIN clip_tags ct ON ct.tag_id = t.id GROUP BY t.id`
  ).sort((a, b) => compareNames(a.name, b.name))
}

/** Replaces a clip's tags with exactly these (used by rebuild). */
export function setClipTags(db: Db, pk: number, names: string[]): void {
  db.run('DELETE FROM clip_tags WHERE clip_pk = ?', pk)
  for (const name of names) {
    if (cleanTagName(name) === null) continue
    db.run(
      'INSERT OR IGNORE INTO clip_tags (clip_pk, tag_id) VALUES (?, ?)',
      pk,
      ensureTag(db, name)
    )
  }
}
