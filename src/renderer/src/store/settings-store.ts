import { create } from 'zustand'
import type { RequestOf } from '../../../shared/contract'
import type { ConnectionTestResult, PublicSettings } from '../../../shared/settings'
import { call } from '../lib/bridge'

export type SettingsPatch = NonNullable<RequestOf<'updateSettings'>>

interface SettingsState {
  settings: PublicSettings | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  /** Why loading failed, for the settings view. */
  error: string | null
  actions: {
    load: () => Promise<void>
    /** Saves a change; rejects with a BridgeError when main refuses it. */
    update: (patch: SettingsPatch) => Promise<PublicSettings>
    /** Stores (or with null, forgets) the API key; the key itself never comes back. */
    setApiKey: (key: string | null) => Promise<PublicSettings>
    changeLibraryFolder: (path: string, mode: 'move' | 'rebuild') => Promise<PublicSettings>
    testConnection: (args: { baseUrl?: string; key?: string }) => Promise<ConnectionTestResult>
  }
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: null,
  status: 'idle',
  error: null,
  actions: {
    load: async () => {
      if (get().status === 'loading') return
      set({ status: 'loading' })
      try {
        set({ settings: await call('getSettings'), status: 'ready', error: null })
      } catch (error) {
        set({ status: 'error', error: error instanceof Error ? error.message : String(error) })
      }
    },
    update: async (patch) => {
      const settings = await call('updateSettings', patch)
      set({ settings, status: 'ready', error: null })
      return settings
    },
    setApiKey: async (key) => {
      const settings = await call('setApiKey', { key })
      set({ settings, status: 'ready' })
      return settings
    },
    changeLibraryFolder: async (path, mode) => {
      const settings = await call('changeLibraryFolder', { path, mode })
      set({ settings, status: 'ready' })
      return settings
    },
    testConnection: (args) => call('testConnection', args)
  }
}))

export const useSettingsActions = (): SettingsState['actions'] => useSettingsStore((s) => s.actions)
