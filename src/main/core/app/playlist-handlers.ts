import type { LibraryStore } from '../library/types'
import type { Handlers } from './dispatch'
import type { EventHub } from './events'

// The contract's playlist methods: thin calls into the library's playlists, each write
// followed by one `playlists-changed` event.

type PlaylistMethods =
  | 'listPlaylists'
  | 'createPlaylist'
  | 'renamePlaylist'
  | 'setSmartRule'
  | 'deletePlaylist'
  | 'restorePlaylist'
  | 'addToPlaylist'
  | 'removeFromPlaylist'
  | 'movePlaylistItems'
  | 'queryPlaylist'
  | 'playlistClipIds'
  | 'importPlaylist'

export function playlistHandlers(
  lib: () => LibraryStore,
  events: EventHub
): Pick<Handlers, PlaylistMethods> {
  const changed = <T>(ids: string[], result: T): T => {
    events.emit('playlists-changed', { playlistIds: ids })
    return result
  }
  const playlists = (): LibraryStore['playlists'] => lib().playlists
  return {
    listPlaylists: async () => playlists().list(),
    createPlaylist: async (args) => {
      const created = await playlists().create(args)
      return changed([created.id], created)
    },
    renamePlaylist: async ({ id, name }) => changed([id], await playlists().rename(id, name)),
    setSmartRule: async ({ id, rule }) => changed([id], await playlists().setRule(id, rule)),
    deletePlaylist: async ({ id }) => {
      await playlists().delete(id)
      return changed([id], { ok: true as const })
    },
    restorePlaylist: async ({ id }) => changed([id], await playlists().restore(id)),
    addToPlaylist: async ({ id, clipIds, at }) =>
      changed([id], await playlists().add(id, clipIds, at)),
    removeFromPlaylist: async ({ id, itemIds }) =>
      changed([id], await playlists().remove(id, itemIds)),
    movePlaylistItems: async ({ id, itemIds, to }) =>
      changed([id], await playlists().move(id, itemIds, to)),
    queryPlaylist: async ({ id, offset, limit }) => playlists().query(id, offset, limit),
    playlistClipIds: async ({ id }) => playlists().clipIds(id),
    importPlaylist: async (args) => {
      const report = await playlists().importM3u(args)
      return changed([report.playlist.id], report)
    }
  }
}
