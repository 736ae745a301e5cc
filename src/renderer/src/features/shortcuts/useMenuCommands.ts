import type { MenuCommand } from '../../../../shared/contract'
import { useBridgeEvent } from '../../hooks/useBridgeEvent'
import { call } from '../../lib/bridge'
import { useAppStore } from '../../store/app-store'
import { useClipStore } from '../../store/clip-store'
import { usePlayerStore } from '../../store/player-store'
import { runUndoCommand } from '../undo/useUndoShortcut'
import { focusSearch, focusTaskPaste, openShortcutsHelp } from './commands'

export function runMenuCommand(command: MenuCommand, clipId?: string): void {
  const app = useAppStore.getState().actions
  const player = usePlayerStore.getState().actions
  switch (command) {
    case 'add-tasks':
      return focusTaskPaste()
    case 'search':
      return focusSearch()
    case 'settings':
      return app.setView('settings')
    case 'play-pause':
      return player.togglePlay()
    case 'next':
      return void player.next()
    case 'previous':
      return void player.previous()
    case 'shortcuts':
      return openShortcutsHelp()
    case 'open-clip':
      // From a "new songs" notification: show the library with that clip's detail open,
      // whichever view was showing.
      app.setView('library')
      if (clipId) void useClipStore.getState().actions.open(clipId, { focus: true })
      return
    case 'open-library':
      return void call('openLibraryFolder').catch(() => undefined)
    case 'undo':
      return runUndoCommand()
  }
}

/** Commands from the app menu, the tray-less dock menu and notifications. */
export function useMenuCommands(): void {
  useBridgeEvent('menu-command', ({ command, clipId }) => runMenuCommand(command, clipId))
}
