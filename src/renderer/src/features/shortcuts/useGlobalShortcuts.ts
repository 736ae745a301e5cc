import { useEffect } from 'react'
import { usePlayerStore } from '../../store/player-store'
import { focusSearch, openShortcutsHelp, toggleFavoriteOfCurrent } from './commands'
import {
  matchShortcut,
  SEEK_STEP_SEC,
  shouldIgnore,
  VOLUME_STEP,
  type ShortcutAction
} from './shortcut-map'

export function runShortcut(action: ShortcutAction): void {
  const { position, volume, actions } = usePlayerStore.getState()
  switch (action) {
    case 'togglePlay':
      return actions.togglePlay()
    case 'seekBack':
      return actions.seek(position - SEEK_STEP_SEC)
    case 'seekForward':
      return actions.seek(position + SEEK_STEP_SEC)
    case 'volumeUp':
      return actions.setVolume(volume + VOLUME_STEP)
    case 'volumeDown':
      return actions.setVolume(volume - VOLUME_STEP)
    case 'previous':
      return void actions.previous()
    case 'next':
      return void actions.next()
    case 'search':
      return focusSearch()
    case 'favorite':
      return void toggleFavoriteOfCurrent()
    case 'help':
      return openShortcutsHelp()
  }
}

/** The app-wide keyboard shortcuts (space, arrows, /, F, ?). Keys typed into fields, and
 * keys that belong to the focused control, are left alone; so is everything while a modal
 * dialog is open. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing || (event.repeat && event.key === ' ')) return
      const action = matchShortcut(event)
      if (!action) return
      if (shouldIgnore(event.target, action)) return
      if (document.querySelector('[aria-modal="true"]')) return
      event.preventDefault()
      runShortcut(action)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
