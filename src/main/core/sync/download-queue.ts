import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { DownloadProgress, MediaKind } from '../../../shared/domain'
import { downloadFile, type DownloadOutcome } from './download'
import { failure, LIBRARY_MISSING_MESSAGE, LOCAL_FAILURES } from './download-outcome'
import { hasPartSync } from './part-file'
import { downloadRetryDelay } from './schedule'
import type { DownloadJob, SyncStore } from './store-port'

// Runs the store's pending downloads with bounded concurrency. Links expire, so a job
// starts the moment a clip is complete; failures are retried with backoff up to a budget;
// a full disk pauses the whole queue instead of failing every file in a loop (RELIABILITY.md E8).

export const MAX_ATTEMPTS = 5

export interface QueueDeps {
  store: SyncStore
  concurrency: () => number
  now: () => number
  random: () => number
  setTimer: (fn: () => void, ms: number) => { cancel(): void }
  download?: typeof downloadFile
  /** Per-download options (timeouts, size cap) for tests and settings. */
  downloadOptions?: {
    maxBytes?: number
    connectTimeoutMs?: number
    idleTimeoutMs?: number
    fetch?: typeof fetch
  }
  onDiskFull: (message: string) => void
  onChange: () => void
  /** False while another process is the writer of this data folder (writer-role.ts). */
  canStart?: () => boolean
}

interface Active {
  job: DownloadJob
  controller: AbortController
  /** Still on the network; false once the body is in and the file is being made durable
   * (fsync, rename, read-back), which no longer takes a connection slot. */
  receiving: boolean
  bytes: number
  total: number | null
  startedAt: number
  promise: Promise<void>
}

const LIBRARY_GONE: DownloadOutcome = {
  ok: false,
  code: 'io',
  message: LIBRARY_MISSING_MESSAGE,
  retryable: false,
  resumable: true
}

/** Creates the month folder inside the library, but never the library folder itself: a
 * missing root means an unplugged drive, and recreating it would scatter files onto
 * the system disk. */
async function ensureFolder(targetPath: string): Promise<boolean> {
  try {
    await mkdir(dirname(targetPath))
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return true
    if (code === 'ENOENT') return false
    throw error
  }
}

function errnoOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'unknown error'
}

const keyOf = (clipId: string, kind: MediaKind): string => `${clipId}:${kind}`

export class DownloadQueue {
  private readonly active = new Map<string, Active>()
  /** Jobs waiting out a retry delay: key → earliest start. */
  private readonly notBefore = new Map<string, number>()
  /** Attempts made in this session, on top of what the store remembers. */
  private readonly attempts = new Map<string, number>()
  private wakeTimer: { cancel(): void } | null = null
  private paused = false
  private stopped = false

  constructor(private readonly deps: QueueDeps) {}

  get isPaused(): boolean {
    return this.paused
  }

  activeCount(): number {
    return this.active.size
  }

  /** Downloads holding a connection: what the concurrency setting limits. */
  private receivingCount(): number {
    let count = 0
    for (const a of this.active.values()) if (a.receiving) count++
    return count
  }

  /** Jobs the store has that are not running now: one count query, because state()
   * asks on every download start and finish (a scan of pending jobs cost 49 ms at 8,264
   * queued files). A running job stays pending in the store until it settles. */
  queuedCount(): number {
    return Math.max(0, this.deps.store.countDownloadJobs() - this.active.size)
  }

  progress(): DownloadProgress[] {
    const now = this.deps.now()
    return [...this.active.values()].map((a) => ({
      clipId: a.job.clipId,
      kind: a.job.kind,
      bytes: a.bytes,
      total: a.total,
      rate: a.bytes / Math.max(0.001, (now - a.startedAt) / 1000)
    }))
  }

  pause(): void {
    this.paused = true
    this.deps.onChange()
  }

  resume(): void {
    this.paused = false
    this.notBefore.clear()
    this.kick()
    this.deps.onChange()
  }

  /** Forget retry delays (e.g. the network came back) and start what can start. */
  retryNow(): void {
    this.notBefore.clear()
    this.kick()
  }

  /** Re-queues the files that failed for local reasons in an earlier run. */
  requeueLocalFailures(): number {
    return this.deps.store.requeueFailedFiles?.(LOCAL_FAILURES) ?? 0
  }

  /** Starts jobs until the concurrency limit is reached. */
  kick(): void {
    if (this.paused || this.stopped || this.deps.canStart?.() === false) return
    const now = this.deps.now()
    let soonest = Infinity
    // Only the head of the queue matters: enough rows to fill the free slots past the
    // running and the waiting-for-retry ones.
    const limit = this.deps.concurrency() + this.active.size + this.notBefore.size
    for (const job of this.deps.store.downloadJobs(limit)) {
      if (this.receivingCount() >= this.deps.concurrency()) break
      const key = keyOf(job.clipId, job.kind)
      if (this.active.has(key)) continue
      const wait = this.notBefore.get(key)
      if (wait !== undefined && wait > now) {
        soonest = Math.min(soonest, wait)
        continue
      }
      this.start(job)
    }
    this.wakeTimer?.cancel()
    this.wakeTimer = null
    if (soonest !== Infinity) this.wakeTimer = this.deps.setTimer(() => this.kick(), soonest - now)
  }

