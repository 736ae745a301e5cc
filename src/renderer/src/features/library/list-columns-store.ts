import { create } from 'zustand'
import {
  clampWidth,
  COLUMN_DEFS,
  DEFAULT_ORDER,
  isColumnId,
  moveColumnBefore,
  moveColumnStep,
  normalizeOrder,
  type ColumnId
} from './list-columns'

// Which list columns show and how wide they are (issue 13). UI geometry, so it lives in
// localStorage like the layout choice, remembered across restarts; a value that does not
// parse is ignored for the defaults, never trusted.

export const COLUMNS_KEY = 'songshelf:list-columns'

type Widths = Partial<Record<ColumnId, number>>

export interface ListColumnsState {
  /** Chosen columns besides the title (which always shows). */
  shown: ReadonlySet<ColumnId>
  /** Widths the user set; absent: the column's default. */
  widths: Widths
  /** Every column in the user's order, the title first (normalizeOrder). */
  order: readonly ColumnId[]
  actions: {
    toggle: (id: ColumnId) => void
    setWidth: (id: ColumnId, width: number) => void
    resetWidth: (id: ColumnId) => void
    /** Puts `id` just before `before` (null: last). */
    moveBefore: (id: ColumnId, before: ColumnId | null) => void
    /** Moves `id` one place left or right among the columns on screen. */
    moveStep: (id: ColumnId, step: -1 | 1, visible: readonly ColumnId[]) => void
    reset: () => void
  }
}

const DEFAULT_SHOWN: ReadonlySet<ColumnId> = new Set(
  COLUMN_DEFS.filter((def) => def.shown && def.id !== 'title').map((def) => def.id)
)

interface Saved {
  shown: ReadonlySet<ColumnId>
  widths: Widths
  order: readonly ColumnId[]
}

function read(): Saved {
  try {
    const raw = globalThis.localStorage?.getItem(COLUMNS_KEY)
    if (!raw) return { shown: DEFAULT_SHOWN, widths: {}, order: DEFAULT_ORDER }
    const value = JSON.parse(raw) as { shown?: unknown; widths?: unknown; order?: unknown }
    const shown = Array.isArray(value.shown)
      ? new Set(value.shown.filter(isColumnId).filter((id) => id !== 'title'))
      : DEFAULT_SHOWN
    const widths: Widths = {}
    if (value.widths && typeof value.widths === 'object') {
      for (const [id, width] of Object.entries(value.widths)) {
        if (isColumnId(id) && typeof width === 'number' && Number.isFinite(width))
          widths[id] = clampWidth(id, width)
      }
    }
    return { shown, widths, order: normalizeOrder(value.order) }
  } catch {
    return { shown: DEFAULT_SHOWN, widths: {}, order: DEFAULT_ORDER }
  }
}

function write(state: Saved): void {
  try {
    globalThis.localStorage?.setItem(
      COLUMNS_KEY,
      JSON.stringify({ shown: [...state.shown], widths: state.widths, order: state.order })
    )
  } catch {
    // Storage full or refused: the columns still change for this session.
  }
}

export const useListColumnsStore = create<ListColumnsState>((set, get) => {
  const update = (next: Partial<Saved>): void => {
    const state = {
      shown: next.shown ?? get().shown,
      widths: next.widths ?? get().widths,
      order: next.order ?? get().order
    }
    set(state)
    write(state)
  }
  return {
    ...read(),
    actions: {
      toggle(id) {
        if (id === 'title') return
        const shown = new Set(get().shown)
        if (shown.has(id)) shown.delete(id)
        else shown.add(id)
        update({ shown })
      },
      setWidth(id, width) {
        if (id === 'title') return
        const clamped = clampWidth(id, width)
        if (get().widths[id] === clamped) return
        update({ widths: { ...get().widths, [id]: clamped } })
      },
      resetWidth(id) {
        const widths = { ...get().widths }
        delete widths[id]
        update({ widths })
      },
      moveBefore(id, before) {
        const order = moveColumnBefore(get().order, id, before)
        if (order.join() !== get().order.join()) update({ order })
      },
      moveStep(id, step, visible) {
        const order = moveColumnStep(get().order, visible, id, step)
        if (order.join() !== get().order.join()) update({ order })
      },
      reset() {
        update({ shown: DEFAULT_SHOWN, widths: {}, order: DEFAULT_ORDER })
      }
    }
  }
})
