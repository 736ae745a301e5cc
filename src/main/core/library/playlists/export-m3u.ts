import { mkdir } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { isInside } from '../../path-inside'
import { writeFileAtomic } from '../atomic'
import { m3uLineText } from './m3u'
import { audioInfo, type MirrorCtx } from './mirror'
import { getPlaylist, playlistClipIds } from './store'

// A playlist written out as a plain extended M3U8 for another player or another computer
// (`songshelf playlist export`). Unlike the library's own mirror it carries no Songshelf
// header: it is a copy to hand on, not a playlist that `rebuild` should bring back.

export interface PlaylistExport {
  /** Entries written (clips whose audio is on disk). */
  written: number
  /** Clips of the playlist left out because their audio is not downloaded. */
  skipped: number
}

/** The M3U8 text for the playlist as it would be read from `target`: paths relative to the
 * file when the song is below its folder (the folder can move as a whole), absolute
 * otherwise, the same rule as the app's Export. */
export function exportText(
  ctx: MirrorCtx,
  id: string,
  target: string
): PlaylistExport & { text: string } {
  const playlist = getPlaylist(ctx, id)
  const clipIds = playlistClipIds(ctx, id)
  const info = audioInfo(ctx, clipIds)
  const base = dirname(resolve(target))
  const lines = ['#EXTM3U', `#PLAYLIST:${m3uLineText(playlist.name)}`]
  let written = 0
  for (const clipId of clipIds) {
    const found = info.get(clipId)
    if (found === undefined) continue
    const abs = join(ctx.libraryDir, ...found.rel.split('/'))
    const entry = isInside(base, abs) ? relative(base, abs).split(sep).join('/') : abs
    // A folder above the library with a control character in its name cannot be written
    // as one M3U line at all (library file names never hold one, naming.ts).
    if (/[\p{Cc}\u2028\u2029]/u.test(entry)) continue
    const seconds = found.duration === null ? -1 : Math.round(found.duration)
    lines.push(`#EXTINF:${seconds},${m3uLineText(found.title || clipId)}`)
    lines.push(entry)
    written++
  }
  return { text: `${lines.join('\n')}\n`, written, skipped: clipIds.length - written }
}

/** Writes the playlist to `target` atomically (temp file, fsync, rename). */
export async function exportM3u(
  ctx: MirrorCtx,
  id: string,
  target: string
): Promise<PlaylistExport> {
  const { text, written, skipped } = exportText(ctx, id, target)
  await mkdir(dirname(resolve(target)), { recursive: true })
  await writeFileAtomic(resolve(target), text)
  return { written, skipped }
}
