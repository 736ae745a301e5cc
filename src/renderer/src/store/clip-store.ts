import { create } from 'zustand'
import type { ClipDetail } from '../../../shared/domain'
import { call } from '../lib/bridge'

// The clip detail panel: which clip is open and its full record (lyrics, prompt, lineage,
// files), loaded on demand with `getClip` — list rows never carry these.

export interface ClipState {
  /** The clip shown in the detail panel; null when the panel is closed. */
  openId: string | null
  detail: ClipDetail | null
  loading: boolean
  /** 'missing' when the clip is no longer in the library; otherwise plain words. */
  error: string | null
  /** Bumped when the panel should take focus (opened from the keyboard). */
  focusRequest: number
  actions: ClipActions
}

export interface ClipActions {
  /** Shows a clip in the panel; `focus` moves keyboard focus into it. */
  open: (id: string, options?: { focus?: boolean }) => Promise<void>
  close: () => void
  /** Reloads the open clip (after `library-changed`), keeping what is shown meanwhile. */
  reload: () => Promise<void>
  setFavorite: (favorite: boolean) => Promise<void>
}

let loadSeq = 0

async function load(id: string, set: (patch: Partial<ClipState>) => void): Promise<void> {
  const seq = ++loadSeq
  try {
    const detail = await call('getClip', { id })
    if (seq !== loadSeq) return
    set(
      detail
        ? { detail, loading: false, error: null }
        : { detail: null, loading: false, error: 'missing' }
    )
  } catch (error) {
    if (seq !== loadSeq) return
    set({ loading: false, error: error instanceof Error ? error.message : String(error) })
  }
}

export const useClipStore = create<ClipState>()((set, get) => ({
  openId: null,
  detail: null,
  loading: false,
  error: null,
  focusRequest: 0,
  actions: {
    open: async (id, options = {}) => {
      if (options.focus) set((s) => ({ focusRequest: s.focusRequest + 1 }))
      if (get().openId === id && get().detail?.id === id) return
      // The previous clip stays on screen (dimmed) until this one arrives: arrowing
      // through the list with the panel open does not flash an empty panel.
      set({ openId: id, loading: true, error: null })
      await load(id, set)
    },
    close: () => {
      loadSeq++
      set({ openId: null, detail: null, loading: false, error: null })
    },
    reload: async () => {
      const id = get().openId
      if (id) await load(id, set)
    },
    setFavorite: async (favorite) => {
      const detail = get().detail
      if (!detail) return
      // Optimistic: the star answers at once; the library-changed event confirms it.
      set({ detail: { ...detail, favorite } })
      try {
        await call('setFavorite', { ids: [detail.id], favorite })
      } catch (error) {
        if (get().detail?.id === detail.id) set({ detail: { ...detail } })
        throw error
      }
    }
  }
}))

export const useClipActions = (): ClipActions => useClipStore((s) => s.actions)

export function resetClipStore(): void {
  loadSeq++
  useClipStore.setState({
    openId: null,
    detail: null,
    loading: false,
    error: null,
    focusRequest: 0
  })
}
