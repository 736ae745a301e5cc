import { writeFile } from 'node:fs/promises'
import { extractTaskIds } from '../../../shared/task-ids'
import type { PublicSettings } from '../../../shared/settings'
import { testConnection, validateBaseUrl, type GatewayClient } from '../gateway/client'
import { KEY_FOR_ADDRESS, storedKeyMayGoTo } from '../gateway/key-scope'
import type { LibraryStore } from '../library/types'
import type { SyncEngine } from '../sync/engine'
import { redownloadFiles } from '../sync/redownload'
import { buildM3u8 } from './playlist'
import { safeFileName } from '../library/naming'
import { playlistHandlers } from './playlist-handlers'
import { historyHandlers } from './history-handlers'
import { queueHandlers } from './queue-handlers'
import { importHandlers } from './import-handlers'
import { miniPlayerHandlers } from './mini-player-handlers'
import type { Handlers } from './dispatch'
import { AppError } from './errors'
import type { EventHub } from './events'
import type { Host, StoredSettings } from './host'
import type { AppInfo } from '../../../shared/settings'
import type { MediaKind } from '../../../shared/domain'

export interface HandlerContext {
  host: Host
  library: () => LibraryStore
  engine: () => SyncEngine
  /** For events that are no library write (an import's progress); library and queue
   * writes announce themselves (library/changes.ts). */
  events: EventHub
  appInfo: () => AppInfo
  /** Re-opens the library (new folder or new ID3 settings) and restarts the engine. */
  switchLibrary: (path: string, mode: 'move' | 'rebuild' | 'reopen') => Promise<void>
  fetch?: typeof fetch
}

function publicSettings(host: Host): PublicSettings {
  const settings = host.settings.get()
  return {
    ...settings,
    hasKey: host.settings.getKey() !== null || host.settings.keyProtection() === 'locked',
    keyProtection: host.settings.keyProtection()
  }
}

function mustHaveLibrary(library: LibraryStore): void {
  if (!library.libraryAvailable()) {
    throw new AppError(
      'library_unavailable',
      'The library folder is not available. Connect the drive or choose another folder in Settings.'
    )
  }
}

/** The core's answer to every contract method. Each one is a thin call into the library,
 * the sync engine or the host; parsing happened in dispatch(). None of them announces a
 * write: the library does that itself once it commits (library/changes.ts). */
