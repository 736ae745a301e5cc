import type { z } from 'zod'
import type { libraryFilter, libraryQuery } from './schemas'

// Domain types shared by core, shell, CLI and renderer. Pure data: everything here is
// structured-clone safe so it can cross the bridge unchanged.

/** What the gateway says about a task, reduced to the four states the app acts on. */
export type TaskState = 'pending' | 'succeeded' | 'failed' | 'not_found'

/** Where a clip is in Suno's pipeline (raw clip `status`, lower-cased and mapped). */
export type ClipStatus = 'submitted' | 'queued' | 'streaming' | 'complete' | 'error' | 'unknown'

export type TaskKind = 'music' | 'lyrics' | 'unknown'

/** One clip, whatever shape the gateway sent it in (see GATEWAY.md#clip-shapes). */
export interface NormalizedClip {
  id: string
  taskId: string
  title: string
  status: ClipStatus
  /** Final mp3 link, or null. Stream (audiopipe) links are never put here. */
  audioUrl: string | null
  /** An audiopipe stream link the gateway gave while the clip was streaming. */
  streamAudioUrl: string | null
  videoUrl: string | null
  imageUrl: string | null
  imageLargeUrl: string | null
  lyrics: string | null
  styleTags: string | null
  descriptionPrompt: string | null
  durationSec: number | null
  model: string | null
  majorModelVersion: string | null
  /** Unix milliseconds. */
  createdAt: number | null
  continueClipId: string | null
  continueAt: number | null
  errorMessage: string | null
  clipType: string | null
  /** Every field the gateway gave, minus personal fields (user_id, handle, display_name…). */
  raw: Record<string, unknown>
  /** Upstream fields that only some gateways pass through (issue 16); absent = unknown. */
  batchIndex?: number | null
  /** The animated cover: a different asset from the music video. */
  videoCoverUrl?: string | null
  /** false for an instrumental. */
  hasVocal?: boolean | null
  stem?: ClipStem | null
  lineage?: LineageEdge[]
}

/** Stems metadata: `stem_type_id` arrives as a float like 91.0. */
export interface ClipStem {
  hasStem: boolean | null
  fromId: string | null
  typeId: number | null
  typeGroupName: string | null
}

/**
 * How this clip came from another: an edit (`cover_clip_id`, `remaster_clip_id`,
 * `upsample_clip_id`, `speed_clip_id`, `edited_clip_id`), a stem of it (`stem_from_id`), or
 * a step of its `history` / `concat_history` (extend, infill, concat).
 */
export type LineageKind =
  'cover' | 'remaster' | 'upsample' | 'speed' | 'edit' | 'stem' | 'extend' | 'infill' | 'concat'

export interface LineageEdge {
  kind: LineageKind
  clipId: string
  /** Seconds into the other clip where this one continues (extend/infill), if known. */
  atSec: number | null
}

/** One task answer from the gateway, normalised. */
export interface NormalizedTask {
  taskId: string
  state: Exclude<TaskState, 'not_found'>
  /** The status string exactly as the gateway sent it ("" when absent). */
  upstreamStatus: string
  failReason: string | null
  /** 0–100, or null when the gateway sent nothing usable. */
  progress: number | null
  /** Unix milliseconds (seconds from the gateway are converted). */
  submitTime: number | null
  startTime: number | null
  finishTime: number | null
  action: string
  kind: TaskKind
  clips: NormalizedClip[]
  /** For LYRICS tasks. */
  lyrics: { title: string; text: string } | null
  /** The task object minus `data` and personal fields. */
  raw: Record<string, unknown>
  /**
   * Set when the gateway says a music task succeeded but its answer holds no clip
   * Songshelf can read: the whole answer, without personal fields or credentials, kept for
   * a bug report. `state` is then 'pending' (some gateways fill `data` late), and the
   * library gives up after a few such answers (issue 16).
   */
  unreadable?: Record<string, unknown> | null
}

/** `video_cover`: the animated cover (upstream `video_cover_url`), a short silent loop and
 * a different asset from the music video (issue 16). */
