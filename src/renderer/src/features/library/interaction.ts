import type { ClipRow } from '../../../../shared/domain'
import { call } from '../../lib/bridge'
import { useClipStore } from '../../store/clip-store'
import { useLibraryStore } from '../../store/library-store'
import { useLibraryUiStore } from '../../store/library-ui-store'
import { useSelectionStore } from '../../store/selection-store'
import { rowAt } from '../../store/library-paging'
import { playFromIndex } from './play'
import { isMenuKey, openContextMenu } from '../../store/context-menu-store'
import { handleTypeAhead } from './type-ahead'

// What clicks and keys on the results do, shared by the list and the cover grid.

export interface PointerModifiers {
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
}

/** How long a first click waits before it changes the layout (opens the detail panel
 * while it is closed): a second click within this time lands on what the first one hit. */
export const DOUBLE_CLICK_MS = 300

let pendingOpen: ReturnType<typeof setTimeout> | null = null
let firstClick: { index: number; row: ClipRow } | null = null

function cancelPendingOpen(): void {
  if (pendingOpen !== null) clearTimeout(pendingOpen)
  pendingOpen = null
}

/** Click: select it and show it in the detail panel. Shift: range from the anchor.
 * Ctrl/Cmd: add or remove it. The second click of a double-click (`detail` 2) plays the
 * clip the first click was on, wherever the pointer is now. */
export function clickRow(
  index: number,
  row: ClipRow,
  event: PointerModifiers & { detail?: number }
): void {
  const toggle = event.ctrlKey || event.metaKey
  if ((event.detail ?? 1) >= 2 && !event.shiftKey && !toggle) {
    const first = firstClick ?? { index, row }
    cancelPendingOpen()
    playIndex(first.index)
    void useClipStore.getState().actions.open(first.row.id)
    return
  }
  void useSelectionStore.getState().actions.click(index, row, { range: event.shiftKey, toggle })
  if (event.shiftKey || toggle) return
  firstClick = { index, row }
  cancelPendingOpen()
  const clips = useClipStore.getState()
  if (clips.openId !== null) {
    // The panel is already there: showing another clip in it moves nothing.
    void clips.actions.open(row.id)
    return
  }
  pendingOpen = setTimeout(() => {
    pendingOpen = null
    void useClipStore.getState().actions.open(row.id)
  }, DOUBLE_CLICK_MS)
}

/** Dragging a clip out of the app hands its mp3 (or the selection's, when the clip is
 * part of it) to the OS as files; main starts the native drag (webContents.startDrag). */
export function dragOut(row: ClipRow, event: { preventDefault: () => void }): void {
  event.preventDefault()
  const selection = useSelectionStore.getState()
  const ids =
    !selection.all && selection.selected.has(row.id)
      ? [...selection.selected.keys()].slice(0, 500)
      : [row.id]
  void call('startDrag', { ids }).catch(() => undefined)
}

/** When the results take focus with no cursor yet, the cursor starts on the first clip
 * (the list and the grid behave the same). */
export function cursorOnFocus(
  event: { target: EventTarget; currentTarget: EventTarget },
  total: number
): void {
  if (event.target !== event.currentTarget) return
  const selection = useSelectionStore.getState()
  if (selection.activeIndex < 0 && total > 0) selection.actions.setActive(0)
}

export function playIndex(index: number): void {
  playFromIndex(index)
}

/** Opens the detail of the row at `index` and moves focus into the panel. */
export function openIndex(index: number): void {
  const row = rowAt(useLibraryStore.getState().pages, index)
  if (row) void useClipStore.getState().actions.open(row.id, { focus: true })
}

/** The selection as rows, for a dialog (tags, delete). */
export async function selectedRows(): Promise<ClipRow[]> {
  return useSelectionStore.getState().actions.resolve()
}

export async function askDeleteSelection(): Promise<void> {
  const rows = await selectedRows()
  if (rows.length > 0) useLibraryUiStore.getState().actions.openDialog({ kind: 'delete', rows })
}

export interface KeyContext {
  /** Items per visual row: 1 in the list, the column count in the cover grid. */
  columns: number
  /** Items that fit on one screen, for Page Up / Page Down. */
  pageItems: number
  scrollToIndex: (index: number) => void
}

export interface KeyLike extends PointerModifiers {
  key: string
  altKey?: boolean
  preventDefault(): void
  stopPropagation(): void
}

/** Moves the keyboard cursor; selection follows it (Shift extends, Ctrl/Cmd moves the
 * cursor alone). When the detail panel is open it follows the cursor too. */
