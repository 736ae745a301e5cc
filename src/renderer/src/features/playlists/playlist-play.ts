import { useLibraryStore } from '../../store/library-store'
import { isSelected, useSelectionStore } from '../../store/selection-store'
import { playView } from '../library/play'

// Playing a playlist queues it by reference (docs/QUEUE.md): the core reads it in its
// order, whatever its size.

export function playPlaylist(shuffle: boolean): void {
  void playView(shuffle)
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