export type FileKind = 'audio' | 'video' | 'cover' | 'video_cover' | 'sidecar'
export const MEDIA_KINDS = ['audio', 'video', 'cover', 'video_cover'] as const
export type MediaKind = (typeof MEDIA_KINDS)[number]

/** done: on disk under its final name; pending: queued or downloading; failed: gave up
 * (error says why); absent: nothing to download (no link, or video disabled). */
export type FileState = 'done' | 'pending' | 'failed' | 'absent'

export interface ClipFile {
  kind: FileKind
  /** `missing`: the index has it as downloaded but it is not in the library folder
   * (deleted, or the folder vanished); "Download again" can fetch it (issue 12 §3). */
  state: FileState | 'missing'
  /** Absolute path when known. */
  path: string | null
  bytes: number | null
  error: string | null
  /** The error's code in shared/error-codes.ts (FILE_ERROR_CODES) and its params: the UI
   * shows `errors.<code>`; absent for a text with no known template. */
  errorCode?: string
  errorParams?: Record<string, string | number>
}

/** Slim row for lists: no lyrics, no prompt, no raw JSON. */
export interface ClipRow {
  id: string
  taskId: string
  title: string
  styleTags: string | null
  model: string | null
  durationSec: number | null
  createdAt: number | null
  addedAt: number
  favorite: boolean
  plays: number
  lastPlayedAt: number | null
  userTags: string[]
  hasAudio: boolean
  hasVideo: boolean
  hasCover: boolean
  /** The animated cover is on disk (grid hover preview, detail). */
  hasVideoCover?: boolean
  /** 'done' when every wanted file is on disk; otherwise the "worst" state. */
  downloadState: FileState
  /** Suno's generation failed (status error): no file will ever arrive for it. */
  generationFailed: boolean
  /** Which take of its generation (1, 2, …, from upstream `batch_index`); null if unknown. */
  take?: number | null
  /** How many clips of its generation are in the library (the 2 of "take 1/2"). */
  takes?: number
  /** True when upstream says it has no vocals (`has_vocal: false`). */
  instrumental?: boolean
  /** The gateway's title when the user renamed the clip (`title` is then theirs); null or
   * absent when it was not renamed (shared/clip-title.ts). */
  originalTitle?: string | null
}

/** Another clip named from a detail (lineage): enough to tell its takes apart. */
export interface ClipRef {
  id: string
  title: string
  take?: number | null
  takes?: number
}

export interface ClipDetail extends ClipRow {
  lyrics: string | null
  descriptionPrompt: string | null
  majorModelVersion: string | null
  status: ClipStatus
  continueClipId: string | null
  continueAt: number | null
  /** Clips that extend this one. */
  extendedBy: ClipRef[]
  /** The parent, if it is in the library. */
  parent: ClipRef | null
  /** Other clips of the same task. */
  siblings: ClipRef[]
  files: ClipFile[]
  /** Where this clip came from (remaster, cover, stem, extend…); `title` when the other
   * clip is in the library. */
  lineage?: (LineageEdge & { title: string | null })[]
  stem?: ClipStem | null
  /** The user's own note (issue 13); null when there is none. */
  note?: string | null
}

// Requests the bridge validates are typed from their schemas (schemas.ts), never written
// twice: a field added here but not there would type-check and then fail at run time with
// invalid_request. Type-only imports, so neither the preload nor the renderer bundles zod.
export type LibraryFilter = z.input<typeof libraryFilter>
export type LibraryQuery = z.input<typeof libraryQuery>
export type SortKey = NonNullable<LibraryQuery['sort']>
export type SortDir = NonNullable<LibraryQuery['dir']>

export interface LibraryPage {
  rows: ClipRow[]
  total: number
  offset: number
  /** Where a search with a scope (`searchIn`) looked: 'fields' (titles, styles, prompts,
   * tags) or 'all' (lyrics too: asked for, or nothing matched elsewhere). */
  searchedIn?: 'fields' | 'all'
}

