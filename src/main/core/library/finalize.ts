import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { displayTitle } from '../../../shared/clip-title'
import { writeFileAtomic } from './atomic'
import type { Db } from './db'
import { ensureStem, getFilePath } from './files'
import { writeId3 } from './id3'
import { relFilePath, resolveInside } from './naming'
import { buildSidecar, serializeSidecar } from './sidecar'
import type { Logger } from './types'
import { ID, int, intOrNull, many, one, shape, text, textOrNull } from './rows/read'

// Writing what the library folder holds besides the media: the sidecar, and the ID3 tags
// once the mp3 is on disk.

export interface FinalizeContext {
  db: Db
  libraryDir: string
  artist: string
  album: string
  now: () => number
  logger: Logger
  libraryAvailable(): boolean
}

function setSidecarRow(
  db: Db,
  pk: number,
  state: 'done' | 'failed',
  rel: string | null,
  bytes: number | null,
  error: string | null,
  now: number
): void {
  db.run(
    `INSERT INTO files (clip_pk, kind, state, rel_path, bytes, error, updated_at)
     VALUES (?, 'sidecar', ?, ?, ?, ?, ?)
     ON CONFLICT (clip_pk, kind) DO UPDATE SET state = excluded.state,
       rel_path = coalesce(excluded.rel_path, files.rel_path), bytes = excluded.bytes,
       error = excluded.error, updated_at = excluded.updated_at`,
    pk,
    state,
    rel,
    bytes,
    error,
    now
  )
}

function exists(db: Db, pk: number): boolean {
  return db.get('SELECT 1 AS x FROM clips WHERE pk = ?', pk) !== undefined
}

/** Writes (or rewrites) the sidecar of a clip from the index. */
export async function writeClipSidecar(ctx: FinalizeContext, pk: number): Promise<void> {
  const { db } = ctx
  if (!exists(db, pk)) return
  // Never recreate the folder of an unplugged drive on the system disk.
  if (!ctx.libraryAvailable()) return
  const rel = relFilePath(
    db.tx(() => ensureStem(db, pk)),
    'sidecar'
  )
  const sidecar = buildSidecar(db, pk, rel)
  if (sidecar === null) return
  const abs = resolveInside(ctx.libraryDir, rel)
  const text = serializeSidecar(sidecar)
  try {
    await mkdir(dirname(abs), { recursive: true })
    // Deleted while the file was being written: a sidecar left behind would bring the
    // clip back on the next rebuild.
    if (!(await writeFileAtomic(abs, text, () => exists(db, pk)))) return
  } catch (error) {
    const message = `The sidecar could not be written: ${(error as Error).message}`
    if (exists(db, pk)) setSidecarRow(db, pk, 'failed', null, null, message, ctx.now())
    throw error
  }
  setSidecarRow(db, pk, 'done', rel, Buffer.byteLength(text), null, ctx.now())
}

const TAGGED_CLIP = shape({
  pk: int,
  title: text,
  user_title: textOrNull,
  style_tags: textOrNull,
  created_at: intOrNull,
  lyrics: textOrNull,
  model: textOrNull
})

/** Called once a clip's downloads have settled: ID3 tags into the mp3 (if it is on disk)
 * and the sidecar. Problems are logged and recorded, never thrown at the sync engine: a
 * song without tags is still a song. */
