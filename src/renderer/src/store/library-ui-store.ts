import { create } from 'zustand'
import type { ClipRow } from '../../../shared/domain'

// What the library view shows on top of the list: one dialog at a time and a short
// notice after an action ("Tagged 2 clips", "Playlist saved to …", or an error).

export type LibraryDialog =
  { kind: 'tags'; rows: ClipRow[] } | { kind: 'delete'; rows: ClipRow[] } | { kind: 'manage-tags' }

export interface LibraryNotice {
  id: number
  kind: 'info' | 'error'
  text: string
}

export interface LibraryUiState {
  dialog: LibraryDialog | null
  notice: LibraryNotice | null
  /** The filter sidebar is shown (it can be hidden to give the list the room). */
  filtersOpen: boolean
  actions: {
    toggleFilters: () => void
    openDialog: (dialog: LibraryDialog) => void
    closeDialog: () => void
    notify: (kind: LibraryNotice['kind'], text: string) => void
    dismissNotice: (id: number) => void
  }
}

let noticeSeq = 0

export const useLibraryUiStore = create<LibraryUiState>()((set, get) => ({
  dialog: null,
  notice: null,
  filtersOpen: true,
  actions: {
    toggleFilters: () => set((s) => ({ filtersOpen: !s.filtersOpen })),
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    notify: (kind, text) => set({ notice: { id: ++noticeSeq, kind, text } }),
    dismissNotice: (id) => {
      if (get().notice?.id === id) set({ notice: null })
    }
  }
}))

export const useLibraryUiActions = (): LibraryUiState['actions'] =>
  useLibraryUiStore((s) => s.actions)

export function resetLibraryUiStore(): void {
  useLibraryUiStore.setState({ dialog: null, notice: null, filtersOpen: true })
}
