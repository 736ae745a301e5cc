import type {
  ClipRowsAnswer,
  ClipStem,
  ClipDetail,
  Facets,
  FileKind,
  FileState,
  LibraryFilter,
  LineageEdge,
  LibraryPage,
  LibraryQuery,
  NormalizedTask,
  TaskRow
} from '../../../shared/domain'
import type { AppErrorCode } from '../../../shared/error-codes'
import type { RedownloadStore, SyncStore } from '../sync/store-port'
import type { HistoryEntry } from '../../../shared/history'
import type { ImportReport } from '../../../shared/import'
import type { ImportOptions } from './import/run'
import type { ListenEvent } from './history'
import type { Playlists } from './playlists'
import type { PlayQueue } from './queue/store'
import type { ChangeListener, QueueListener } from './changes'
import type { TitlePrefixQuery } from './queries/title-prefix'
import type { Undoable, UndoResult } from '../../../shared/undo'
import type { ClipTextResult } from '../../../shared/clip-title'

// The public shape of the library: options, the store façade and its result types.

/** A library failure the user can act on: a stable code and plain words. */
export class LibraryError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'LibraryError'
  }
}

export const LIBRARY_UNAVAILABLE_MESSAGE =
  'The library folder is not available. Connect the drive or choose the folder again in Settings; nothing was changed.'

export interface Logger {
  warn(message: string, detail?: unknown): void
}

export interface LibraryOptions {
  /** App data folder (Electron userData, CLI --data-dir); the index lives here. */
  dataDir: string
  libraryDir: string
  /** ID3 artist; default "Suno". */
  artist?: string
  /** ID3 album; default "Songshelf". */
  album?: string
  now?: () => number
  /** Moves files to the OS trash (the shell passes shell.trashItem); default: moves them
   * to `<library>/.trash/`. */
  trash?: (paths: string[]) => Promise<void>
  logger?: Logger
  /** How long a delete, tag or favourite change can be undone (default 5 minutes). */
  undoWindowMs?: number
  /** Create libraryDir when it is missing. Off by default so that the folder of an
   * unplugged drive is never silently recreated on the system disk. */
  createLibraryDir?: boolean
  /** Behave as if this SQLite had no FTS5 (tests, diagnostics). */
  disableFts?: boolean
  /** Run `PRAGMA quick_check` on open whatever the index's size (`rebuild`: damage in a
   * large index must be found before it is trusted, issue 12 §2). */
  fullCheck?: boolean
}

export interface CliFile {
  kind: FileKind
  /** `missing`: the index has it as downloaded but it is not on disk (issue 12 §3). */
  state: FileState | 'missing'
  /** Absolute path, only when the file is on disk (state done). */
  path: string | null
  bytes: number | null
  error: string | null
}

/** A clip as `songshelf list --json` prints it. Times are Unix milliseconds (numbers), the
 * same unit as every other time in the domain types. */
export interface CliClip {
  id: string
  taskId: string
  /** The gateway's title, always (the user's own is `userTitle`). */
  title: string
  /** The user's title (issue 13); null when the clip was not renamed. */
  userTitle: string | null
  /** The user's note; null when there is none. */
  note: string | null
  styleTags: string | null
  lyrics: string | null
  descriptionPrompt: string | null
  durationSec: number | null
  model: string | null
  createdAt: number | null
  addedAt: number
  userTags: string[]
  favorite: boolean
  plays: number
  files: CliFile[]
  /** Issue 16, as in the sidecar's clip section: the take (from 1), whether upstream says
   * it has no vocals (null: it did not say), stems and lineage. The animated cover is a
   * `video_cover` entry in `files`. */
  take: number | null
  instrumental: boolean | null
  stem: ClipStem | null
  lineage: LineageEdge[]
}

export type RebuildResult =
  | {
      ok: true
      clips: number
      tasks: number
      skipped: string[]
      /** Playlists brought back from their M3U8 files, when any were. */
      playlists?: number
      /** Pending tasks put back from the task-id journal beside the index. */
      restoredTasks?: number
      /** Files under a media name that are not what they claim (empty, a web page…),
       * indexed as failed instead of done: "<path>: <reason>". */
      refused?: string[]
    }
  | { ok: false; code: 'library_unavailable' | 'library_empty'; message: string }

/** A damaged index found on open: set aside (never deleted) and rebuilt from the folder. */
export interface IndexRecovery {
  reason: 'empty' | 'not_a_database' | 'malformed'
  /** Where the damaged file was moved. */
  movedTo: string
  /** False until recover() has run, or when the library folder was not available. */
  rebuilt: boolean
  clips: number
  tasksRestored: number
  /** Why the rebuild could not run, in plain words. */
  problem: string | null
}

export interface TagChange {
  add?: string[]
  remove?: string[]
}

export interface TagCount {
  name: string
  count: number
}

