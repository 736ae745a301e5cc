import { z } from 'zod'
import { PLAYLIST_NAME_MAX } from './limits'
import { clipId, libraryFilter, sortDir, sortKey } from './schemas'
import { cleanPlaylistName } from './text'

// Request schemas for playlists and the listening history, strict and bounded like the
// rest of the bridge (schemas.ts).

export const playlistId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/u, 'not a playlist id')
const playlistName = z
  .string()
  .transform(cleanPlaylistName)
  .pipe(
    z
      .string()
      .min(1, 'a playlist needs a name')
      .max(PLAYLIST_NAME_MAX, `at most ${PLAYLIST_NAME_MAX} characters`)
  )
const days = z.number().min(0).max(36_500)
const MAX_ITEMS = 100_000

export const smartRule = z.strictObject({
  filter: libraryFilter.omit({ addedSince: true, createdFrom: true, createdTo: true }),
  addedWithinDays: days.optional(),
  playedWithinDays: days.optional(),
  /** Clips never played (no counted play: skips are not plays). */
  neverPlayed: z.boolean().optional(),
  minPlays: z.number().int().min(0).max(1_000_000).optional(),
  sort: sortKey.optional(),
  dir: sortDir.optional(),
  /** At most this many clips (e.g. "the 50 most played"). */
  limit: z.number().int().min(1).max(MAX_ITEMS).optional()
})

export const playlistIdArg = z.strictObject({ id: playlistId })
export const createPlaylistArgs = z.strictObject({
  name: playlistName,
  rule: smartRule.optional(),
  clipIds: z.array(clipId).max(MAX_ITEMS).optional()
})
export const renamePlaylistArgs = z.strictObject({ id: playlistId, name: playlistName })
export const setSmartRuleArgs = z.strictObject({ id: playlistId, rule: smartRule })
export const addToPlaylistArgs = z.strictObject({
  id: playlistId,
  clipIds: z.array(clipId).min(1).max(MAX_ITEMS),
  /** Insert before this position; default: at the end. */
  at: z.number().int().min(0).max(MAX_ITEMS).optional()
})
export const playlistItemsArgs = z.strictObject({
  id: playlistId,
  itemIds: z.array(z.number().int().min(1)).min(1).max(MAX_ITEMS)
})
export const movePlaylistItemsArgs = playlistItemsArgs.extend({
  /** Position in the list the moved items land at, counted without them. */
  to: z.number().int().min(0).max(MAX_ITEMS)
})
export const queryPlaylistArgs = z.strictObject({
  id: playlistId,
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(500).optional()
})
/** The list's type-ahead inside a playlist (the library's is schemas.ts titlePrefixQuery). */
export const playlistTitlePrefixArgs = z.strictObject({
  id: playlistId,
  prefix: z.string().min(1).max(100)
})
export const importPlaylistArgs = z.strictObject({
  name: playlistName,
  /** The M3U/M3U8 text, and the folder it was in (relative entries are resolved there). */
  text: z.string().max(20_000_000),
  baseDir: z.string().min(1).max(4096).optional()
})
