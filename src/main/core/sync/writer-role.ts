import { acquireWriterLock, type LockHolder, type WriterLock } from './writer-lock'

// Which process syncs a data folder. The first to start takes the writer lock and runs the
// engine; a later app or preview waits in standby — the library stays browsable, tasks can
// be added — and becomes the writer when the lock frees. `songshelf sync` does not wait:
// it says who is syncing and exits (see src/cli/commands/sync.ts).

export const STANDBY_RETRY_MS = 3000

export interface WriterRoleDeps {
  dataDir: string
  who: string
  /** This process became the writer: start the engine. */
  onWriter: () => void
  /** Another process is the writer (called again if the holder changes). */
  onStandby: (holder: LockHolder) => void
  retryMs?: number
}

export class WriterRole {
  private lock: WriterLock | null = null
  private holder: LockHolder | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private active = false

  constructor(private readonly deps: WriterRoleDeps) {}

  /** True while this process holds the lock. */
  get isWriter(): boolean {
    return this.lock !== null
  }

  /** The other process holding the lock, while this one waits. */
  get otherWriter(): LockHolder | null {
    return this.lock === null ? this.holder : null
  }

  /** Tries to become the writer now; keeps trying in the background when it cannot. */
  claim(): boolean {
    this.active = true
    this.attempt()
    return this.isWriter
  }

  /** Stops trying and gives the lock back (call after the engine has stopped). */
  release(): void {
    this.active = false
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.lock?.release()
    this.lock = null
  }

  private attempt(): void {
    this.timer = null
    if (!this.active || this.lock !== null) return
    let result: ReturnType<typeof acquireWriterLock>
    try {
      result = acquireWriterLock(this.deps.dataDir, this.deps.who)
    } catch {
      // An unwritable data folder: the index cannot be written either, so stay in standby
      // and say nothing new; the next attempt may succeed.
      this.schedule()
      return
    }
    if (result.ok) {
      this.lock = result.lock
      this.holder = null
      this.deps.onWriter()
      return
    }
    if (this.holder?.token !== result.holder.token) {
      this.holder = result.holder
      this.deps.onStandby(result.holder)
    }
    this.schedule()
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.attempt(), this.deps.retryMs ?? STANDBY_RETRY_MS)
    // A waiting preview or app must not keep a process alive on its own.
    this.timer.unref?.()
  }
}