/** The rows of named clips (`clipRowsByIds`): a deleted id has no row; `matching` lists
 * the ids whose row matches the filter that was sent (all of them without one). */
export interface ClipRowsAnswer {
  rows: ClipRow[]
  matching: string[]
}

export interface FacetCount {
  value: string
  count: number
}

export interface Facets {
  total: number
  favorites: number
  withVideo: number
  /** Clips upstream marked as without vocals. */
  instrumental?: number
  userTags: FacetCount[]
  styleTags: FacetCount[]
  models: FacetCount[]
}

/** What the task list shows. `phase` is the user-facing state. */
export type TaskPhase =
  | 'waiting'
  | 'generating'
  | 'downloading'
  | 'done'
  | 'failed'
  | 'not_found'
  | 'stale'
  /** The gateway says it finished but sent no songs Songshelf understands. */
  | 'unreadable'

/** A task-level problem with a stable code, beside the state. */
export interface TaskProblem {
  code: 'unreadable_success'
  /** The gateway's answer as JSON text, without personal fields or credentials. */
  answer: string
  /** How many such answers came in a row. */
  answers: number
  /** False while Songshelf still asks again; true once it gave up. */
  final: boolean
}

export interface TaskRow {
  id: string
  state: TaskState
  phase: TaskPhase
  upstreamStatus: string
  failReason: string | null
  clipIds: string[]
  addedAt: number
  lastPolledAt: number | null
  nextPollAt: number | null
  /** Problems with individual files, in plain words. */
  fileErrors: {
    clipId: string
    kind: MediaKind
    error: string
    errorCode?: string
    errorParams?: Record<string, string | number>
  }[]
  filesDone: number
  filesTotal: number
  /** A LYRICS task's result (it has no songs). */
  lyrics: { title: string; text: string } | null
  /** Set when the phase is 'unreadable'. */
  problem?: TaskProblem | null
  /** Clips of this task that were not stored because their id is not a valid clip id. */
  refusedClips?: RefusedClip[]
}

export interface RefusedClip {
  /** The id as the gateway sent it (cut to 200 characters). */
  id: string
  reason: string
  /** What is wrong with it, for translated words; absent on refusals stored before it. */
  code?: RefusedClipCode
}

/** Why a clip id is refused: empty, over 128 characters, shaped like a path (`/`, `\\`,
 * `..`), with control or bidi characters, or with other characters a clip id never has. */
export type RefusedClipCode = 'empty' | 'too_long' | 'path' | 'control' | 'characters'

/** `offline`: the network itself is down; `unreachable`: the network is fine but the
 * gateway's host name, port or certificate is not (issue 13, defect 6).
 * `elsewhere`: another process (the CLI, the app, the preview) is syncing this data
 * folder; this one shows the library and takes over when that one stops. */
export type SyncStatus =
  'idle' | 'offline' | 'unreachable' | 'auth' | 'config' | 'paused' | 'disk_full' | 'elsewhere'

export interface SyncState {
  status: SyncStatus
  /** Plain words for the banner (English, for logs and the CLI); null when there is nothing to say. */
  message: string | null
  /** The message's code in shared/error-codes.ts: the app shows `errors.<code>` with
   * `messageParams` in the user's language instead of `message` (issue 13, defect 11). */
  messageCode?: string | null
  messageParams?: Record<string, string | number> | null
  pendingTasks: number
  activeDownloads: number
  queuedDownloads: number
  downloadsPaused: boolean
  lastPollAt: number | null
  nextPollAt: number | null
}

export interface DownloadProgress {
  clipId: string
  kind: MediaKind
  bytes: number
  total: number | null
  /** Bytes per second, smoothed. */
  rate: number
}

/** An error that crosses a boundary: a stable code and a plain message. */
export interface AppErrorData {
  /** One of shared/error-codes.ts; the renderer shows `errors.<code>` with `params`. */
  code: string
  /** English, for logs and the CLI. */
  message: string
  params?: Record<string, string | number>
}
