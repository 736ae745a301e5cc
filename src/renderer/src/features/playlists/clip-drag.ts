import type { DragEvent } from 'react'
import type { ClipRow } from '../../../../shared/domain'
import { hasNativeDrag } from '../../lib/bridge'
import { useLibraryStore } from '../../store/library-store'
import { useSelectionStore } from '../../store/selection-store'
import { dragOut } from '../library/interaction'

// Dragging clips inside the window: onto a playlist in the sidebar, or within a playlist
// to reorder it (issue 15). What is being dragged is kept here, in the renderer, rather
// than read back from the drop: in Electron the drag is the native one that hands the
// mp3 files to the OS (webContents.startDrag, which needs dragstart's default prevented),
// and a drop of it on our own window arrives as files. In the preview web build there is
// no native drag, so the HTML drag runs and carries a marker type.

export const CLIP_DRAG_TYPE = 'application/x-songshelf-clips'

export interface ClipDrag {
  clipIds: string[]
  /** The dragged rows' indices in the list (a playlist's reorder needs its item ids). */
  indices: number[]
}

let current: ClipDrag | null = null

/** Rows dragged together: the selection when the row is part of it, else the row. */
function draggedRows(row: ClipRow, index: number): ClipDrag {
  const selection = useSelectionStore.getState()
  if (selection.all || !selection.selected.has(row.id) || selection.selected.size < 2) {
    return { clipIds: [row.id], indices: [index] }
  }
  const clipIds = [...selection.selected.keys()].slice(0, 500)
  const wanted = new Set(clipIds)
  const indices: number[] = []
  for (const [offset, rows] of useLibraryStore.getState().pages) {
    rows.forEach((r, i) => {
      if (wanted.has(r.id)) indices.push(offset + i)
    })
  }
  return { clipIds, indices: indices.sort((a, b) => a - b) }
}

export function startClipDrag(row: ClipRow, index: number, event: DragEvent): void {
  current = draggedRows(row, index)
  if (hasNativeDrag()) {
    dragOut(row, event)
    return
  }
  event.dataTransfer.effectAllowed = 'copyMove'
  event.dataTransfer.setData(CLIP_DRAG_TYPE, JSON.stringify(current.clipIds))
  event.dataTransfer.setData('text/plain', current.clipIds.join('\n'))
}

/** The clips of a drag that started in this window, or null (files from the OS). */
export function activeClipDrag(): ClipDrag | null {
  return current
}

export function endClipDrag(): void {
  current = null
}

/** A drag over a drop target: is it our clips (not files from outside)? */
export function isClipDrag(event: DragEvent): boolean {
  return current !== null || event.dataTransfer.types.includes(CLIP_DRAG_TYPE)
}
