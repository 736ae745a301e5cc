import { create } from 'zustand'
import type { ClipRow } from '../../../shared/domain'

// Which clip the context menu is open on, and where. One menu for the app: rows, cards
// and queue entries open it; it closes on Escape, a click elsewhere, or after an action.

export interface ContextMenuTarget {
  clip: ClipRow
  /** Where it opens (viewport px): the pointer, or the element for the keyboard. */
  x: number
  y: number
  /** The clip's index in the library view (play from there), when opened from it. */
  viewIndex?: number
  /** The entry's index in the queue, when opened from the queue panel. */
  queueIndex?: number
  /** Gets focus back when the menu closes. */
  returnFocus?: HTMLElement | null
}

export interface ContextMenuState {
  target: ContextMenuTarget | null
  actions: {
    open: (target: ContextMenuTarget) => void
    close: () => void
  }
}

export const useContextMenuStore = create<ContextMenuState>()((set, get) => ({
  target: null,
  actions: {
    open: (target) => set({ target }),
    close: () => {
      const focus = get().target?.returnFocus
      set({ target: null })
      focus?.focus()
    }
  }
}))

/** Opens the menu from a pointer event or from the keyboard (Shift+F10, the ContextMenu
 * key) on an element. */
export function openContextMenu(
  clip: ClipRow,
  at: { clientX: number; clientY: number } | HTMLElement,
  where: Pick<ContextMenuTarget, 'viewIndex' | 'queueIndex'> = {}
): void {
  const fromElement = at instanceof HTMLElement
  const rect = fromElement ? at.getBoundingClientRect() : null
  useContextMenuStore.getState().actions.open({
    clip,
    x: rect ? rect.left + 24 : (at as { clientX: number }).clientX,
    y: rect ? rect.top + rect.height / 2 : (at as { clientY: number }).clientY,
    ...where,
    returnFocus: fromElement
      ? at
      : document.activeElement instanceof HTMLElement
        ? document.activeElement
        : null
  })
}

/** Shift+F10 or the ContextMenu key. */
export function isMenuKey(event: { key: string; shiftKey: boolean }): boolean {
  return event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)
}
