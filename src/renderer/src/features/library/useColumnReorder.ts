import {
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type RefObject
} from 'react'
import { isColumnId, type ColumnId } from './list-columns'
import { useListColumnsStore } from './list-columns-store'

// Reordering the list's columns (issue 13): drag a header onto another place (pointer
// events on the header row; a drop line shows where it lands), or Alt+Shift+←/→ on a
// focused header. The title stays first: it does not drag and nothing drops before it.

/** Pointer travel before a press on a header becomes a drag (a shorter one is a click). */
const DRAG_THRESHOLD = 5

export interface ColumnDrop {
  /** The column being dragged. */
  id: ColumnId
  /** It lands before this column; null: after the last. */
  before: ColumnId | null
  /** The drop line's x inside the header, in px. */
  x: number
}

export interface ColumnReorder {
  /** Where a drag would drop now; null when no drag is under way. */
  drop: ColumnDrop | null
  handlers: {
    onPointerDown: (event: PointerEvent<HTMLElement>) => void
    onPointerMove: (event: PointerEvent<HTMLElement>) => void
    onPointerUp: (event: PointerEvent<HTMLElement>) => void
    onPointerCancel: () => void
    onClickCapture: (event: MouseEvent<HTMLElement>) => void
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void
  }
}

function columnOf(target: EventTarget | null): ColumnId | null {
  const id = (target as HTMLElement | null)?.closest?.('[data-column]')?.getAttribute('data-column')
  return isColumnId(id) ? id : null
}

/** Where a pointer at `clientX` drops: before the first column whose middle is right of it
 * (never before the title), and the line's x relative to `origin`. */
function dropAt(row: HTMLElement, origin: HTMLElement, clientX: number): Omit<ColumnDrop, 'id'> {
  const cells = [...row.querySelectorAll<HTMLElement>('[data-column]')]
  const left = origin.getBoundingClientRect().left
  const gap = Number.parseFloat(getComputedStyle(row).columnGap) || 0
  for (const [index, cell] of cells.entries()) {
    const box = cell.getBoundingClientRect()
    const id = cell.dataset.column
    if (index === 0 || !isColumnId(id)) continue
    if (clientX < box.left + box.width / 2) return { before: id, x: box.left - gap / 2 - left }
  }
  const last = cells[cells.length - 1]?.getBoundingClientRect()
  return { before: null, x: (last?.right ?? left) + gap / 2 - left }
}

export function useColumnReorder(
  columns: readonly ColumnId[],
  origin: RefObject<HTMLElement | null>
): ColumnReorder {
  const { moveBefore, moveStep } = useListColumnsStore((s) => s.actions)
  const [drop, setDrop] = useState<ColumnDrop | null>(null)
  const press = useRef<{ id: ColumnId; x: number; pointer: number; dragging: boolean } | null>(null)
  const swallowClick = useRef(false)

  const onPointerDown = (event: PointerEvent<HTMLElement>): void => {
    if (event.button !== 0) return
    const target = event.target as HTMLElement
    // The edges resize and the Columns button opens its menu; neither starts a drag.
    if (target.closest('.col-resizer, .columns-button')) return
    const id = columnOf(target)
    if (id === null || id === 'title') return
    press.current = { id, x: event.clientX, pointer: event.pointerId, dragging: false }
  }
  const onPointerMove = (event: PointerEvent<HTMLElement>): void => {
    const start = press.current
    if (start === null || start.pointer !== event.pointerId) return
    if (!start.dragging) {
      if (Math.abs(event.clientX - start.x) < DRAG_THRESHOLD) return
      start.dragging = true
      event.currentTarget.setPointerCapture(event.pointerId)
    }
    const at = dropAt(event.currentTarget, origin.current ?? event.currentTarget, event.clientX)
    setDrop((old) =>
      old && old.before === at.before && old.x === at.x ? old : { id: start.id, ...at }
    )
  }
  const end = (): void => {
    press.current = null
    setDrop(null)
  }
  const onPointerUp = (event: PointerEvent<HTMLElement>): void => {
    const start = press.current
    if (start?.dragging) {
      const at = dropAt(event.currentTarget, origin.current ?? event.currentTarget, event.clientX)
      moveBefore(start.id, at.before)
      // The release must not also sort by the header it started on.
      swallowClick.current = true
      setTimeout(() => (swallowClick.current = false), 0)
    }
    end()
  }
  const onClickCapture = (event: MouseEvent<HTMLElement>): void => {
    if (!swallowClick.current) return
    swallowClick.current = false
    event.preventDefault()
    event.stopPropagation()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (!event.altKey || !event.shiftKey) return
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    const id = columnOf(event.target)
    if (id === null) return
    event.preventDefault()
    event.stopPropagation()
    moveStep(id, event.key === 'ArrowLeft' ? -1 : 1, columns)
    refocusHeader(event.currentTarget, id)
  }
  return {
    drop,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel: end,
      onClickCapture,
      onKeyDown
    }
  }
}

/** Moving a header's DOM node can drop its focus; give it back once React has reordered. */
export function refocusHeader(row: HTMLElement, id: ColumnId): void {
  requestAnimationFrame(() => {
    const cell = row.querySelector<HTMLElement>(`[data-column="${id}"]`)
    const target = cell?.querySelector<HTMLElement>('button') ?? cell
    if (target && document.activeElement !== target) target.focus()
  })
}
