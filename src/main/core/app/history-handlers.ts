import type { LibraryStore } from '../library/types'
import type { Handlers } from './dispatch'
import { AppError } from './errors'
import type { EventHub } from './events'

// The contract's listening-history methods. A counted play changes plays and last played,
// which sorts and smart playlists read, so it is announced as a library change.

export function historyHandlers(
  lib: () => LibraryStore,
  events: EventHub,
  now: () => number = Date.now
): Pick<Handlers, 'recordListen' | 'listHistory' | 'clearHistory'> {
  return {
    recordListen: async ({ id, kind, positionMs, listenedMs }) => {
      const stored = lib().recordListen({ clipId: id, kind, at: now(), positionMs, listenedMs })
      if (!stored) throw new AppError('not_found', 'That song is no longer in the library.')
      if (kind === 'skip' || kind === 'finish') events.emit('library-changed', { clipIds: [id] })
      return { ok: true }
    },
    listHistory: async (args) => lib().listHistory(args ?? {}),
    clearHistory: async (args) => {
      const removed = lib().clearHistory(args ?? {})
      events.emit('library-changed', { clipIds: null })
      return { removed }
    }
  }
}
