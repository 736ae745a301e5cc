import { create } from 'zustand'
import type { HistoryEntry } from '../../../shared/history'
import { call } from '../lib/bridge'

// "Recently played" (issue 15): the ends of the latest listens, and clearing them.

/** Entries asked for at once; the history keeps more, this is what is worth reading. */
const SHOWN = 200

/** The ends of listens (finished or skipped), newest first: a start with no end yet is
 * still playing, and seeks are detail that a list of what was heard does not need. */
export function listensOf(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return entries.filter((entry) => entry.kind === 'finish' || entry.kind === 'skip')
}

export interface HistoryState {
  entries: HistoryEntry[] | null
  error: string | null
  actions: {
    load: () => Promise<void>
    clear: (resetCounts: boolean) => Promise<boolean>
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

let seq = 0

export const useHistoryStore = create<HistoryState>()((set, get) => ({
  entries: null,
  error: null,
  actions: {
    load: async () => {
      const mine = ++seq
      try {
        const entries = listensOf(await call('listHistory', { limit: SHOWN }))
        if (mine === seq) set({ entries, error: null })
      } catch (error) {
        if (mine === seq) set({ error: message(error) })
      }
    },
    clear: async (resetCounts) => {
      try {
        await call('clearHistory', { resetCounts })
        await get().actions.load()
        return true
      } catch (error) {
        set({ error: message(error) })
        return false
      }
    }
  }
}))
