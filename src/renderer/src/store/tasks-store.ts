import { create } from 'zustand'
import type { DownloadProgress, MediaKind, SyncState, TaskRow } from '../../../shared/domain'
import { call } from '../lib/bridge'
import { nextFrame } from './library-changes'

export interface ProgressEntry extends DownloadProgress {
  /** When the last report for this file arrived (ms). */
  seenAt: number
}

export interface AddResult {
  added: string[]
  known: string[]
  invalid: string[]
}

/** A download that has not been reported for this long is no longer running. */
const PROGRESS_TTL_MS = 15_000

export const progressKey = (clipId: string, kind: MediaKind): string => `${clipId}:${kind}`

interface TasksState {
  tasks: TaskRow[]
  loaded: boolean
  loadError: string | null
  sync: SyncState | null
  progress: Record<string, ProgressEntry>
  actions: {
    load: () => Promise<void>
    /** Reloads on the next animation frame, once for every call until then; a call while
     * that load runs asks for one more load after it (task changes come in bursts: a poll
     * answers 50 tasks at once). No wall-clock delay. */
    requestLoad: () => void
    loadSync: () => Promise<void>
    setSync: (sync: SyncState) => void
    applyProgress: (items: DownloadProgress[], now?: number) => void
    add: (ids: string[]) => Promise<AddResult>
    retry: (ids: string[]) => Promise<number>
    remove: (ids: string[]) => Promise<number>
    retryDownload: (clipId: string, kind: MediaKind) => Promise<number>
    pauseDownloads: () => Promise<void>
    resumeDownloads: () => Promise<void>
    pollNow: () => Promise<void>
  }
}

// The reload that requestLoad merges calls into (bookkeeping, not state).
const reloads = { wanted: false, scheduled: false, running: false }

function settledClips(tasks: TaskRow[]): Set<string> {
  const out = new Set<string>()
  for (const task of tasks) {
    if (task.phase !== 'downloading') for (const id of task.clipIds) out.add(id)
  }
  return out
}

function prune(
  progress: Record<string, ProgressEntry>,
  now: number,
  settled?: Set<string>
): Record<string, ProgressEntry> {
  const out: Record<string, ProgressEntry> = {}
  for (const [key, entry] of Object.entries(progress)) {
    if (now - entry.seenAt > PROGRESS_TTL_MS) continue
    if (settled?.has(entry.clipId)) continue
    out[key] = entry
  }
  return out
}

export const useTasksStore = create<TasksState>()((set, get) => {
  const reload = async (): Promise<void> => {
    reloads.scheduled = false
    if (!reloads.wanted || reloads.running) return
    reloads.wanted = false
    reloads.running = true
    try {
      await get().actions.load()
    } finally {
      reloads.running = false
      if (reloads.wanted) kick()
    }
  }
  const kick = (): void => {
    if (reloads.scheduled) return
    reloads.scheduled = true
    nextFrame(() => void reload())
  }
  return {
    tasks: [],
    loaded: false,
    loadError: null,
    sync: null,
    progress: {},
    actions: {
      load: async () => {
        try {
          const tasks = await call('listTasks')
          set((s) => ({
            tasks,
            loaded: true,
            loadError: null,
            progress: prune(s.progress, Date.now(), settledClips(tasks))
          }))
        } catch (error) {
          set({ loaded: true, loadError: error instanceof Error ? error.message : String(error) })
        }
      },
      requestLoad: () => {
        reloads.wanted = true
        if (!reloads.running) kick()
      },
      loadSync: async () => {
        try {
          set({ sync: await call('getSyncState') })
        } catch {
          // The banners stay quiet until main can answer.
        }
      },
      setSync: (sync) => set({ sync }),
      applyProgress: (items, now = Date.now()) => {
        // Each event is a snapshot of every running download (the engine reports the whole
        // queue a few times a second), so a file missing from it has finished or stopped.
        const next: Record<string, ProgressEntry> = {}
        for (const item of items) {
          if (item.total !== null && item.bytes >= item.total) continue
          next[progressKey(item.clipId, item.kind)] = { ...item, seenAt: now }
        }
        set({ progress: next })
      },
      add: async (ids) => {
        const result = await call('addTasks', { text: ids.join('\n') })
        await get().actions.load()
        return result
      },
      retry: async (ids) => {
        const { changed } = await call('retryTasks', { ids })
        await get().actions.load()
        return changed
      },
      remove: async (ids) => {
        const { changed } = await call('removeTasks', { ids })
        await get().actions.load()
        return changed
      },
      retryDownload: async (clipId, kind) => {
        const { changed } = await call('retryDownloads', { clipId, kind })
        await get().actions.load()
        return changed
      },
      pauseDownloads: async () => set({ sync: await call('pauseDownloads') }),
      resumeDownloads: async () => set({ sync: await call('resumeDownloads') }),
      pollNow: async () => {
        await call('pollNow')
      }
    }
  }
})

export const useTasksActions = (): TasksState['actions'] => useTasksStore((s) => s.actions)
