import type { DownloadProgress, SyncState, SyncStatus } from '../../../shared/domain'
import { GatewayError, isRetryable, type GatewayClient } from '../gateway/client'
import { isAuthError } from '../gateway/errors'
import { DownloadQueue, type QueueDeps } from './download-queue'
import { LIBRARY_MISSING_MESSAGE } from './download-outcome'
import { pollOnce } from './poller'
import { backoffDelay, policyFor, type PollPolicy } from './schedule'
import type { SyncStore } from './store-port'

// The sync engine: a poll loop and a download queue over the library's store. Offline,
// a bad key and a full disk are states the user sees, not crashes; every task is kept.
// It only writes through the store: the library announces each write itself and finishes
// a clip whose last file settled (library/changes.ts, library/finish-queue.ts).

export interface Timer {
  cancel(): void
}

export interface SyncEngineDeps {
  store: SyncStore
  /** The gateway client for the current settings, or a config problem in plain words. */
  client: () => GatewayClient | { problem: string }
  settings: () => {
    pollIntervalSec: number
    downloadConcurrency: number
    downloadVideo: boolean
    baseUrl?: string
  }
  now?: () => number
  random?: () => number
  setTimer?: (fn: () => void, ms: number) => Timer
  /** Overrides for tests (short intervals) and the CLI (--poll-interval). */
  policy?: Partial<PollPolicy>
  downloadOptions?: QueueDeps['downloadOptions']
  download?: QueueDeps['download']
  onState?: (state: SyncState) => void
  onProgress?: (items: DownloadProgress[]) => void
  /** Milliseconds between progress events (the UI does not need more). */
  progressIntervalMs?: number
}

const realTimer = (fn: () => void, ms: number): Timer => {
  const handle = setTimeout(fn, Math.max(0, Math.min(ms, 2 ** 31 - 1)))
  return { cancel: () => clearTimeout(handle) }
}

export class SyncEngine {
  private readonly now: () => number
  private readonly random: () => number
  private readonly setTimer: (fn: () => void, ms: number) => Timer
  readonly queue: DownloadQueue
  private status: SyncStatus = 'idle'
  private message: string | null = null
  private messageCode: string | null = null
  private messageParams: Record<string, string | number> | null = null
  private pollTimer: Timer | null = null
  private progressTimer: Timer | null = null
  private polling: Promise<void> | null = null
  private pollAgain = false
  private failures = 0
  private backoffUntil = 0
  private lastPollAt: number | null = null
  /** The base URL that last answered like a gateway (see handleError). */
  private answeredFrom: string | null = null
  private nextPollAt: number | null = null
  private running = false
  private readonly abort = new AbortController()
  private readonly waiters = new Set<() => void>()
  /** The last state given to onState, serialised (changed() sends only a different one). */
  private lastSent: string | null = null

  constructor(private readonly deps: SyncEngineDeps) {
    this.now = deps.now ?? Date.now
    this.random = deps.random ?? Math.random
    this.setTimer = deps.setTimer ?? realTimer
    this.queue = new DownloadQueue({
      store: deps.store,
      concurrency: () => deps.settings().downloadConcurrency,
      now: this.now,
      random: this.random,
      setTimer: this.setTimer,
      download: deps.download,
      downloadOptions: deps.downloadOptions,
      // The queue pauses alike for a full disk and a library folder that went away; the
      // code tells the app which one to say (LIBRARY_MISSING_MESSAGE is the queue's own).
      onDiskFull: (message) =>
        this.setStatus(
          'disk_full',
          message,
          message === LIBRARY_MISSING_MESSAGE ? 'file_library_missing' : 'file_disk_full'
        ),
      onChange: () => this.changed(),
      canStart: () => this.status !== 'elsewhere'
    })
  }

  private policy(): PollPolicy {
    return { ...policyFor(this.deps.settings().pollIntervalSec), ...this.deps.policy }
  }

  start(): void {
    if (this.running) return
    if (this.status === 'elsewhere') this.setStatus('idle', null)
    this.running = true
    this.queue.requeueLocalFailures()
    this.queue.kick()
    this.wake(0)
  }

