import type { LibraryStore } from '../library/types'
import type { Handlers } from './dispatch'

// The contract's playlist methods: thin calls into the library's playlists (which
// announce each write themselves, library/changes.ts).

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
  | 'findPlaylistTitleIndex'

export function playlistHandlers(lib: () => LibraryStore): Pick<Handlers, PlaylistMethods> {
  const playlists = (): LibraryStore['playlists'] => lib().playlists
  return {
    listPlaylists: async () => playlists().list(),
    createPlaylist: async (args) => playlists().create(args),
    renamePlaylist: async ({ id, name }) => playlists().rename(id, name),
    setSmartRule: async ({ id, rule }) => playlists().setRule(id, rule),
    deletePlaylist: async ({ id }) => {
      await playlists().delete(id)
      return { ok: true as const }
    },
    restorePlaylist: async ({ id }) => playlists().restore(id),
    addToPlaylist: async ({ id, clipIds, at }) => playlists().add(id, clipIds, at),
    removeFromPlaylist: async ({ id, itemIds }) => playlists().remove(id, itemIds),
    movePlaylistItems: async ({ id, itemIds, to }) => playlists().move(id, itemIds, to),
    queryPlaylist: async ({ id, offset, limit }) => playlists().query(id, offset, limit),
    playlistClipIds: async ({ id }) => playlists().clipIds(id),
    importPlaylist: async (args) => playlists().importM3u(args),
    findPlaylistTitleIndex: async ({ id, prefix }) => ({
      index: playlists().titleIndex(id, prefix)
    })
  }
}
