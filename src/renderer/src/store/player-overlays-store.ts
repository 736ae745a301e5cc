import { create } from 'zustand'

// Which player-side panels are open: the queue (a popover of the player bar) and the
// keyboard shortcuts help. Not persisted.

interface OverlaysState {
  queueOpen: boolean
  helpOpen: boolean
  actions: {
    setQueueOpen: (open: boolean) => void
    toggleQueue: () => void
    setHelpOpen: (open: boolean) => void
  }
}

export const usePlayerOverlays = create<OverlaysState>()((set) => ({
  queueOpen: false,
  helpOpen: false,
  actions: {
    setQueueOpen: (queueOpen) => set({ queueOpen }),
    toggleQueue: () => set((s) => ({ queueOpen: !s.queueOpen })),
    setHelpOpen: (helpOpen) => set({ helpOpen })
  }
}))

export const usePlayerOverlayActions = (): OverlaysState['actions'] =>
  usePlayerOverlays((s) => s.actions)
