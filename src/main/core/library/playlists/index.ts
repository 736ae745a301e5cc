import type {
  PlaylistImportReport,
  PlaylistPage,
  PlaylistSummary,
  SmartRule
} from '../../../../shared/playlists'
import { exportM3u, type PlaylistExport } from './export-m3u'
import { importM3u } from './import-m3u'
import { PlaylistMirror, restorePlaylists, type MirrorCtx } from './mirror'
import * as store from './store'
import { playlistTitleIndex } from './title-index'

// The playlists façade the library exposes: every write commits in the index first, then
// the playlist's M3U8 mirror is rewritten (awaited, so a caller that returns has the file).

export interface Playlists {
  list(): PlaylistSummary[]
  get(id: string): PlaylistSummary
  create(input: { name: string; rule?: SmartRule; clipIds?: string[] }): Promise<PlaylistSummary>
  rename(id: string, name: string): Promise<PlaylistSummary>
  setRule(id: string, rule: SmartRule): Promise<PlaylistSummary>
  /** Soft delete; `restore` undoes it. */
  delete(id: string): Promise<void>
  restore(id: string): Promise<PlaylistSummary>
  add(id: string, clipIds: string[], at?: number): Promise<{ added: number }>
  remove(id: string, itemIds: number[]): Promise<{ removed: number }>
  move(id: string, itemIds: number[], to: number): Promise<{ moved: number }>
  query(id: string, offset?: number, limit?: number): PlaylistPage
  /** The type-ahead: index (as `query` numbers rows) of the first title with the prefix. */
  titleIndex(id: string, prefix: string): number | null
  clipIds(id: string): string[]
  importM3u(input: { name: string; text: string; baseDir?: string }): Promise<PlaylistImportReport>
  /** Writes the playlist as a plain M3U8 at `target` (an absolute path the caller chose). */
  exportM3u(id: string, target: string): Promise<PlaylistExport>
  /** Rewrites the files of playlists that hold these clips (null: all), after a change. */
  clipsChanged(clipIds: string[] | null): Promise<void>
  /** After a rebuild: brings back playlists the index lost, from their files. */
  restoreFromFolder(): Promise<number>
  purgeDeleted(before: number): number
  flush(): Promise<void>
}

export function createPlaylists(ctx: MirrorCtx): Playlists {
  const mirror = new PlaylistMirror(ctx)
  const written = async <T>(id: string, result: T): Promise<T> => {
    await mirror.sync([id])
    return result
  }
  return {
    list: () => store.listPlaylists(ctx),
    get: (id) => store.getPlaylist(ctx, id),
    async create(input) {
      const id = store.createPlaylist(ctx, input)
      await mirror.sync([id])
      return store.getPlaylist(ctx, id)
    },
    async rename(id, name) {
      store.renamePlaylist(ctx, id, name)
      return written(id, store.getPlaylist(ctx, id))
    },
    async setRule(id, rule) {
      store.setSmartRule(ctx, id, rule)
      return written(id, store.getPlaylist(ctx, id))
    },
    async delete(id) {
      store.deletePlaylist(ctx, id)
      await mirror.sync([id])
    },
    async restore(id) {
      store.restorePlaylist(ctx, id)
      return written(id, store.getPlaylist(ctx, id))
    },
    add: async (id, clipIds, at) => written(id, store.addToPlaylist(ctx, id, clipIds, at)),
    remove: async (id, itemIds) => written(id, store.removeFromPlaylist(ctx, id, itemIds)),
    move: async (id, itemIds, to) => written(id, store.movePlaylistItems(ctx, id, itemIds, to)),
    query: (id, offset, limit) => store.queryPlaylist(ctx, id, offset, limit),
    titleIndex: (id, prefix) => playlistTitleIndex(ctx, id, prefix),
    clipIds: (id) => store.playlistClipIds(ctx, id),
    async importM3u(input) {
      const report = importM3u(ctx, input)
      return written(report.playlist.id, report)
    },
    exportM3u: (id, target) => exportM3u(ctx, id, target),
    clipsChanged: (clipIds) => mirror.sync(store.playlistsTouching(ctx, clipIds)),
    async restoreFromFolder() {
      const restored = await restorePlaylists(ctx)
      // Restored smart playlists and the rest: rewrite so files match the new index.
      await mirror.sync(store.playlistsTouching(ctx, null))
      return restored
    },
    purgeDeleted: (before) => store.purgeDeletedPlaylists(ctx, before),
    flush: () => mirror.flush()
  }
}