  /** Another process is the writer: nothing is polled or downloaded until start(). */
  standby(message: string, params: Record<string, string | number> | null = null): void {
    if (this.running) return
    this.setStatus('elsewhere', message, 'already_syncing', params)
  }

  async stop(): Promise<void> {
    this.running = false
    this.abort.abort()
    this.pollTimer?.cancel()
    this.progressTimer?.cancel()
    await this.polling?.catch(() => undefined)
    await this.queue.stop()
    this.notifyWaiters()
  }

  /** The gateway client for the current settings, or why there is none (config). */
  gatewayClient(): GatewayClient | { problem: string } {
    return this.deps.client()
  }

  /** Poll as soon as possible (ids added, network back, woke from sleep, user asked). */
  pollNow(): void {
    this.backoffUntil = 0
    if (['auth', 'config', 'offline', 'unreachable'].includes(this.status)) {
      this.setStatus('idle', null)
    }
    this.queue.retryNow()
    this.wake(0)
  }

  /** The user's "Check now": every pending task is due at once, not only the ones
   * whose turn it is. */
  checkAllNow(): void {
    const now = this.now()
    const { store } = this.deps
    // One transaction, so the library announces one change for all of them.
    store.batch(() => {
      for (const task of store.pendingTasks()) {
        if (task.nextPollAt !== null && task.nextPollAt > now) {
          store.recordPoll(task.id, { lastPolledAt: task.lastPolledAt ?? 0, nextPollAt: now })
        }
      }
    })
    this.pollNow()
  }

  pauseDownloads(): void {
    this.queue.pause()
    if (this.status !== 'disk_full' && this.status !== 'elsewhere') this.setStatus('paused', null)
  }

  resumeDownloads(): void {
    if (this.status === 'disk_full' || this.status === 'paused') this.setStatus('idle', null)
    this.queue.resume()
  }

  state(): SyncState {
    return {
      status: this.status,
      message: this.message,
      messageCode: this.messageCode,
      messageParams: this.messageParams,
      pendingTasks: this.deps.store.pendingSummary().count,
      activeDownloads: this.queue.activeCount(),
      queuedDownloads: this.queue.queuedCount(),
      downloadsPaused: this.queue.isPaused,
      lastPollAt: this.lastPollAt,
      nextPollAt: this.nextPollAt
    }
  }

  /** Resolves when no task is pending and no download can make progress — or when the
   * engine stops for a reason only the user can fix (auth, config, disk full). */
  async untilDone(): Promise<void> {
    for (;;) {
      if (!this.running) return
      if (['auth', 'config', 'disk_full', 'elsewhere'].includes(this.status)) return
      const pending = this.deps.store.pendingSummary().count
      const jobs = this.deps.store.countDownloadJobs()
      if (pending === 0 && jobs === 0 && this.queue.activeCount() === 0 && !this.polling) return
      await new Promise<void>((resolve) => this.waiters.add(resolve))
    }
  }

  private notifyWaiters(): void {
    for (const waiter of [...this.waiters]) waiter()
    this.waiters.clear()
  }

  private changed(): void {
    // One `sync-state` per real transition: a download starting and finishing, a poll
    // cycle ending or a status set again to what it was leave most fields as they were,
    // and a state equal to the last one sent is not sent again (issue 11).
    if (this.deps.onState) {
      const state = this.state()
      const key = JSON.stringify(state)
      if (key !== this.lastSent) {
        this.lastSent = key
        this.deps.onState(state)
      }
    }
    this.scheduleProgress()
    this.notifyWaiters()
  }

  private scheduleProgress(): void {
    if (this.progressTimer || !this.deps.onProgress) return
    const tick = (): void => {
      this.progressTimer = null
      if (this.queue.activeCount() === 0) return
      this.deps.onProgress?.(this.queue.progress())
      this.progressTimer = this.setTimer(tick, this.deps.progressIntervalMs ?? 250)
    }
    this.progressTimer = this.setTimer(tick, this.deps.progressIntervalMs ?? 250)
  }

