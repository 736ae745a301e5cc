import { create } from 'zustand'
import type { PlaylistSummary, SmartRule } from '../../../shared/playlists'
import { call } from '../lib/bridge'

// The saved playlists the sidebar lists (issue 15), kept fresh from `library-changed`,
// and the one "undo" a deleted playlist offers (the core deletes softly; restore brings
// it back with its items).

/** The sidebar's one toast: a delete with its undo, a drop's result, or a failure. */
export type PlaylistToastData =
  | { id: number; kind: 'deleted'; playlist: PlaylistSummary }
  | { id: number; kind: 'added'; name: string; count: number }
  | { id: number; kind: 'error'; message: string }

export interface PlaylistsState {
  list: PlaylistSummary[]
  loaded: boolean
  toast: PlaylistToastData | null
  actions: PlaylistsActions
}

export interface PlaylistsActions {
  load: () => Promise<void>
  create: (name: string, rule?: SmartRule) => Promise<PlaylistSummary | null>
  rename: (id: string, name: string) => Promise<boolean>
  setRule: (id: string, rule: SmartRule) => Promise<boolean>
  remove: (id: string) => Promise<boolean>
  /** Brings back the playlist the toast says was deleted. */
  undoRemove: () => Promise<PlaylistSummary | null>
  addClips: (id: string, clipIds: string[], at?: number) => Promise<number>
  notifyAdded: (name: string, count: number) => void
  dismissToast: (id: number) => void
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

let loadSeq = 0
let toastSeq = 0

export const usePlaylistsStore = create<PlaylistsState>()((set, get) => {
  /** Runs a write; a failure becomes the store's error (shown by the sidebar). */
  const write = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      const value = await work()
      void get().actions.load()
      return value
    } catch (error) {
      set({ toast: { id: ++toastSeq, kind: 'error', message: message(error) } })
      return null
    }
  }
  return {
    list: [],
    loaded: false,
    toast: null,
    actions: {
      load: async () => {
        const seq = ++loadSeq
        try {
          const list = await call('listPlaylists')
          if (seq === loadSeq) set({ list, loaded: true })
        } catch (error) {
          if (seq === loadSeq) {
            set({ loaded: true, toast: { id: ++toastSeq, kind: 'error', message: message(error) } })
          }
        }
      },
      create: (name, rule) =>
        write(() => call('createPlaylist', rule === undefined ? { name } : { name, rule })),
      rename: async (id, name) =>
        (await write(() => call('renamePlaylist', { id, name }))) !== null,
      setRule: async (id, rule) => (await write(() => call('setSmartRule', { id, rule }))) !== null,
      remove: async (id) => {
        const playlist = get().list.find((p) => p.id === id)
        const done = await write(() => call('deletePlaylist', { id }))
        if (done === null || !playlist) return false
        set({
          list: get().list.filter((p) => p.id !== id),
          toast: { id: ++toastSeq, kind: 'deleted', playlist }
        })
        return true
      },
      undoRemove: async () => {
        const toast = get().toast
        if (toast?.kind !== 'deleted') return null
        set({ toast: null })
        return write(() => call('restorePlaylist', { id: toast.playlist.id }))
      },
      notifyAdded: (name, count) => set({ toast: { id: ++toastSeq, kind: 'added', name, count } }),
      dismissToast: (id) => {
        if (get().toast?.id === id) set({ toast: null })
      },
      addClips: async (id, clipIds, at) => {
        if (clipIds.length === 0) return 0
        const request = at === undefined ? { id, clipIds } : { id, clipIds, at }
        return (await write(() => call('addToPlaylist', request)))?.added ?? 0
      }
    }
  }
})

export const usePlaylistsActions = (): PlaylistsActions => usePlaylistsStore((s) => s.actions)

export function resetPlaylistsStore(): void {
  loadSeq++
  usePlaylistsStore.setState({ list: [], loaded: false, toast: null })
}