export async function finalizeClip(ctx: FinalizeContext, clipId: string): Promise<void> {
  const { db } = ctx
  const clip = one(
    db,
    TAGGED_CLIP,
    `SELECT c.pk, c.title, c.user_title, c.style_tags, c.created_at, x.lyrics, c.model
     FROM clips c LEFT JOIN clip_texts x ON x.clip_pk = c.pk WHERE c.id = ?`,
    clipId
  )
  if (clip === undefined) return
  if (!ctx.libraryAvailable()) {
    ctx.logger.warn('Library folder unavailable; clip not finalized', { clipId })
    return
  }
  const audio = getFilePath(db, ctx.libraryDir, clipId, 'audio')
  if (audio !== null) {
    try {
      const fields = {
        clipId,
        // Other players show the title the user gave (issue 13); the gateway's stays in
        // the sidecar, and the clip id frames tie the file to its clip either way.
        title: displayTitle(clip.title, clip.user_title),
        artist: ctx.artist,
        album: ctx.album,
        styleTags: clip.style_tags,
        createdAt: clip.created_at,
        lyrics: clip.lyrics,
        model: clip.model
      }
      const cover = getFilePath(db, ctx.libraryDir, clipId, 'cover')
      // Deleted while being tagged: writing the tagged copy would put the file back.
      const result = await writeId3(audio, fields, cover, () => exists(db, clip.pk))
      if (result === null) return
      db.run(
        `UPDATE files SET bytes = ?, sha256 = ?, updated_at = ?
         WHERE clip_pk = ? AND kind = 'audio' AND state = 'done'`,
        result.bytes,
        result.sha256,
        ctx.now(),
        clip.pk
      )
    } catch (error) {
      ctx.logger.warn('Could not write ID3 tags', { clipId, error: (error as Error).message })
    }
  }
  try {
    await writeClipSidecar(ctx, clip.pk)
  } catch (error) {
    ctx.logger.warn('Could not write the sidecar', { clipId, error: (error as Error).message })
  }
}

/** How many clip pks one slice of the leftover sweep covers: at most four `files` rows
 * each, read in primary-key order, so a slice costs a few milliseconds at any library size. */
const MIN_PK = shape({ pk: intOrNull })

export const UNFINISHED_SLICE_PKS = 2000

/** One pass over a pk range of `files` in primary-key order, grouped per clip. The old
 * correlated `EXISTS` form let SQLite drive each probe from `files_state (state=?)`, which
 * visits about half of all done files for every clip: quadratic (73 s at 20 000 clips
 * without sidecars). This plan cannot go through `files_state` (no `state` term is
 * indexable), so its cost is the rows in the range. */
export const UNFINISHED_SQL = `SELECT c.id AS id FROM files f JOIN clips c ON c.pk = f.clip_pk
  WHERE f.clip_pk > ? AND f.clip_pk <= ?
  GROUP BY f.clip_pk
  HAVING max(f.kind != 'sidecar' AND f.state = 'done') = 1
    AND max(f.kind != 'sidecar' AND f.state = 'pending') = 0
    AND max(f.kind = 'sidecar' AND f.state = 'done') = 0
  ORDER BY f.clip_pk`

export interface UnfinishedSlice {
  clipIds: string[]
  /** Where the next slice starts (pass it back as `afterPk`); null when this was the last. */
  nextPk: number | null
}

/** Clips whose downloads have all settled with something on disk but whose sidecar was
 * never written (the app was killed before finalizing) or failed (a full disk), among
 * the clips with `afterPk < pk <= afterPk + span`. */
export function unfinishedClipsAfter(
  db: Db,
  afterPk: number,
  span = UNFINISHED_SLICE_PKS
): UnfinishedSlice {
  const last = afterPk + span
  const clipIds = many(db, ID, UNFINISHED_SQL, afterPk, last).map((row) => row.id)
  // Skips gaps that deletions left in the pks (a primary-key seek).
  const next = one(db, MIN_PK, 'SELECT min(clip_pk) AS pk FROM files WHERE clip_pk > ?', last)
  return { clipIds, nextPk: next?.pk == null ? null : next.pk - 1 }
}

/** Every unfinished clip (see `unfinishedClipsAfter`), slice by slice: linear in the
 * number of files. The start-up sweep walks the slices itself, yielding between them. */
export function unfinishedClips(db: Db): string[] {
  const out: string[] = []
  let after: number | null = 0
  while (after !== null) {
    const slice = unfinishedClipsAfter(db, after)
    out.push(...slice.clipIds)
    after = slice.nextPk
  }
  return out
}
