import { create } from 'zustand'
import type { AppInfo } from '../../../shared/settings'
import { call } from '../lib/bridge'

export type View = 'library' | 'tasks' | 'settings'

interface AppState {
  view: View
  info: AppInfo | null
  error: string | null
  actions: {
    setView: (view: View) => void
    loadInfo: () => Promise<void>
  }
}

export const useAppStore = create<AppState>()((set) => ({
  view: 'library',
  info: null,
  error: null,
  actions: {
    setView: (view) => set({ view }),
    loadInfo: async () => {
      try {
        set({ info: await call('getAppInfo'), error: null })
      } catch (error) {
        set({ error: error instanceof Error ? error.message : String(error) })
      }
    }
  }
}))

export const useAppActions = (): AppState['actions'] => useAppStore((s) => s.actions)
