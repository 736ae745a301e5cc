import { useEffect, type JSX } from 'react'
import { Banners } from './features/banners/Banners'
import { Sidebar } from './features/layout/Sidebar'
import { LibraryView } from './features/library/LibraryView'
import { Overlays } from './features/player/Overlays'
import { FileDrop } from './features/import/FileDrop'
import { ClipContextMenu } from './features/library/ClipContextMenu'
import { HistoryView } from './features/history/HistoryView'
import { MiniPlayer } from './features/now-playing/MiniPlayer'
import { NowPlayingView } from './features/now-playing/NowPlayingView'
import { PlaylistView } from './features/playlists/PlaylistView'
import { PlayerBar } from './features/player/PlayerBar'
import { SettingsView } from './features/settings/SettingsView'
import { TasksView } from './features/tasks/TasksView'
import { useApplyPreferences } from './hooks/useApplyPreferences'
import { useGlobalShortcuts } from './features/shortcuts/useGlobalShortcuts'
import { useMenuCommands } from './features/shortcuts/useMenuCommands'
import { UndoToast } from './features/undo/UndoToast'
import { useUndoShortcut } from './features/undo/useUndoShortcut'
import { useAppActions, useAppStore, type View } from './store/app-store'
import { followQueue } from './store/player-store'
import { useNavCollapsed } from './features/layout/nav-collapse'
import { usePlayerStatePublisher } from './features/mini-window/player-state-publisher'

// The frame: navigation on the left, the current view with its banners, the player bar
// across the bottom and overlays above everything.
export function App(): JSX.Element {
  const view = useAppStore((s) => s.view)
  const compact = useAppStore((s) => s.compact)
  const navCollapsed = useNavCollapsed()
  const { loadInfo } = useAppActions()
  useApplyPreferences()
  useGlobalShortcuts()
  useMenuCommands()
  useUndoShortcut()
  usePlayerStatePublisher()
  useEffect(() => {
    void loadInfo()
  }, [loadInfo])
  // The queue is the core's: read what it kept, and follow changes made elsewhere.
  useEffect(() => followQueue(), [])
  return (
    <div className={`app${compact ? ' compact' : ''}${navCollapsed ? ' nav-collapsed' : ''}`}>
      {compact ? (
        <MiniPlayer />
      ) : (
        <>
          <Sidebar />
          <AppContent view={view} />
        </>
      )}
      <PlayerBar />
      <Overlays />
      <FileDrop />
      <ClipContextMenu />
      <UndoToast />
    </div>
  )
}

function AppContent({ view }: { view: View }): JSX.Element {
  return (
    <div className="content">
      <Banners />
      <main className="main" data-testid={`view-${view}`}>
        {view === 'library' && <LibraryView />}
        {view === 'tasks' && <TasksView />}
        {view === 'settings' && <SettingsView />}
        {view === 'playlist' && <PlaylistView />}
        {view === 'history' && <HistoryView />}
        {view === 'nowPlaying' && <NowPlayingView />}
      </main>
    </div>
  )
}