async function moveTo(next: number, event: KeyLike, ctx: KeyContext): Promise<void> {
  const selection = useSelectionStore.getState()
  ctx.scrollToIndex(next)
  if (event.shiftKey) {
    if (selection.anchorIndex === null && selection.activeIndex >= 0) {
      useSelectionStore.setState({ anchorIndex: selection.activeIndex })
    }
    // The cursor moves now; the range follows when its rows are at hand, so a held
    // Shift+Arrow keeps extending from where the cursor is.
    selection.actions.setActive(next)
    await selection.actions.extendTo(next)
    return
  }
  selection.actions.setActive(next)
  if (event.ctrlKey || event.metaKey) return
  const [row] = await useLibraryStore.getState().actions.rowsInRange(next, next)
  if (!row || useSelectionStore.getState().activeIndex !== next) return
  useSelectionStore.getState().actions.selectOnly(next, row)
  const clip = useClipStore.getState()
  if (clip.openId !== null) void clip.actions.open(row.id)
}

const PLAIN_MOVE: KeyLike = {
  key: '',
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  preventDefault: () => undefined,
  stopPropagation: () => undefined
}

/** Handles a key on the results; returns true when it used it. */
export function handleResultsKey(event: KeyLike, ctx: KeyContext): boolean {
  const total = useLibraryStore.getState().total ?? 0
  const selection = useSelectionStore.getState()
  const active = selection.activeIndex
  const mod = event.ctrlKey || event.metaKey
  let next: number | null = null
  if (isMenuKey(event) && active >= 0) {
    const row = rowAt(useLibraryStore.getState().pages, active)
    const element =
      document.getElementById(`clip-row-${active}`) ??
      document.getElementById(`clip-cell-${active}`)
    if (!row || !element) return false
    event.preventDefault()
    openContextMenu(row, element, { viewIndex: active })
    return true
  }
  // Letters jump to a title (type-ahead.ts); the move is the plain arrow-key move.
  if (handleTypeAhead(event, (index) => void moveTo(index, PLAIN_MOVE, ctx))) return true
  switch (event.key) {
    case 'ArrowDown':
      next = active < 0 ? 0 : active + ctx.columns
      break
    case 'ArrowUp':
      next = active < 0 ? 0 : active - ctx.columns
      break
    case 'ArrowRight':
      if (ctx.columns > 1) next = active + 1
      break
    case 'ArrowLeft':
      if (ctx.columns > 1) next = active - 1
      break
    case 'Home':
      next = 0
      break
    case 'End':
      next = total - 1
      break
    case 'PageDown':
      next = Math.max(active, 0) + ctx.pageItems
      break
    case 'PageUp':
      next = Math.max(active, 0) - ctx.pageItems
      break
    case 'a':
    case 'A':
      if (!mod || total === 0) return false
      event.preventDefault()
      selection.actions.selectAll()
      return true
    case 'Escape': {
      const any = selection.all || selection.selected.size > 0
      // With the detail panel open, Escape closes it first (its own listener).
      if (!any || useClipStore.getState().openId !== null) return false
      event.preventDefault()
      event.stopPropagation()
      selection.actions.clear()
      return true
    }
    case 'Enter':
      if (active < 0) return false
      event.preventDefault()
      if (mod) playIndex(active)
      else openIndex(active)
      return true
    case ' ': {
      // Ctrl+Space toggles the row under the cursor (plain Space belongs to the player).
      if (!mod || active < 0) return false
      const row = rowAt(useLibraryStore.getState().pages, active)
      if (!row) return false
      event.preventDefault()
      selection.actions.toggle(active, row)
      return true
    }
    case 'Delete':
      if (!(selection.all || selection.selected.size > 0)) return false
      event.preventDefault()
      void askDeleteSelection()
      return true
    default:
      return false
  }
  if (next === null || total === 0) return false
  // The cursor sits on the first clip when the results get focus, with nothing selected
  // yet: the first arrow selects that clip rather than skipping past it.
  const nothingSelected = !selection.all && selection.selected.size === 0
  if (nothingSelected && active >= 0 && !mod && !event.shiftKey && event.key.startsWith('Arrow')) {
    next = active
  }
  event.preventDefault()
  void moveTo(Math.max(0, Math.min(total - 1, next)), event, ctx)
  return true
}

/** Moves focus from the search box into the results, on the first row (ArrowDown). */
export function focusResults(): void {
  const results = document.getElementById('library-results')
  if (!results) return
  results.focus()
  const selection = useSelectionStore.getState()
  if (selection.activeIndex > 0) return
  const row = rowAt(useLibraryStore.getState().pages, 0)
  if (row) selection.actions.selectOnly(0, row)
  else selection.actions.setActive(0)
}
