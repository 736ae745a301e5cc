import { call } from '../../lib/bridge'
import { useAppStore } from '../../store/app-store'
import { usePlayerOverlays } from '../../store/player-overlays-store'
import { usePlayerStore } from '../../store/player-store'

// What shortcuts and app-menu commands do, outside React so both can share it.

/** Focuses an element that the next render will create (after switching views). */
export function focusWhenReady(selector: string, frames = 60): void {
  const attempt = (left: number): void => {
    const element = document.querySelector<HTMLElement>(selector)
    if (element) {
      element.focus()
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
        element.select()
      }
      return
    }
    if (left > 0) requestAnimationFrame(() => attempt(left - 1))
  }
  attempt(frames)
}

/** `/` and the Search menu item: the library view's search box (the library feature
 * gives it the id `library-search`). */
export function focusSearch(): void {
  useAppStore.getState().actions.setView('library')
  focusWhenReady('#library-search')
}

export function focusTaskPaste(): void {
  useAppStore.getState().actions.setView('tasks')
  focusWhenReady('#task-paste')
}

export async function toggleFavoriteOfCurrent(): Promise<void> {
  const { current, actions } = usePlayerStore.getState()
  if (!current) return
  const favorite = !current.favorite
  // Optimistic: the heart flips at once; a refusal flips it back.
  actions.updateClips([{ ...current, favorite }])
  try {
    await call('setFavorite', { ids: [current.id], favorite })
  } catch {
    actions.updateClips([{ ...current, favorite: !favorite }])
  }
}

export function openShortcutsHelp(): void {
  usePlayerOverlays.getState().actions.setHelpOpen(true)
}
