import { create } from 'zustand'
import { clampWidth, COLUMN_DEFS, isColumnId, type ColumnId } from './list-columns'

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
  actions: {
    toggle: (id: ColumnId) => void
    setWidth: (id: ColumnId, width: number) => void
    resetWidth: (id: ColumnId) => void
    reset: () => void
  }
}

const DEFAULT_SHOWN: ReadonlySet<ColumnId> = new Set(
  COLUMN_DEFS.filter((def) => def.shown && def.id !== 'title').map((def) => def.id)
)

function read(): { shown: ReadonlySet<ColumnId>; widths: Widths } {
  try {
    const raw = globalThis.localStorage?.getItem(COLUMNS_KEY)
    if (!raw) return { shown: DEFAULT_SHOWN, widths: {} }
    const value = JSON.parse(raw) as { shown?: unknown; widths?: unknown }
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
    return { shown, widths }
  } catch {
    return { shown: DEFAULT_SHOWN, widths: {} }
  }
}

function write(state: { shown: ReadonlySet<ColumnId>; widths: Widths }): void {
  try {
    globalThis.localStorage?.setItem(
      COLUMNS_KEY,
      JSON.stringify({ shown: [...state.shown], widths: state.widths })
    )
  } catch {
    // Storage full or refused: the columns still change for this session.
  }
}

export const useListColumnsStore = create<ListColumnsState>((set, get) => {
  const update = (next: { shown?: ReadonlySet<ColumnId>; widths?: Widths }): void => {
    const state = { shown: next.shown ?? get().shown, widths: next.widths ?? get().widths }
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
      reset() {
        update({ shown: DEFAULT_SHOWN, widths: {} })
      }
    }
  }
})
