import type { Logger } from './types'

// Sidecar rewrites after tag, favourite and metadata changes. The database change is
// synchronous and answers the user at once; the files follow in the background, one at
// a time, and a clip changed five times before its turn is written once, with its latest
// state. flush() waits for all of it (tests, close, the CLI before it exits).

export class SidecarQueue {
  private readonly dirty = new Set<number>()
  private running: Promise<void> | null = null

  constructor(
    private readonly write: (pk: number) => Promise<void>,
    private readonly logger: Logger
  ) {}

  mark(pks: Iterable<number>): void {
    for (const pk of pks) this.dirty.add(pk)
    this.start()
  }

  /** Drops clips that no longer exist (deleted) from the queue. */
  forget(pks: Iterable<number>): void {
    for (const pk of pks) this.dirty.delete(pk)
  }

  get size(): number {
    return this.dirty.size
  }

  async flush(): Promise<void> {
    while (this.running !== null) await this.running
  }

  private start(): void {
    if (this.running !== null || this.dirty.size === 0) return
    // Deferred to a later tick: mark() is called inside write transactions, and the
    // sidecar must show what was committed, not what might still roll back.
    this.running = Promise.resolve()
      .then(() => this.drain())
      .finally(() => {
        this.running = null
        this.start()
      })
  }

  private async drain(): Promise<void> {
    for (const pk of this.dirty) {
      this.dirty.delete(pk)
      try {
        await this.write(pk)
      } catch (error) {
        this.logger.warn('Could not rewrite a sidecar', { pk, error: (error as Error).message })
      }
    }
  }
}
