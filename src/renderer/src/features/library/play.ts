import type { ClipRow } from '../../../../shared/domain'
import { usePlayerStore } from '../../store/player-store'
import { useLibraryStore } from '../../store/library-store'
import { loadedWindowAround } from '../../store/library-paging'

// The library's doorway to the player (owned by the player feature). Playing from the
// list queues the loaded neighbourhood of the clicked row, not the whole library.

export function playFromIndex(index: number): void {
  const { rows, startIndex } = loadedWindowAround(useLibraryStore.getState().pages, index)
  if (rows.length > 0) usePlayerStore.getState().actions.playList(rows, startIndex)
}

export function playRows(rows: ClipRow[], startIndex = 0): void {
  if (rows.length > 0) usePlayerStore.getState().actions.playList(rows, startIndex)
}

export function enqueueRows(rows: ClipRow[]): void {
  if (rows.length > 0) usePlayerStore.getState().actions.enqueue(rows)
}

export function playVideo(clip: ClipRow): void {
  usePlayerStore.getState().actions.playVideo(clip)
}
