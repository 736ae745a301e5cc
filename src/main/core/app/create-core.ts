import { DatabaseSync } from 'node:sqlite'
import type { AppInfo } from '../../../shared/settings'
import { createGatewayClient, validateBaseUrl, type GatewayClient } from '../gateway/client'
import type { IndexRecovery, LibraryStore } from '../library/types'
import { createMediaHandler } from '../media'
import { SyncEngine, type SyncEngineDeps } from '../sync/engine'
import {
  alreadySyncingMessage,
  alreadySyncingParams,
  HOLDER_NAMES,
  type LockHolder
} from '../sync/writer-lock'
import { WriterRole } from '../sync/writer-role'
import type { Handlers } from './dispatch'
import { AppError } from './errors'
import { EventHub } from './events'
import { createHandlers } from './handlers'
import type { Host } from './host'
import { isDirectory, moveLibraryFiles, openLibraryFor } from './library-session'
import { text } from '../library/rows/read'

export interface SongshelfCore {
  handlers: Handlers
  events: EventHub
  /** The `(Request) => Response` media handler shared by the Electron protocol and the web preview. */
  media: (request: Request) => Promise<Response>
  library(): LibraryStore
  engine(): SyncEngine
  /** Polls and downloads if this process can be the data folder's one writer; otherwise
   * waits in standby (sync state `elsewhere`) and takes over when the writer stops. */
  start(): void
  /** The other process syncing this data folder, while this one waits; else null. */
  otherWriter(): LockHolder | null
  /** Resolves once a damaged index found on open is rebuilt (null when it was fine). */
  ready(): Promise<IndexRecovery | null>
  /** Waits for the library's finish queue and sidecar rewrites (library.flush()). */
  idle(): Promise<void>
  /** Stops polling and downloads (`.part` files stay for resume) and closes the index. */
  stop(): Promise<void>
}

export interface CoreOptions {
  /** Engine overrides for tests and the CLI (short intervals, fake timers, timeouts). */
  engine?: Partial<
    Pick<
      SyncEngineDeps,
      | 'policy'
      | 'downloadOptions'
      | 'download'
      | 'now'
      | 'random'
      | 'setTimer'
      | 'progressIntervalMs'
    >
  >
  fetch?: typeof fetch
  /** Tests: how often a waiting process tries the writer lock again. */
  writerRetryMs?: number
  /** Called when a clip's audio is on disk (the shell shows a notification). */
  onClipReady?: (clip: { id: string; title: string }) => void
  /** Check the whole index on open whatever its size (`songshelf rebuild`). */
  fullIndexCheck?: boolean
}

function sqliteFacts(): { version: string; fts5: boolean } {
  const db = new DatabaseSync(':memory:')
  try {
    const row = db.prepare('SELECT sqlite_version() AS v').get()
    const v = row === undefined ? 'unknown' : text(row, 'v')
    let fts5 = true
    try {
      db.exec('CREATE VIRTUAL TABLE probe USING fts5(x)')
    } catch {
      fts5 = false
    }
    return { version: v, fts5 }
  } finally {
    db.close()
  }
}

export const NO_GATEWAY_MESSAGE =
  'Set your gateway address and API key in Settings to start downloading.'

/** Composes the core for a host: the library, the sync engine, the media handler and the
 * contract's handlers. Used by the Electron shell, the web preview and the CLI alike. */
