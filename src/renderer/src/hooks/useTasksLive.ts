import { useEffect } from 'react'
import { useTasksStore } from '../store/tasks-store'
import { useBridgeEvent } from './useBridgeEvent'

/** Keeps the task list current while mounted: loads it, reloads on task-changed, and
 * follows download-progress. */
export function useTasksLive(): void {
  const { load, scheduleRefresh, applyProgress } = useTasksStore((s) => s.actions)
  useEffect(() => {
    void load()
  }, [load])
  useBridgeEvent('task-changed', () => scheduleRefresh())
  useBridgeEvent('download-progress', ({ items }) => applyProgress(items))
}

/** Keeps SyncState current (banners, pause/resume, poll times). */
export function useSyncStateLive(): void {
  const { loadSync, setSync } = useTasksStore((s) => s.actions)
  useEffect(() => {
    void loadSync()
  }, [loadSync])
  useBridgeEvent('sync-state', (state) => setSync(state))
}
