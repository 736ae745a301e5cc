import { useEffect, type JSX } from 'react'
import { Sidebar } from './features/layout/Sidebar'
import { LibraryView } from './features/library/LibraryView'
import { TasksView } from './features/tasks/TasksView'
import { SettingsView } from './features/settings/SettingsView'
import { useAppActions, useAppStore } from './store/app-store'

export function App(): JSX.Element {
  const view = useAppStore((s) => s.view)
  const { loadInfo } = useAppActions()
  useEffect(() => {
    void loadInfo()
  }, [loadInfo])
  return (
    <div className="app">
      <Sidebar />
      <main className="main" data-testid={`view-${view}`}>
        {view === 'library' && <LibraryView />}
        {view === 'tasks' && <TasksView />}
        {view === 'settings' && <SettingsView />}
      </main>
    </div>
  )
}
