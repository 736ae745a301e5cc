import { dirname, relative, sep } from 'node:path'
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
    const title = (clip?.title || id).replace(/[\r\n]+/g, ' ')
    const rel = relative(base, path)
    lines.push(`#EXTINF:${seconds},${title}`)
    lines.push(isInside(base, path) ? rel.split(sep).join('/') : path)
  }
  return lines.join('\n') + '\n'
}
