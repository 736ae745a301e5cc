import { create } from 'zustand'
import type { ClipRow } from '../../../shared/domain'
import { useLibraryStore } from './library-store'

// Which clips of the current query are selected, and where the keyboard cursor is.
// Selection is by clip id (rows keep their identity when the list refreshes under a
// sync); indexes are only used for ranges. Ctrl/Cmd+A selects the whole query without
// loading it: `all` with the exceptions the user ctrl-clicked away.

export interface SelectionState {
  /** Explicitly selected clips, in list order for ranges and click order otherwise. */
  selected: ReadonlyMap<string, ClipRow>
  /** Every clip of the current query is selected except `excluded`. */
  all: boolean
  excluded: ReadonlySet<string>
  /** Where the last plain or ctrl click happened: the fixed end of a shift range. */
  anchorIndex: number | null
  /** The keyboard cursor (an index of the current query); -1 when none. */
  activeIndex: number
  actions: SelectionActions
}

export interface ClickModifiers {
  /** Shift: extend from the anchor. */
  range?: boolean
  /** Ctrl (Windows/Linux) or Cmd (macOS): add or remove one. */
  toggle?: boolean
}

export interface SelectionActions {
  /** A click (or arrow key) on row `index` with its modifiers. */
  click: (index: number, row: ClipRow, modifiers?: ClickModifiers) => Promise<void>
  selectOnly: (index: number, row: ClipRow) => void
  toggle: (index: number, row: ClipRow) => void
  /** Selects anchor..index (replacing the selection), fetching rows that are not cached. */
  extendTo: (index: number) => Promise<void>
  selectAll: () => void
  clear: () => void
  setActive: (index: number) => void
  /** The selected rows, fetched from the core when "select all" is on. */
  resolve: () => Promise<ClipRow[]>
}

export function isSelected(
  state: Pick<SelectionState, 'all' | 'excluded' | 'selected'>,
  id: string
): boolean {
  return state.all ? !state.excluded.has(id) : state.selected.has(id)
}

/** How many clips are selected, given the query's total. */
export function selectionCount(
  state: Pick<SelectionState, 'all' | 'excluded' | 'selected'>,
  total: number
): number {
  return state.all ? Math.max(0, total - state.excluded.size) : state.selected.size
}

type Data = Omit<SelectionState, 'actions'>

export function initialSelectionData(): Data {
  return {
    selected: new Map(),
    all: false,
    excluded: new Set(),
    anchorIndex: null,
    activeIndex: -1
  }
}

let rangeSeq = 0

export const useSelectionStore = create<SelectionState>()((set, get) => ({
  ...initialSelectionData(),
  actions: {
    click: async (index, row, modifiers = {}) => {
      if (modifiers.range && get().anchorIndex !== null) {
        set({ activeIndex: index })
        await get().actions.extendTo(index)
      } else if (modifiers.toggle) {
        get().actions.toggle(index, row)
      } else {
        get().actions.selectOnly(index, row)
      }
    },
    selectOnly: (index, row) =>
      set({
        selected: new Map([[row.id, row]]),
        all: false,
        excluded: new Set(),
        anchorIndex: index,
        activeIndex: index
      }),
    toggle: (index, row) => {
      const { all, excluded, selected } = get()
      if (all) {
        const next = new Set(excluded)
        if (next.has(row.id)) next.delete(row.id)
        else next.add(row.id)
        set({ excluded: next, anchorIndex: index, activeIndex: index })
        return
      }
      const next = new Map(selected)
      if (next.has(row.id)) next.delete(row.id)
      else next.set(row.id, row)
      set({ selected: next, anchorIndex: index, activeIndex: index })
    },
    extendTo: async (index) => {
      const seq = ++rangeSeq
      const anchor = get().anchorIndex ?? index
      const lo = Math.min(anchor, index)
      const hi = Math.max(anchor, index)
      const version = useLibraryStore.getState().queryVersion
      const rows = await useLibraryStore.getState().actions.rowsInRange(lo, hi)
      // A later click or a new query wins over a range that was still loading.
      if (seq !== rangeSeq || useLibraryStore.getState().queryVersion !== version) return
      set({
        selected: new Map(rows.map((row) => [row.id, row])),
        all: false,
        excluded: new Set(),
        activeIndex: index
      })
    },
    selectAll: () => set({ all: true, excluded: new Set(), selected: new Map() }),
    clear: () => {
      rangeSeq++
      set({ selected: new Map(), all: false, excluded: new Set(), anchorIndex: null })
    },
    setActive: (index) => set({ activeIndex: index }),
    resolve: async () => {
      const { all, excluded, selected } = get()
      if (!all) return [...selected.values()]
      const rows = await useLibraryStore.getState().actions.allRows()
      return rows.filter((row) => !excluded.has(row.id))
    }
  }
}))

// A selection belongs to one query: a new search, filter or sort starts afresh, so a bulk
// action never touches clips the user can no longer see.
useLibraryStore.subscribe((state, previous) => {
  if (state.queryVersion !== previous.queryVersion) {
    rangeSeq++
    useSelectionStore.setState(initialSelectionData())
    return
  }
  // Fresh rows (a refresh after a sync, a favourite, a tag) replace the selected copies,
  // so bulk labels ("Remove favourite") and queued rows reflect what is on screen.
  const { selected } = useSelectionStore.getState()
  if (state.pages === previous.pages || selected.size === 0) return
  let changed = false
  const next = new Map(selected)
  for (const rows of state.pages.values()) {
    for (const row of rows) {
      const old = next.get(row.id)
      if (old && old !== row) {
        next.set(row.id, row)
        changed = true
      }
    }
  }
  if (changed) useSelectionStore.setState({ selected: next })
})

export const useSelectionActions = (): SelectionActions => useSelectionStore((s) => s.actions)

export function resetSelectionStore(): void {
  rangeSeq++
  useSelectionStore.setState(initialSelectionData())
}
