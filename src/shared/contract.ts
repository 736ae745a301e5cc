import { z } from 'zod'
import type {
  AppErrorData,
  ClipDetail,
  ClipRowsAnswer,
  DownloadProgress,
  Facets,
  LibraryPage,
  SyncState,
  TaskRow
} from './domain'
import type { AppInfo, ConnectionTestResult, Preferences, PublicSettings } from './settings'
import * as s from './schemas'
import * as p from './playlist-schemas'
import * as h from './history-schemas'
import * as q from './queue-schemas'
import * as im from './import-schemas'
import type { ImportPlan, ImportProgress, ImportReport } from './import'
import * as u from './undo-schemas'
import * as mp from './mini-player-schemas'
import type { MiniPlayerCommand, MiniPlayerState } from './mini-player'
import * as ct from './clip-text-schemas'
import type { ClipTextResult } from './clip-title'
import type { QueueState, QueueWindow } from './queue'
import type { Undoable, UndoResult } from './undo'
import type { HistoryEntry } from './history'
import type { RedownloadResult } from './redownload'
import type { PlaylistImportReport, PlaylistPage, PlaylistSummary } from './playlists'
import type { LibraryChange } from './library-change'
import { channelOf, EVENT_NAMES, METHOD_NAMES, MENU_COMMANDS } from './channels'

// The one contract between renderer and main. Main registers a validated handler for
// every method, the preload builds `window.songshelf` from the same list, and a test
// fails when the three disagree. Requests are parsed with these schemas in main (the
// renderer is untrusted); responses are typed only.

/** Declares a method: its request schema and (phantom) response type. */
function method<Req extends z.ZodType, Res>(request: Req): { request: Req; response: Res } {
  return { request, response: undefined as unknown as Res }
}