export function createHandlers(ctx: HandlerContext): Handlers {
  const { host, events } = ctx
  const lib = ctx.library
  // Only a folder the user picked in main's own dialog may become the library. The
  // renderer is untrusted: a path from it could point a move, and the rebuild that walks
  // every file, at "/" or the home folder (test/unit/security/library-folder.test.ts).
  const pickedFolders = new Set<string>()
  const gatewayOrThrow = (): GatewayClient => {
    const client = ctx.engine().gatewayClient()
    if ('problem' in client) throw new AppError('not_configured', client.problem)
    return client
  }
  const filePath = (id: string, kind: MediaKind = 'audio'): string => {
    const path =
      lib().getFilePath(id, kind) ??
      lib().getFilePath(id, 'audio') ??
      lib().getFilePath(id, 'cover')
    if (!path) throw new AppError('not_downloaded', 'This song has no file on disk yet.')
    return path
  }

  return {
    getAppInfo: async () => ctx.appInfo(),

    queryLibrary: async (q) => lib().query(q),
    getFacets: async (filter) => lib().facets(filter),
    clipRowsByIds: async ({ ids, filter }) => lib().rowsByIds(ids, filter),
    findTitleIndex: async (q) => ({ index: lib().titleIndex(q) }),
    getClip: async ({ id }) => lib().getClip(id),
    setFavorite: async ({ ids, favorite }) => lib().setFavorite(ids, favorite),
    tagClips: async ({ ids, add, remove }) => lib().tagClips(ids, { add, remove }),
    listTags: async () => lib().listTags(),
    renameTag: async ({ from, to }) => lib().renameTag(from, to),
    mergeTags: async ({ from, into }) => lib().mergeTags(from, into),
    deleteTag: async ({ name }) => lib().deleteTag(name),
    recordPlay: async ({ id, ms }) => {
      if (!lib().recordPlay(id, Date.now(), ms))
        throw new AppError('not_found', 'That song is no longer in the library.')
      return { ok: true }
    },
    renameClip: async ({ id, title }) => lib().renameClip(id, title),
    setClipNote: async ({ id, note }) => lib().setClipNote(id, note),
    deleteClips: async ({ ids }) => {
      mustHaveLibrary(lib())
      return lib().deleteClips(ids)
    },
    undo: async ({ id }) => lib().undo(id),
    revealClip: async ({ id, kind }) => {
      await host.revealPath(filePath(id, kind))
      return { ok: true }
    },
    exportPlaylist: async ({ ids, name }) => {
      const target = await host.choosePlaylistPath(safeFileName(name, 'm3u8', 'Songshelf'))
      if (!target) return { path: null }
      await writeFile(target, buildM3u8(lib(), ids, target), 'utf8')
      return { path: target }
    },
    startDrag: async ({ ids }) => {
      const paths = ids
        .map((id) => lib().getFilePath(id, 'audio'))
        .filter((p): p is string => p !== null)
      if (paths.length === 0)
        throw new AppError('not_downloaded', 'These songs have no files on disk yet.')
      host.startDrag(paths)
      return { ok: true }
    },

    addTasks: async ({ text }) => {
      const { ids, invalid } = extractTaskIds(text)
      const { added, known } = lib().addTasks(ids, Date.now())
      if (added.length > 0) ctx.engine().pollNow()
      return { added, known, invalid }
    },
    listTasks: async () => lib().listTasks(),
    retryTasks: async ({ ids }) => {
      let changed = 0
      for (const id of ids) if (lib().retryTask(id)) changed++
      changed += lib().retryFailedFiles(
        lib()
          .listTasks()
          .filter((t) => ids.includes(t.id))
          .flatMap((t) => t.clipIds)
      )
      ctx.engine().pollNow()
      return { changed }
    },
    removeTasks: async ({ ids }) => {
      let changed = 0
      for (const id of ids) if (lib().removeTask(id)) changed++
      return { changed }
    },
    pollNow: async () => {
      ctx.engine().checkAllNow()
      return { ok: true }
    },
    getSyncState: async () => ctx.engine().state(),
    pauseDownloads: async () => {
      ctx.engine().pauseDownloads()
      return ctx.engine().state()
    },
    resumeDownloads: async () => {
      ctx.engine().resumeDownloads()
      // Space may be back: tags and sidecars a full disk refused can be written now.
      void lib().finishLeftovers()
      return ctx.engine().state()
    },
    retryDownloads: async ({ clipId, kind }) => {
      const changed = lib().retryFailedFiles(clipId ? [clipId] : undefined, kind)
      ctx.engine().pollNow()
      return { changed }
    },
    redownloadFiles: async ({ clipIds, kind }) => {
      mustHaveLibrary(lib())
      const result = await redownloadFiles(
        { store: lib(), client: gatewayOrThrow() },
        clipIds,
        kind
      )
      if (result.queued > 0) ctx.engine().pollNow()
      return result
    },

    getSettings: async () => publicSettings(host),
    updateSettings: async (patch) => {
      if (patch.baseUrl !== undefined && patch.baseUrl !== '') {
        const check = validateBaseUrl(patch.baseUrl)
        if (!check.ok) throw new AppError('invalid_base_url', check.message)
        patch = { ...patch, baseUrl: check.url }
      }
      const before = host.settings.get()
      const after = host.settings.update(patch as Partial<StoredSettings>)
      host.applyPreferences?.(after)
      if (before.language !== after.language || before.theme !== after.theme)
        events.emit('preferences-changed', { language: after.language, theme: after.theme })
      if (before.id3Artist !== after.id3Artist || before.id3Album !== after.id3Album) {
        await ctx.switchLibrary(after.libraryDir, 'reopen')
      }
      if (before.baseUrl !== after.baseUrl || before.pollIntervalSec !== after.pollIntervalSec)
        ctx.engine().pollNow()
      return publicSettings(host)
    },
    setApiKey: async ({ key }) => {
      host.settings.setKey(key)
      ctx.engine().pollNow()
      return publicSettings(host)
    },
    testConnection: async ({ baseUrl, key }) => {
      const saved = host.settings.get().baseUrl
      const address = baseUrl ?? saved
      if (address.trim() === '') return testConnection({ baseUrl: '', apiKey: '' })
      const check = validateBaseUrl(address)
      if (!check.ok) return { result: 'not_gateway', code: 'bad_request', message: check.message }
      const storedKeyAllowed = storedKeyMayGoTo(check.url, saved)
      if (key === undefined && !storedKeyAllowed) return KEY_FOR_ADDRESS
      const apiKey = key ?? host.settings.getKey()
      if (!apiKey) return { result: 'no_key', code: 'no_key', message: 'Enter your API key first.' }
      return testConnection({ baseUrl: check.url, apiKey, fetch: ctx.fetch })
    },
    chooseLibraryFolder: async () => {
      const path = await host.chooseFolder()
      if (path !== null) pickedFolders.add(path)
      return { path }
    },
    changeLibraryFolder: async ({ path, mode }) => {
      if (!pickedFolders.has(path)) {
        throw new AppError(
          'folder_not_chosen',
          'Choose the new library folder with the folder picker first; nothing was changed.'
        )
      }
      await ctx.switchLibrary(path, mode)
      return publicSettings(host)
    },
    openLibraryFolder: async () => {
      mustHaveLibrary(lib())
      await host.openPath(lib().libraryDir)
      return { ok: true }
    },
    ...playlistHandlers(lib),
    ...historyHandlers(lib),
    ...queueHandlers(lib),
    ...importHandlers(lib, events, host.dataDir),
    ...miniPlayerHandlers(host, events)
  }
}
