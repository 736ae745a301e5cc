import type { ClipRow } from '../../../../shared/domain'
import type { QueueSource } from '../../../../shared/queue'
import { usePlayerStore } from '../../store/player-store'
import { useLibraryStore } from '../../store/library-store'
import { rowAt } from '../../store/library-paging'
import { sentFilter } from '../../store/library-query'
import { useSelectionStore } from '../../store/selection-store'

// The library's doorway to the player (owned by the player feature). Playing from the
// list plays the whole view by reference (its filter and sort, docs/QUEUE.md), whatever
// its size: the core resolves each next song, the renderer never holds the list.

/** The current view as a queue source: the same filter and sort the list shows. */
export function viewSource(): Extract<QueueSource, { kind: 'library' }> {
  const { filter, sort, dir } = useLibraryStore.getState()
  return { kind: 'library', filter: sentFilter(filter), sort, dir }
}

/** What the list shows as a queue source: the library's view, or the playlist it shows
 * (issue 15: playing from a playlist queues the playlist, in its order). */
export function listSource(): QueueSource {
  const source = useLibraryStore.getState().source
  return source.kind === 'playlist' ? { kind: 'playlist', id: source.id } : viewSource()
}

/** Plays the view from the row at `index` (a double-click, Ctrl+Enter, Play in the detail). */
export function playFromIndex(index: number): void {
  const row = rowAt(useLibraryStore.getState().pages, index)
  const player = usePlayerStore.getState()
  void player.actions.playSource(listSource(), {
    at: index,
    clipId: row?.id,
    shuffle: player.shuffle
  })
}

/** Play all / Shuffle all: the whole view, any size. */
export function playView(shuffle: boolean): Promise<void> {
  return usePlayerStore.getState().actions.playSource(listSource(), { shuffle })
}

/** Plays the selection. "Select all" is a reference too (the view minus the clips
 * ctrl-clicked away), so 100,000 selected clips cost one call. */
export async function playSelection(resolve: () => Promise<ClipRow[]>): Promise<void> {
  const selection = useSelectionStore.getState()
  if (selection.all) {
    const exclude = [...selection.excluded]
    await usePlayerStore.getState().actions.playSource({ ...viewSource(), exclude })
    return
  }
  const rows = await resolve()
  if (rows.length > 0) await usePlayerStore.getState().actions.playList(rows, 0)
}

export function playRows(rows: ClipRow[], startIndex = 0): void {
  if (rows.length > 0) void usePlayerStore.getState().actions.playList(rows, startIndex)
}

export function enqueueRows(rows: ClipRow[]): void {
  if (rows.length > 0) void usePlayerStore.getState().actions.enqueue(rows)
}

export function playNextRows(rows: ClipRow[]): void {
  if (rows.length > 0) void usePlayerStore.getState().actions.playNext(rows)
}

export function playVideo(clip: ClipRow): void {
  void usePlayerStore.getState().actions.playVideo(clip)
}