/** Facts for the start-up smoke check and the About box (RELIABILITY.md F1, F3, F4, F6). */
export interface LibraryStore extends SyncStore, RedownloadStore {
  readonly dbPath: string
  readonly libraryDir: string
  /** 'fts5', or 'like' when this SQLite lacks FTS5 (slower, ASCII-only case folding). */
  readonly searchMode: 'fts5' | 'like'
  /** Runs many store writes in one transaction (e.g. a whole poll's answers). */
  batch<T>(fn: () => T): T
  recordTaskResults(tasks: NormalizedTask[], now: number, opts: { downloadVideo: boolean }): void
  query(q: LibraryQuery): LibraryPage
  facets(filter: LibraryFilter): Facets
  /** The slim rows of these clips (at most 500), and which of them match `filter`. */
  rowsByIds(ids: readonly string[], filter?: LibraryFilter): ClipRowsAnswer
  /** The type-ahead: view index of the first clip whose title starts with the prefix. */
  titleIndex(q: TitlePrefixQuery): number | null
  getClip(id: string): ClipDetail | null
  listClipsForCli(filter: LibraryFilter & { limit?: number }): CliClip[]
  listTasks(): TaskRow[]
  /** Clips with media on disk whose sidecar and tags were never written (see finalize.ts). */
  unfinishedClips(): string[]
  /** Writes the tags and sidecar of one clip now (through the finish queue, which does it
   * by itself when a clip's last file settles); resolves when done. */
  finalizeClip(clipId: string): Promise<void>
  /** Finishes the clips a kill or a full disk left without tags and sidecar, slice by
   * slice (first sweeping a kill's temp copies, with `sweepTemp`). Only the data
   * folder's writer calls it: at start and on resume. */
  finishLeftovers(opts?: { sweepTemp?: boolean }): Promise<void>
  /** Every committed write, as one change (changes.ts). Returns the unsubscribe. */
  onChange(listener: ChangeListener): () => void
  /** Every committed change of the play queue, with its new state (changes.ts). */
  onQueueChange(listener: QueueListener): () => void
  /** A clip's audio is on disk (the shell shows a notification, the CLI a line). */
  onClipReady(listener: (clip: { id: string; title: string }) => void): () => void
  /** Merges the search index now if much was written since it last was (otherwise the
   * store does it by itself once writes have been quiet for a few seconds). */
  tidySearchIndex(): void
  /** The same, one slice of clip pks at a time (`afterPk` 0 first, then each `nextPk`),
   * so the start-up sweep can yield to the event loop between slices. */
  unfinishedClipsAfter(afterPk: number): { clipIds: string[]; nextPk: number | null }
  /** Absolute path of a file that is on disk, for the media handler; else null. */
  getFilePath(clipId: string, kind: FileKind): string | null
  tagClips(ids: string[], change: TagChange): { changed: number }
  renameTag(from: string, to: string): { changed: number } & Undoable
  mergeTags(from: string[], into: string): { changed: number } & Undoable
  deleteTag(name: string): { changed: number } & Undoable
  listTags(): TagCount[]
  setFavorite(ids: string[], value: boolean): { changed: number } & Undoable
  /** The user's own title ('' = back to the gateway's); the gateway's title is kept.
   * Rewrites the sidecar and the mp3's ID3 title (clip-text.ts). */
  renameClip(id: string, title: string): ClipTextResult
  /** The user's note ('' clears it); kept in the index and the sidecar. */
  setClipNote(id: string, note: string): ClipTextResult
  recordPlay(id: string, at: number, ms?: number): boolean
  /** Files wait in `.trash` while the delete can be undone (undo/held-files.ts). */
  deleteClips(ids: string[]): Promise<{ deleted: number } & Undoable>
  /** Undoes one of the actions above by the `undoId` it answered (undo/undo-log.ts). */
  undo(id: string): Promise<UndoResult>
  /** Stores a listening event; false for an unknown clip (history.ts says what counts). */
  recordListen(event: ListenEvent): boolean
  listHistory(opts?: { limit?: number; before?: number }): HistoryEntry[]
  clearHistory(opts?: { resetCounts?: boolean }): number
  /** Copies existing mp3s into the library (or, with dryRun, only says what it would do);
   * the source files are only read (import/run.ts). */
  importFiles(paths: string[], opts?: ImportOptions): Promise<ImportReport & { truncated: boolean }>
  /** Saved and smart playlists, mirrored into the library folder as M3U8. */
  readonly playlists: Playlists
  /** The play queue, held by reference in the index (queue/store.ts). */
  readonly queue: PlayQueue
  retryTask(id: string): boolean
  removeTask(id: string): boolean
  /** Puts failed downloads (of the given clips, or all) back in the queue. */
  retryFailedFiles(clipIds?: string[], kind?: FileKind): number
  rebuild(): Promise<RebuildResult>
  /** Set when the index was damaged on open (see index-health.ts). */
  readonly recovery: IndexRecovery | null
  /** Rebuilds a damaged index from the library folder and restores pending tasks from the
   * task-id journal; resolves with what happened (null when the index was fine). */
  recover(): Promise<IndexRecovery | null>
  libraryAvailable(): boolean
  /** Waits until every finished clip and queued sidecar rewrite is on disk. */
  flush(): Promise<void>
  /** Stops the leftover sweep, waits for the finish queue and sidecars, then closes the
   * database. */
  close(): Promise<void>
}
