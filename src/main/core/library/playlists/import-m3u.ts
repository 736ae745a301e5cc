import type { PlaylistImportReport } from '../../../../shared/playlists'
import { parseM3u } from './m3u'
import { libraryLookup, matchEntry, type MirrorCtx } from './mirror'
import { createPlaylist, getPlaylist } from './store'

// An M3U/M3U8 from another player becomes a playlist: entries that point into the library
// (by path, or by a clip id in the file name) become items; the rest are reported as
// written, never silently dropped.

export function importM3u(
  ctx: MirrorCtx,
  input: { name: string; text: string; baseDir?: string }
): PlaylistImportReport {
  const { entries } = parseM3u(input.text)
  const lookup = libraryLookup(ctx)
  const base = input.baseDir ?? ctx.libraryDir
  const clipIds: string[] = []
  const missing: string[] = []
  for (const entry of entries) {
    const id = matchEntry(entry, base, ctx.libraryDir, lookup)
    if (id === null) missing.push(entry)
    else clipIds.push(id)
  }
  const id = createPlaylist(ctx, { name: input.name, clipIds })
  return { playlist: getPlaylist(ctx, id), added: clipIds.length, missing }
}
