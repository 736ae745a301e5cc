import { displayTitle } from '../../../../shared/clip-title'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join, posix } from 'node:path'
import { writeFileAtomic } from '../atomic'
import { placeholders } from '../db'
import { idSuffix, resolveInside, sanitizeTitle, toRelPath } from '../naming'
import type { Logger } from '../types'
import { buildM3u, entryPath, parseM3u, type M3uEntry } from './m3u'
import { many, numOrNull, shape, text, textOrNull } from '../rows/read'
import {
  createPlaylist,
  parseRule,
  playlistClipIds,
  playlistFileRow,
  setPlaylistRelPath,
  type PlaylistCtx
} from './store'

// Every playlist is mirrored into `<library>/Playlists/` as an M3U8 with paths relative to
// it, written atomically (temp file, fsync, rename), so the library folder stays
// self-describing: other players open the lists, and `rebuild` restores them.

export const PLAYLIST_FOLDER = 'Playlists'

const AUDIO_ENTRY = shape({
  id: text,
  title: text,
  user_title: textOrNull,
  duration_sec: numOrNull,
  rel_path: text
})
const AUDIO_PATH = shape({ id: text, rel_path: textOrNull })

export interface MirrorCtx extends PlaylistCtx {
  libraryDir: string
  libraryAvailable: () => boolean
  logger: Logger
}

/** `Playlists/Road Trip [3f2a9c1b].m3u8`: the name people read, made safe by the
 * library's naming rule, and the id so two playlists of one name never share a file. */
export function playlistRelPath(name: string, id: string): string {
  return `${PLAYLIST_FOLDER}/${sanitizeTitle(name, 100)} [${idSuffix(id)}].m3u8`
}

export interface AudioInfo {
  title: string
  duration: number | null
  /** Library-relative path of the clip's downloaded audio. */
  rel: string
}

/** The downloaded audio of these clips (title, duration, library-relative path), read in
 * batches; clips without a finished audio file are absent. */
export function audioInfo(ctx: PlaylistCtx, clipIds: readonly string[]): Map<string, AudioInfo> {
  const info = new Map<string, AudioInfo>()
  const unique = [...new Set(clipIds)]
  for (let i = 0; i < unique.length; i += 500) {
    const batch = unique.slice(i, i + 500)
    for (const r of many(
      ctx.db,
      AUDIO_ENTRY,
      `SELECT c.id, c.title, c.user_title, c.duration_sec, f.rel_path FROM clips c
       JOIN files f ON f.clip_pk = c.pk AND f.kind = 'audio' AND f.state = 'done'
       WHERE f.rel_path IS NOT NULL AND c.id IN (${placeholders(batch.length)})`,
      ...batch
    )) {
      const title = displayTitle(r.title, r.user_title)
      info.set(r.id, { title, duration: r.duration_sec, rel: r.rel_path })
    }
  }
  return info
}

function entriesOf(ctx: MirrorCtx, clipIds: readonly string[], fileRel: string): M3uEntry[] {
  const info = audioInfo(ctx, clipIds)
  const from = posix.dirname(fileRel)
  const out: M3uEntry[] = []
  for (const clipId of clipIds) {
    const found = info.get(clipId)
    if (found === undefined) continue
    out.push({
      path: posix.relative(from, found.rel),
      title: found.title || clipId,
      durationSec: found.duration
    })
  }
  return out
}

/** Writes (or, for a deleted playlist, removes) each playlist's file, one at a time per
 * playlist so a rename never races the write before it. */
export class PlaylistMirror {
  private readonly chains = new Map<string, Promise<void>>()

  constructor(private readonly ctx: MirrorCtx) {}

  sync(ids: readonly string[]): Promise<void> {
    return Promise.all(ids.map((id) => this.one(id))).then(() => undefined)
  }

  flush(): Promise<void> {
    return Promise.all([...this.chains.values()]).then(() => undefined)
  }

  private one(id: string): Promise<void> {
    const next = (this.chains.get(id) ?? Promise.resolve())
      .then(() => this.write(id))
      .catch((error: unknown) => this.ctx.logger.warn(`playlist file ${id} not written`, error))
    this.chains.set(id, next)
    void next.then(() => {
      if (this.chains.get(id) === next) this.chains.delete(id)
    })
    return next
  }