export const methods = {
  getAppInfo: method<typeof s.noArgs, AppInfo>(s.noArgs),

  queryLibrary: method<typeof s.libraryQuery, LibraryPage>(s.libraryQuery),
  getFacets: method<typeof s.libraryFilter, Facets>(s.libraryFilter),
  clipRowsByIds: method<typeof s.clipRowsArgs, ClipRowsAnswer>(s.clipRowsArgs),
  findTitleIndex: method<typeof s.titlePrefixQuery, { index: number | null }>(s.titlePrefixQuery),
  getClip: method<typeof s.clipIdArg, ClipDetail | null>(s.clipIdArg),
  setFavorite: method<typeof s.favoriteArgs, { changed: number } & Undoable>(s.favoriteArgs),
  tagClips: method<typeof s.tagArgs, { changed: number }>(s.tagArgs),
  listTags: method<typeof s.noArgs, { name: string; count: number }[]>(s.noArgs),
  renameTag: method<typeof s.renameTagArgs, { changed: number } & Undoable>(s.renameTagArgs),
  mergeTags: method<typeof s.mergeTagArgs, { changed: number } & Undoable>(s.mergeTagArgs),
  deleteTag: method<typeof s.tagNameArg, { changed: number } & Undoable>(s.tagNameArg),
  recordPlay: method<typeof s.playArgs, { ok: true }>(s.playArgs),
  /** The user's own title ('' = the gateway's again) and note ('' clears it), issue 13. */
  renameClip: method<typeof ct.renameClipArgs, ClipTextResult>(ct.renameClipArgs),
  setClipNote: method<typeof ct.clipNoteArgs, ClipTextResult>(ct.clipNoteArgs),
  deleteClips: method<typeof s.clipIdsArg, { deleted: number } & Undoable>(s.clipIdsArg),
  /** Undoes a delete, tag change or bulk favourite by the `undoId` it answered. */
  undo: method<typeof u.undoArgs, UndoResult>(u.undoArgs),
  revealClip: method<typeof s.clipFileArg, { ok: true }>(s.clipFileArg),
  exportPlaylist: method<typeof s.exportArgs, { path: string | null }>(s.exportArgs),
  startDrag: method<typeof s.clipIdsArg, { ok: true }>(s.clipIdsArg),

  addTasks: method<typeof s.textArg, { added: string[]; known: string[]; invalid: string[] }>(
    s.textArg
  ),
  listTasks: method<typeof s.noArgs, TaskRow[]>(s.noArgs),
  retryTasks: method<typeof s.taskIdsArg, { changed: number }>(s.taskIdsArg),
  removeTasks: method<typeof s.taskIdsArg, { changed: number }>(s.taskIdsArg),
  pollNow: method<typeof s.noArgs, { ok: true }>(s.noArgs),
  getSyncState: method<typeof s.noArgs, SyncState>(s.noArgs),
  pauseDownloads: method<typeof s.noArgs, SyncState>(s.noArgs),
  resumeDownloads: method<typeof s.noArgs, SyncState>(s.noArgs),
  retryDownloads: method<typeof s.retryDownloadsArgs, { changed: number }>(s.retryDownloadsArgs),
  redownloadFiles: method<typeof s.redownloadArgs, RedownloadResult>(s.redownloadArgs),

  getSettings: method<typeof s.noArgs, PublicSettings>(s.noArgs),
  updateSettings: method<typeof s.settingsPatch, PublicSettings>(s.settingsPatch),
  setApiKey: method<typeof s.apiKeyArg, PublicSettings>(s.apiKeyArg),
  testConnection: method<typeof s.connectionTestArgs, ConnectionTestResult>(s.connectionTestArgs),
  chooseLibraryFolder: method<typeof s.noArgs, { path: string | null }>(s.noArgs),
  changeLibraryFolder: method<typeof s.changeLibraryArgs, PublicSettings>(s.changeLibraryArgs),
  openLibraryFolder: method<typeof s.noArgs, { ok: true }>(s.noArgs),

  listPlaylists: method<typeof s.noArgs, PlaylistSummary[]>(s.noArgs),
  createPlaylist: method<typeof p.createPlaylistArgs, PlaylistSummary>(p.createPlaylistArgs),
  renamePlaylist: method<typeof p.renamePlaylistArgs, PlaylistSummary>(p.renamePlaylistArgs),
  setSmartRule: method<typeof p.setSmartRuleArgs, PlaylistSummary>(p.setSmartRuleArgs),
  deletePlaylist: method<typeof p.playlistIdArg, { ok: true }>(p.playlistIdArg),
  restorePlaylist: method<typeof p.playlistIdArg, PlaylistSummary>(p.playlistIdArg),
  addToPlaylist: method<typeof p.addToPlaylistArgs, { added: number }>(p.addToPlaylistArgs),
  removeFromPlaylist: method<typeof p.playlistItemsArgs, { removed: number }>(p.playlistItemsArgs),
  movePlaylistItems: method<typeof p.movePlaylistItemsArgs, { moved: number }>(
    p.movePlaylistItemsArgs
  ),
  queryPlaylist: method<typeof p.queryPlaylistArgs, PlaylistPage>(p.queryPlaylistArgs),
  playlistClipIds: method<typeof p.playlistIdArg, string[]>(p.playlistIdArg),
  importPlaylist: method<typeof p.importPlaylistArgs, PlaylistImportReport>(p.importPlaylistArgs),
  findPlaylistTitleIndex: method<typeof p.playlistTitlePrefixArgs, { index: number | null }>(
    p.playlistTitlePrefixArgs
  ),

  recordListen: method<typeof h.listenArgs, { ok: true }>(h.listenArgs),
  listHistory: method<typeof h.historyArgs, HistoryEntry[]>(h.historyArgs),
  clearHistory: method<typeof h.clearHistoryArgs, { removed: number }>(h.clearHistoryArgs),

  getQueue: method<typeof s.noArgs, QueueState>(s.noArgs),
  playQueue: method<typeof q.playQueueArgs, QueueState>(q.playQueueArgs),
  queueWindow: method<typeof q.queueWindowArgs, QueueWindow>(q.queueWindowArgs),
  queueStep: method<typeof q.queueStepArgs, QueueState>(q.queueStepArgs),
  queueJump: method<typeof q.queueIndexArg, QueueState>(q.queueIndexArg),
  queueAdd: method<typeof q.queueAddArgs, QueueState>(q.queueAddArgs),
  queueRemove: method<typeof q.queueIndexArg, QueueState>(q.queueIndexArg),
  queueMove: method<typeof q.queueMoveArgs, QueueState>(q.queueMoveArgs),
  clearQueue: method<typeof s.noArgs, QueueState>(s.noArgs),
  setQueueOptions: method<typeof q.queueOptionsArgs, QueueState>(q.queueOptionsArgs),

  previewImport: method<typeof im.previewImportArgs, ImportPlan>(im.previewImportArgs),
  runImport: method<typeof im.runImportArgs, ImportReport>(im.runImportArgs),

  /** Opens or closes the always-on-top mini player window (desktop only; closing brings
   * the main window forward). */
  setMiniPlayer: method<typeof mp.miniPlayerOpenArgs, { open: boolean }>(mp.miniPlayerOpenArgs),
  /** The main window's player state, relayed to the mini window as `player-state`. */
  publishPlayerState: method<typeof mp.playerStateArgs, { ok: true }>(mp.playerStateArgs),
  /** A mini window command, relayed to the main window as `player-command`. */
  sendPlayerCommand: method<typeof mp.playerCommandArgs, { ok: true }>(mp.playerCommandArgs)
} as const

