import { create } from 'zustand'

// Which clip's title is being renamed in the detail panel. "Rename…" from the context menu,
// F2 and a click on the title start it; Enter, Escape or leaving the field end it.

interface RenameState {
  editingId: string | null
  start: (clipId: string) => void
  stop: () => void
}

export const useRenameRequest = create<RenameState>()((set) => ({
  editingId: null,
  start: (clipId) => set({ editingId: clipId }),
  stop: () => set({ editingId: null })
}))
