import type { ClipRow } from '../../../../shared/domain'
import { compareNames, tagKey } from '../../../../shared/text'
import { call } from '../../lib/bridge'
import { chunkIds } from '../../lib/id-chunks'

// Bulk actions on selected clips, split into calls the contract accepts. Each returns
// how many clips changed, for the notice the user sees, and the undo id of every chunk
// (the undo store undoes them together).

export interface BulkResult {
  count: number
  undoIds: string[]
}

export async function setFavorite(ids: readonly string[], favorite: boolean): Promise<BulkResult> {
  const out: BulkResult = { count: 0, undoIds: [] }
  for (const chunk of chunkIds(ids)) {
    const { changed, undoId } = await call('setFavorite', { ids: chunk, favorite })
    out.count += changed
    if (undoId) out.undoIds.push(undoId)
  }
  return out
}

export async function deleteClips(ids: readonly string[]): Promise<BulkResult> {
  const out: BulkResult = { count: 0, undoIds: [] }
  for (const chunk of chunkIds(ids)) {
    const { deleted, undoId } = await call('deleteClips', { ids: chunk })
    out.count += deleted
    if (undoId) out.undoIds.push(undoId)
  }
  return out
}

/** Asks main to write an .m3u8 of the clips (it shows the save dialog). Null when the
 * user cancelled. */
export async function exportPlaylist(
  ids: readonly string[],
  name?: string
): Promise<string | null> {
  const { path } = await call('exportPlaylist', { ids: [...ids], ...(name ? { name } : {}) })
  return path
}

/** "Favourite" unless every selected clip already is one. */
export function favoriteTarget(rows: readonly ClipRow[]): boolean {
  return rows.length === 0 || !rows.every((row) => row.favorite)
}

/** The user tags on a set of clips with how many of them carry each. Tags are counted by
 * their identity (shared/text.ts `tagKey`), as the core stores them: `night drive` and
 * `Night Drive` are one tag, shown with the first spelling met. */
export function tagsOnClips(rows: readonly ClipRow[]): { name: string; count: number }[] {
  const counts = new Map<string, { name: string; count: number }>()
  for (const row of rows)
    for (const tag of row.userTags) {
      const key = tagKey(tag)
      const seen = counts.get(key)
      counts.set(key, { name: seen?.name ?? tag, count: (seen?.count ?? 0) + 1 })
    }
  return [...counts.values()].sort((a, b) => compareNames(a.name, b.name))
}
