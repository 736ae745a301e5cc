import type { LibraryStore } from '../library/types'
import type { Handlers } from './dispatch'
import { AppError } from './errors'

// The contract's listening-history methods. A counted play changes plays and last played,
// which sorts and smart playlists read; the library announces it (library/changes.ts).

export function historyHandlers(
  lib: () => LibraryStore,
  now: () => number = Date.now
): Pick<Handlers, 'recordListen' | 'listHistory' | 'clearHistory'> {
  return {
    recordListen: async ({ id, kind, positionMs, listenedMs }) => {
      const stored = lib().recordListen({ clipId: id, kind, at: now(), positionMs, listenedMs })
      if (!stored) throw new AppError('not_found', 'That song is no longer in the library.')
      return { ok: true }
    },
    listHistory: async (args) => lib().listHistory(args ?? {}),
    clearHistory: async (args) => {
      return { removed: lib().clearHistory(args ?? {}) }
    }
  }
}
