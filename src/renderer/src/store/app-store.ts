import { create } from 'zustand'
import type { AppInfo } from '../../../shared/settings'
import { call } from '../lib/bridge'

export type View = 'library' | 'tasks' | 'settings' | 'playlist' | 'nowPlaying' | 'history'

interface AppState {
  view: View
  /** The playlist the 'playlist' view shows. */
  playlistId: string | null
  /** The mini player: only the playing song and its controls (issue 15). */
  compact: boolean
  info: AppInfo | null
  error: string | null
  actions: {
    setView: (view: View) => void
    openPlaylist: (id: string) => void
    setCompact: (compact: boolean) => void
    loadInfo: () => Promise<void>
  }
}

export const useAppStore = create<AppState>()((set) => ({
  view: 'library',
  playlistId: null,
  compact: false,
  info: null,
  error: null,
  actions: {
    setView: (view) => set({ view }),
    openPlaylist: (id) => set({ view: 'playlist', playlistId: id }),
    setCompact: (compact) => set({ compact }),
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