  private async write(id: string): Promise<void> {
    const { ctx } = this
    // The index is the truth; a missing folder (unplugged drive) is caught up later.
    if (!ctx.libraryAvailable()) return
    const current = playlistFileRow(ctx, id)
    const old = current?.relPath ?? null
    if (current === null || current.deleted) {
      if (old !== null) await rm(resolveInside(ctx.libraryDir, old), { force: true })
      if (current !== null) setPlaylistRelPath(ctx, id, null)
      return
    }
    const rel = playlistRelPath(current.name, id)
    const text = buildM3u(
      { id, name: current.name, kind: current.kind, rule: current.rule },
      entriesOf(ctx, playlistClipIds(ctx, id), rel)
    )
    const target = resolveInside(ctx.libraryDir, rel)
    await mkdir(dirname(target), { recursive: true })
    await writeFileAtomic(target, text, () => playlistFileRow(ctx, id)?.deleted === false)
    if (old !== null && old !== rel) await rm(resolveInside(ctx.libraryDir, old), { force: true })
    setPlaylistRelPath(ctx, id, rel)
  }
}

/** Library-relative audio path → clip id, and the set of clip ids, for matching entries. */
export function libraryLookup(ctx: PlaylistCtx): {
  byPath: Map<string, string>
  ids: Set<string>
} {
  const byPath = new Map<string, string>()
  const ids = new Set<string>()
  for (const r of many(
    ctx.db,
    AUDIO_PATH,
    `SELECT c.id, f.rel_path FROM clips c
     LEFT JOIN files f ON f.clip_pk = c.pk AND f.kind = 'audio'`
  )) {
    ids.add(r.id)
    if (r.rel_path !== null) byPath.set(r.rel_path.normalize('NFC'), r.id)
  }
  return { byPath, ids }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/iu

/** The clip an entry points to: a file in the library, or a clip id in its name. */
export function matchEntry(
  entry: string,
  playlistDir: string,
  libraryDir: string,
  lookup: ReturnType<typeof libraryLookup>
): string | null {
  const abs = entryPath(entry, playlistDir)
  if (abs !== null) {
    const rel = toRelPath(libraryDir, abs)
    const byPath = rel === null ? undefined : lookup.byPath.get(rel.normalize('NFC'))
    if (byPath !== undefined) return byPath
  }
  const id = UUID.exec(entry)?.[0]?.toLowerCase()
  return id !== undefined && lookup.ids.has(id) ? id : null
}

/** Restores, from `Playlists/*.m3u8`, every Songshelf playlist the index does not have
 * (after a rebuild into a fresh or damaged index). Returns how many came back. */
export async function restorePlaylists(ctx: MirrorCtx): Promise<number> {
  const folder = join(ctx.libraryDir, PLAYLIST_FOLDER)
  const names = await readdir(folder).catch(() => [] as string[])
  const lookup = libraryLookup(ctx)
  let restored = 0
  for (const name of names.sort()) {
    if (!name.toLowerCase().endsWith('.m3u8') || name.startsWith('.')) continue
    const text = await readFile(join(folder, name), 'utf8').catch(() => null)
    if (text === null) continue
    const { header, entries } = parseM3u(text)
    if (header === null) continue
    if (ctx.db.get('SELECT 1 AS x FROM playlists WHERE id = ?', header.id) !== undefined) continue
    const rule = header.kind === 'smart' ? parseRule(header.rule) : null
    const clipIds = entries
      .map((entry) => matchEntry(entry, folder, ctx.libraryDir, lookup))
      .filter((id): id is string => id !== null)
    ctx.db.tx(() => {
      createPlaylist(ctx, {
        id: header.id,
        name: header.name || name.replace(/\.m3u8$/iu, ''),
        ...(rule === null ? { clipIds } : { rule })
      })
      setPlaylistRelPath(ctx, header.id, `${PLAYLIST_FOLDER}/${name}`)
    })
    restored++
  }
  return restored
}