export function createSongshelfCore(host: Host, options: CoreOptions = {}): SongshelfCore {
  const events = new EventHub()
  const sqlite = sqliteFacts()
  let library = openLibraryFor(host, { fullCheck: options.fullIndexCheck })
  let started = false
  let stopping: Promise<void> | null = null
  // The one place library changes reach the hub: the library announces every committed
  // write itself (library/changes.ts); the app, the preview and the CLI all see these.
  const listen = (store: LibraryStore): (() => void) => {
    const offChange = store.onChange((change) => events.emit('library-changed', change))
    const offQueue = store.onQueueChange((state) => events.emit('queue-changed', state))
    const offReady = store.onClipReady((clip) => options.onClipReady?.(clip))
    return () => {
      offChange()
      offQueue()
      offReady()
    }
  }
  let unlisten = listen(library)

  // One client for the life of the current address and key, so what it learns about
  // the gateway (that the batch route is missing) is not forgotten every poll cycle.
  let gateway: { baseUrl: string; key: string; client: GatewayClient } | null = null
  const client = (): GatewayClient | { problem: string } => {
    const { baseUrl } = host.settings.get()
    const key = host.settings.getKey()
    if (!baseUrl || !key) return { problem: NO_GATEWAY_MESSAGE }
    const check = validateBaseUrl(baseUrl)
    if (!check.ok) return { problem: check.message }
    if (gateway?.baseUrl !== check.url || gateway.key !== key) {
      const made = createGatewayClient({ baseUrl: check.url, apiKey: key, fetch: options.fetch })
      gateway = { baseUrl: check.url, key, client: made }
    }
    return gateway.client
  }

  const makeEngine = (): SyncEngine =>
    new SyncEngine({
      store: library,
      client,
      settings: () => host.settings.get(),
      ...options.engine,
      downloadOptions: { fetch: options.fetch, ...options.engine?.downloadOptions },
      onState: (state) => events.emit('sync-state', state),
      onProgress: (items) => events.emit('download-progress', { items })
    })
  let engine = makeEngine()
  // A damaged index was set aside on open: rebuild it from the library folder now (the
  // library announces the rebuild; the notice is in appInfo().indexRecovery).
  const recovering = library.recovery !== null
  let recovered = false
  const ready = library.recover().then(
    (recovery) => {
      recovered = true
      return recovery
    },
    () => library.recovery
  )
  const writer = new WriterRole({
    dataDir: host.dataDir,
    who: HOLDER_NAMES[host.transport],
    ...(options.writerRetryMs === undefined ? {} : { retryMs: options.writerRetryMs }),
    onWriter: () => {
      const go = (): void => {
        if (stopping) return
        // Tags and sidecars a kill or a full disk left unwritten, after sweeping a kill's
        // temp copies: only the writer does this.
        void library.finishLeftovers({ sweepTemp: true })
        engine.start()
      }
      if (recovering) void ready.then(go)
      else go()
    },
    onStandby: (holder) =>
      engine.standby(alreadySyncingMessage(holder), alreadySyncingParams(holder))
  })

  const appInfo = (): AppInfo => ({
    name: 'Songshelf',
    version: host.version,
    dataDir: host.dataDir,
    libraryDir: library.libraryDir,
    libraryAvailable: library.libraryAvailable(),
    platform: process.platform,
    transport: host.transport,
    sqliteVersion: sqlite.version,
    fts5: sqlite.fts5 && library.searchMode === 'fts5',
    // Shown once the rebuild has finished, so the notice can say what came back.
    indexRecovery: recovered ? library.recovery : null
  })

  const switchLibrary = async (
    path: string,
    mode: 'move' | 'rebuild' | 'reopen'
  ): Promise<void> => {
    if (mode !== 'reopen' && !isDirectory(path)) {
      throw new AppError('library_unavailable', 'That folder does not exist or is not available.')
    }
    await engine.stop()
    const oldDir = library.libraryDir
    unlisten()
    await library.close()
    try {
      if (mode === 'move') moveLibraryFiles(oldDir, path)
      host.settings.update({ libraryDir: path })
    } finally {
      library = openLibraryFor(host, { fullCheck: mode === 'rebuild' })
      unlisten = listen(library)
      engine = makeEngine()
      const other = writer.otherWriter
      if (started && writer.isWriter) engine.start()
      else if (started && other)
        engine.standby(alreadySyncingMessage(other), alreadySyncingParams(other))
    }
    // A rebuild announces itself; another folder without one is still all new to a view.
    const rebuilt = mode === 'reopen' ? false : (await library.rebuild()).ok
    if (!rebuilt && library.libraryDir !== oldDir) events.emit('library-changed', { kind: 'reset' })
  }

  const media = createMediaHandler({
    lookup: (clipId, kind) => library.getFilePath(clipId, kind),
    libraryDir: () => library.libraryDir
  })

  const handlers = createHandlers({
    host,
    library: () => library,
    engine: () => engine,
    events,
    appInfo,
    switchLibrary,
    fetch: options.fetch
  })

  return {
    handlers,
    events,
    media,
    library: () => library,
    engine: () => engine,
    idle: () => library.flush(),
    start: () => {
      started = true
      writer.claim()
    },
    otherWriter: () => writer.otherWriter,
    ready: () => ready,
    stop: () => {
      started = false
      stopping ??= ready
        .then(() => engine.stop())
        .then(() => library.close())
        .finally(() => writer.release())
      return stopping
    }
  }
}