export type Methods = typeof methods
export type MethodName = keyof Methods
export type RequestOf<M extends MethodName> = z.input<Methods[M]['request']>
export type ParsedRequestOf<M extends MethodName> = z.output<Methods[M]['request']>
export type ResponseOf<M extends MethodName> = Methods[M]['response']

/** Every call answers with data, never a thrown string (Electron only forwards the
 * message of a thrown error, and the renderer needs the code). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }

export type MenuCommand = (typeof MENU_COMMANDS)[number]

export interface Events {
  'download-progress': { items: DownloadProgress[] }
  /** One committed library write: clips, tasks, playlists or everything (reset). */
  'library-changed': LibraryChange
  'sync-state': SyncState
  'menu-command': { command: MenuCommand; clipId?: string }
  /** The play queue changed (entries, order or current entry), by any window or process. */
  'queue-changed': QueueState
  /** A running import's reading or copying step (runImport answers when it is done). */
  'import-progress': ImportProgress
  /** What the main window's player does (for the mini window). */
  'player-state': MiniPlayerState
  /** What the mini window asks the main window's player to do. */
  'player-command': MiniPlayerCommand
  /** The mini player window opened or closed. */
  'mini-player': { open: boolean }
  /** The language or theme was changed (for the windows that did not change it). */
  'preferences-changed': Preferences
}
export type EventName = (typeof EVENT_NAMES)[number]
export const eventNames: readonly EventName[] = EVENT_NAMES

// Compile-time proof that channels.ts lists exactly the contract's methods and events.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const methodsMatch: Same<MethodName, (typeof METHOD_NAMES)[number]> = true
const eventsMatch: Same<keyof Events, EventName> = true
void methodsMatch
void eventsMatch

/** The object the preload exposes as `window.songshelf`. */
export type SongshelfApi = {
  [M in MethodName]: (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  /** Previews importing dropped files: Electron resolves their paths in the preload
   * (webUtils.getPathForFile; File.path is gone since Electron 32), the web preview
   * uploads them to a staging folder first. The page never builds a path itself. */
  previewImportFiles(files: readonly File[]): Promise<Result<ImportPlan>>
}

export const methodNames: readonly MethodName[] = METHOD_NAMES
export { channelOf }