  /** Aborts running downloads (their `.part` files stay for resume) and waits for them. */
  async stop(): Promise<void> {
    this.stopped = true
    this.wakeTimer?.cancel()
    for (const a of this.active.values()) a.controller.abort()
    await Promise.allSettled([...this.active.values()].map((a) => a.promise))
  }

  /** Resolves when nothing is running (used by `songshelf sync --until-done`). */
  async idle(): Promise<void> {
    while (this.active.size > 0)
      await Promise.allSettled([...this.active.values()].map((a) => a.promise))
  }

  private start(job: DownloadJob): void {
    const key = keyOf(job.clipId, job.kind)
    this.notBefore.delete(key)
    const controller = new AbortController()
    const entry: Active = {
      job,
      controller,
      receiving: true,
      bytes: 0,
      total: null,
      startedAt: this.deps.now(),
      promise: Promise.resolve()
    }
    this.active.set(key, entry)
    const download = this.deps.download ?? downloadFile
    // The month folder is made while the request is on its way (the download waits for
    // it before it writes): each disk operation before the request cost up to 100 ms on a
    // busy disk, time the connection sat idle (issue 14 §5).
    const folder: Promise<DownloadOutcome | null> = ensureFolder(job.targetPath).then(
      (ready) => (ready ? null : LIBRARY_GONE),
      (error: unknown): DownloadOutcome => ({
        // Creating the month folder failed (EACCES on a read-only library, ENOTDIR, EIO):
        // a local failure that the next sync retries (LOCAL_FAILURES).
        ...failure('io', job.kind, { detail: errnoOf(error) }),
        retryable: true
      })
    )
    entry.promise = download({
      url: job.url,
      targetPath: job.targetPath,
      kind: job.kind,
      signal: controller.signal,
      ...this.deps.downloadOptions,
      // A file never tried before has no `.part` to continue, so its request need not
      // wait for the disk (a retry looks for one first, to resume with Range). A process
      // killed mid-download leaves attempts at 0 and a `.part` behind: sending the fresh
      // request anyway transferred megabytes before it was cancelled (cli-resume test).
      requestFirst: job.attempts === 0 && !this.attempts.has(key) && !hasPartSync(job.targetPath),
      prepare: () => folder,
      onProgress: (bytes, total) => {
        entry.bytes = bytes
        entry.total = total
      },
      // The next transfer starts while this file is synced to disk: on a busy disk
      // an fsync per file held the slot and halved a 200-clip sync (issue 14 §5).
      onReceived: () => {
        entry.receiving = false
        this.kick()
      }
    })
      // A download that did not wait for the folder (a test's stand-in) gets its verdict.
      .then(async (outcome) => (await folder) ?? outcome)
      .catch((error: unknown): DownloadOutcome => ({
        ...failure('io', job.kind, { detail: errnoOf(error) }),
        retryable: true
      }))
      .then((outcome) => {
        this.active.delete(key)
        this.settle(job, outcome)
        this.kick()
        this.deps.onChange()
      })
    this.deps.onChange()
  }

  private settle(job: DownloadJob, outcome: DownloadOutcome): void {
    const key = keyOf(job.clipId, job.kind)
    const { store } = this.deps
    if (outcome.ok) {
      this.attempts.delete(key)
      store.setFileResult(job.clipId, job.kind, {
        state: 'done',
        path: outcome.path,
        bytes: outcome.bytes,
        sha256: outcome.sha256
      })
      return
    }
    if (outcome.code === 'aborted' && this.stopped) return
    if (outcome.code === 'disk_full' || outcome === LIBRARY_GONE) {
      store.setFileResult(job.clipId, job.kind, { state: 'pending', error: outcome.message })
      this.paused = true
      this.deps.onDiskFull(outcome.message)
      return
    }
    const attempt = Math.max(job.attempts, this.attempts.get(key) ?? 0) + 1
    this.attempts.set(key, attempt)
    // A 403 from the CDN sometimes clears on a second try (GATEWAY.md#media-links); once, not more.
    const budget = outcome.code === 'forbidden' ? 2 : outcome.retryable ? MAX_ATTEMPTS : 1
    if (attempt < budget) {
      store.setFileResult(job.clipId, job.kind, { state: 'pending', error: outcome.message })
      this.notBefore.set(key, this.deps.now() + downloadRetryDelay(attempt, this.deps.random))
    } else {
      store.setFileResult(job.clipId, job.kind, { state: 'failed', error: outcome.message })
    }
  }
}
