import { useLibraryStore } from '../../store/library-store'
import { usePlayerStore } from '../../store/player-store'
import { isSelected, useSelectionStore } from '../../store/selection-store'
import { playFromIndex } from '../library/play'

// Playing what the playlist view shows: the same doorway as the library (the loaded
// neighbourhood of the first row), with shuffle switched on for "Shuffle".

export function playPlaylist(shuffle: boolean): void {
  const player = usePlayerStore.getState()
  if (player.shuffle !== shuffle) player.actions.toggleShuffle()
  const total = useLibraryStore.getState().total ?? 0
  const start = shuffle && total > 0 ? Math.floor(Math.random() * Math.min(total, 200)) : 0
  playFromIndex(start)
}

/** The list indices of the selected rows among the loaded pages. */
export function selectedIndices(): number[] {
  const selection = useSelectionStore.getState()
  const out: number[] = []
  for (const [offset, rows] of useLibraryStore.getState().pages) {
    rows.forEach((row, i) => {
      if (isSelected(selection, row.id)) out.push(offset + i)
    })
  }
  return out.sort((a, b) => a - b)
}
