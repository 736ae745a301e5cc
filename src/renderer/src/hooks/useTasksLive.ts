import { useEffect } from 'react'
import { changedTaskIds } from '../../../shared/library-change'
import { useTasksStore } from '../store/tasks-store'
import { useBridgeEvent } from './useBridgeEvent'

/** Keeps the task list current while mounted: loads it, reloads when a library change names tasks, and
 * follows download-progress. */
export function useTasksLive(): void {
  const { load, requestLoad, applyProgress } = useTasksStore((s) => s.actions)
  useEffect(() => {
    void load()
  }, [load])
  useBridgeEvent('library-changed', (change) => {
    const taskIds = changedTaskIds(change)
    if (taskIds === null || taskIds.length > 0) requestLoad()
  })
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