  private setStatus(
    status: SyncStatus,
    message: string | null,
    code: string | null = null,
    params: Record<string, string | number> | null = null
  ): void {
    if (this.status === status && this.message === message) return
    this.status = status
    this.message = message
    this.messageCode = message === null ? null : code
    this.messageParams = message === null ? null : params
    this.changed()
  }

  /** (Re)arms the poll timer for `delayMs`, or for the next due task. */
  private wake(delayMs?: number): void {
    if (!this.running) return
    this.pollTimer?.cancel()
    const now = this.now()
    let at: number
    if (delayMs !== undefined) at = now + delayMs
    else {
      const { nextPollAt } = this.deps.store.pendingSummary()
      if (nextPollAt === null) {
        this.nextPollAt = null
        this.changed()
        // Nothing is pending here, but another process (`songshelf add` beside the app or
        // the preview) may write a task straight into the index: look again after the
        // poll interval instead of sleeping until this process adds one itself. The look
        // is one indexed query; no request goes to the gateway while nothing is due.
        this.pollTimer = this.setTimer(() => void this.cycle(), this.policy().youngIntervalMs)
        return
      }
      at = Math.max(nextPollAt, 0) === 0 ? now : nextPollAt
    }
    at = Math.max(at, this.backoffUntil)
    this.nextPollAt = at
    this.pollTimer = this.setTimer(() => void this.cycle(), at - now)
  }

  private async cycle(): Promise<void> {
    if (this.polling) {
      this.pollAgain = true
      return
    }
    this.polling = this.runCycle().finally(() => {
      this.polling = null
      if (this.pollAgain) {
        this.pollAgain = false
        this.wake(0)
      } else this.wake()
      this.changed()
    })
    await this.polling
  }

  private async runCycle(): Promise<void> {
    if (this.status === 'auth' || this.status === 'config') return
    const client = this.deps.client()
    if ('problem' in client) {
      if (this.deps.store.pendingSummary().count > 0) this.setStatus('config', client.problem)
      return
    }
    const now = this.now()
    const outcome = await pollOnce(
      {
        store: this.deps.store,
        client,
        policy: this.policy(),
        downloadVideo: this.deps.settings().downloadVideo,
        signal: this.abort.signal
      },
      now
    )
    if (outcome.kind === 'idle') return
    this.lastPollAt = now
    if (outcome.kind === 'ok') {
      if (outcome.polled > 0) this.answeredFrom = this.deps.settings().baseUrl ?? ''
      this.failures = 0
      this.backoffUntil = 0
      if (['offline', 'unreachable', 'idle'].includes(this.status)) {
        this.setStatus(this.queue.isPaused ? this.status : 'idle', null)
      }
      this.queue.kick()
      return
    }
    this.handleError(outcome.error)
  }

  private handleError(error: GatewayError): void {
    if (!this.running) return
    if (isAuthError(error)) {
      // Bad key, no credit, IP list: pause polling and say why; every task is kept.
      this.setStatus('auth', error.message, error.code)
      return
    }
    // A web page from an address that has never answered like a gateway means a wrong
    // base URL; from one that has, it is a passing proxy, captive or challenge page, which
    // backs off and retries like a 5xx (GATEWAY.md#errors) instead of stopping
    // every download until the user notices.
    const answered = this.answeredFrom === (this.deps.settings().baseUrl ?? '')
    if (error.code === 'bad_request' || (error.code === 'not_gateway' && !answered)) {
      this.setStatus('config', error.message, error.code)
      return
    }
    this.failures += 1
    this.backoffUntil =
      this.now() + backoffDelay(this.failures, this.policy(), this.random, error.retryAfterMs)
    if (error.code === 'network') this.setStatus('offline', error.message, error.code)
    else if (['dns', 'refused', 'tls'].includes(error.code))
      this.setStatus('unreachable', error.message, error.code)
    else if (isRetryable(error)) this.setStatus('idle', error.message, error.code)
  }
}
