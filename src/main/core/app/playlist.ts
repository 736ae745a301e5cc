import { dirname, relative, sep } from 'node:path'
import { m3uLineText } from '../library/playlists/m3u'
import type { LibraryStore } from '../library/types'
import { isInside } from '../path-inside'

/** An extended M3U (UTF-8) playlist of the clips that are on disk, with paths relative to
 * the playlist when possible so the folder can move as a whole. */
export function buildM3u8(
  library: LibraryStore,
  ids: readonly string[],
  playlistPath: string
): string {
  const lines = ['#EXTM3U']
  const base = dirname(playlistPath)
  for (const id of ids) {
    const path = library.getFilePath(id, 'audio')
    if (!path) continue
    const clip = library.getClip(id)
    const seconds = clip?.durationSec ? Math.round(clip.durationSec) : -1
    // No control character may reach a line: one NUL made mpv reject the whole list (F5).
    const title = m3uLineText(clip?.title || id)
    const rel = relative(base, path)
    const entry = isInside(base, path) ? rel.split(sep).join('/') : path
    // Song file names never hold one (naming.ts); a folder above the library might, and
    // such a path cannot be written as one M3U line at all.
    if (/[\p{Cc}\u2028\u2029]/u.test(entry)) continue
    lines.push(`#EXTINF:${seconds},${title}`)
    lines.push(entry)
  }
  return lines.join('\n') + '\n'
}
