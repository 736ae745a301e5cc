import type { MediaKind, NormalizedTask, TaskState } from '../../../shared/domain'

// The seam between the sync engine and the library index. The sync engine reports
// what the gateway said and what the downloads did; the library stores it and decides
// where files live. Implemented by `LibraryStore` (core/library/store.ts).

export interface StoredTask {
  id: string
  state: TaskState
  upstreamStatus: string
  failReason: string | null
  /** Unix ms. */
  addedAt: number
  lastPolledAt: number | null
  nextPollAt: number | null
  /** Consecutive "task_not_exist" answers. */
  notFoundCount: number
  stale: boolean
}

export interface DownloadJob {
  clipId: string
  taskId: string
  kind: MediaKind
  url: string
  /** Absolute final path inside the library; the download writes `${targetPath}.part`. */
  targetPath: string
  attempts: number
}

export type FileResult =
  | { state: 'done'; path: string; bytes: number; sha256: string }
  | { state: 'pending'; error: string | null }
  | { state: 'failed'; error: string }

export interface TaskPollPatch {
  lastPolledAt: number
  nextPollAt: number | null
  notFoundCount?: number
  stale?: boolean
}

export interface SyncStore {
  /** Runs many writes in one transaction (a whole poll's answers). */
  batch<T>(fn: () => T): T
  /** Adds new ids as pending tasks; ids already known are reported, not changed. */
  addTasks(ids: string[], now: number): { added: string[]; known: string[] }
  /** Pending tasks that are due: `nextPollAt` null or ≤ now. */
  tasksToPoll(now: number): StoredTask[]
  /** Every task still pending (due or not). */
  pendingTasks(): StoredTask[]
  /** Count of pending tasks and the soonest `nextPollAt` (0 when one is due now, null
   * when none is pending), without loading them: the engine asks on every state change. */
  pendingSummary(): { count: number; nextPollAt: number | null }
  getTask(id: string): StoredTask | null
  recordPoll(id: string, patch: TaskPollPatch): void
  /** Stores the task, its clips and a file row per media kind. Files with a usable link
   * become `pending` jobs; stream links stay `pending` with a plain-words error and no
   * job; forbidden or invalid links become `failed`; no link → `absent`. Video files
   * are `absent` when `downloadVideo` is false. */
  recordTaskResult(task: NormalizedTask, now: number, opts: { downloadVideo: boolean }): void
  markTaskNotFound(id: string, now: number): void
  /** Gives up on a task (e.g. no answer after 24 h) with a plain reason. */
  markTaskFailed(id: string, reason: string, now: number): void
  /** Pending files that have a link, oldest first; at most `limit` when given (the queue
   * only needs the next few, and a long queue must not cost a full scan per file). */
  downloadJobs(limit?: number): DownloadJob[]
  /** How many pending files have a link (all clips, or one clip). */
  countDownloadJobs(clipId?: string): number
  /** Records a download's result. When it leaves the clip no pending media, the library
   * itself writes the sidecar and the ID3 tags (library/finish-queue.ts). */
  setFileResult(clipId: string, kind: MediaKind, result: FileResult): void
  /** Puts failed files whose error matches back in the queue (a sync starting retries
   * local failures: a read-only or missing folder, EIO, a clash). Optional for fakes. */
  requeueFailedFiles?(errors: FailedFileMatch): number
}

/** What "download again" needs from the library (redownload.ts, missing-files.ts). */
export interface RedownloadStore {
  /** Media files missing from the library folder or failed, of these clips (or all). */
  filesToFetchAgain(
    clipIds?: readonly string[],
    kind?: MediaKind
  ): { clipId: string; taskId: string; kind: MediaKind; state: 'missing' | 'failed' }[]
  /** Queues the file with a fresh link; false when there was nothing to queue. */
  queueWithLink(clipId: string, kind: MediaKind, url: string): boolean
}

/** Which stored file errors to match: exact texts, or texts starting with a prefix. */
export interface FailedFileMatch {
  equal: readonly string[]
  prefixes: readonly string[]
}
