import { createDrain, type Drain } from './drain'
import type { Logger } from './types'

// Sidecar rewrites after tag, favourite and metadata changes. The database change is
// synchronous and answers the user at once; the files follow in the background, one at
// a time, and a clip changed five times before its turn is written once, with its latest
// state. flush() waits for all of it (tests, close, the CLI before it exits).

export class SidecarQueue {
  private readonly dirty = new Set<number>()
  private readonly drain: Drain

  constructor(write: (pk: number) => Promise<void>, logger: Logger) {
    this.drain = createDrain(this.dirty, (pk) => write(pk), {
      logger,
      message: 'Could not rewrite a sidecar',
      field: 'pk'
    })
  }

  mark(pks: Iterable<number>): void {
    for (const pk of pks) this.dirty.add(pk)
    this.drain.kick()
  }

  /** Drops clips that no longer exist (deleted) from the queue. */
  forget(pks: Iterable<number>): void {
    for (const pk of pks) this.dirty.delete(pk)
  }

  get size(): number {
    return this.dirty.size
  }

  async flush(): Promise<void> {
    await this.drain.idle()
  }
}
