import { useClipStore } from '../../store/clip-store'
import { useLibraryStore } from '../../store/library-store'

/** After tags changed: the list, its facets and the open clip show the new tags at once
 * (the core's library-changed event would too, a moment later). */
export function refreshAfterTagChange(): void {
  void useLibraryStore.getState().actions.refresh()
  void useClipStore.getState().actions.reload()
}
