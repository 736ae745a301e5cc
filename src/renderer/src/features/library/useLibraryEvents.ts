import { useEffect } from 'react'
import { onEvent } from '../../lib/bridge'
import { useClipStore } from '../../store/clip-store'
import { createChangeBatcher } from '../../store/library-changes'
import { useLibraryStore } from '../../store/library-store'

/** Applies the library's changes to what the list shows, once per animation frame merged
 * over their clip ids (store/library-changes.ts): named rows are patched in place
 * (store/library-patch.ts), a `reset` refetches the visible pages, facets and the open
 * clip. Opens a clip when the menu or a notification asks for it. */
export function useLibraryEvents(): void {
  useEffect(() => {
    const batcher = createChangeBatcher(async ({ reset, clips }) => {
      const openId = useClipStore.getState().openId
      const openChanged = openId !== null && (reset || clips?.clipIds.has(openId) === true)
      if (openChanged) void useClipStore.getState().actions.reload()
      const library = useLibraryStore.getState().actions
      if (reset) await library.refresh()
      else if (clips) await library.applyClips(clips)
    })
    const off = onEvent('library-changed', (change) => batcher.add(change))
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
      batcher.dispose()
    }
  }, [])
}
