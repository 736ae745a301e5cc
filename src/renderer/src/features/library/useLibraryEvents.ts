import { useEffect } from 'react'
import { onEvent } from '../../lib/bridge'
import { useClipStore } from '../../store/clip-store'
import { useLibraryStore } from '../../store/library-store'

/** A sync emits `library-changed` for every clip it finishes; refreshing at most this
 * often keeps the list live without re-querying on every file. */
const REFRESH_MS = 300

/** Refetches the visible pages, facets and the open clip when the library changes,
 * keeping the scroll position (the cached rows stay until the new ones arrive); opens a
 * clip when the menu or a notification asks for it. */
export function useLibraryEvents(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let openClipChanged = false
    const flush = (): void => {
      timer = null
      void useLibraryStore.getState().actions.refresh()
      if (openClipChanged) void useClipStore.getState().actions.reload()
      openClipChanged = false
    }
    const off = onEvent('library-changed', (change) => {
      if (change.kind === 'tasks' || change.kind === 'playlists') return
      const clipIds = change.kind === 'reset' ? null : change.clipIds
      const openId = useClipStore.getState().openId
      if (openId && (clipIds === null || clipIds.includes(openId))) openClipChanged = true
      timer ??= setTimeout(flush, REFRESH_MS)
    })
    // "Open clip" from a notification or the app menu, while the library is showing.
    // (From another view, the menu handler switches to the library and opens the clip
    // through the clip store, which the panel reads when the view mounts.)
    const offMenu = onEvent('menu-command', ({ command, clipId }) => {
      if (command === 'open-clip' && clipId) {
        void useClipStore.getState().actions.open(clipId, { focus: true })
      }
    })
    return () => {
      off()
      offMenu()
      if (timer) clearTimeout(timer)
    }
  }, [])
}
