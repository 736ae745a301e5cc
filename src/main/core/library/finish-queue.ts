import { createDrain, type Drain } from './drain'
import type { Logger } from './types'

// The finish queue: what the library does once a clip's last file has settled, by
// itself, without the sync engine or the core asking. store.ts queues a clip when a
// download result leaves it no pending media; the work (ID3 tags into the mp3, then the
// sidecar: finalize.ts) runs one clip at a time after the result has committed. The same
// queue finishes the leftovers a kill or a full disk left unwritten: at start-up (once
// this process is the data folder's writer) and on resume, slice by slice, yielding to
// the event loop between slices, so a 100 000-clip library stays responsive meanwhile.
// close() stops the leftover sweep and waits for the clips already queued.

export interface LeftoverSlices {
  /** One slice of unfinished clips from `afterPk` (0 first), and where the next starts. */
  slice(afterPk: number): { clipIds: string[]; nextPk: number | null }
  /** Runs once before the first slice (the start-up sweep of a kill's temp copies). */
  before?: () => Promise<unknown>
}

export class FinishQueue {
  private readonly queued = new Map<string, (() => void)[]>()
  private readonly drain: Drain
  private readonly sweeps = new Set<Promise<void>>()
  private stopped = false

  constructor(
    finish: (clipId: string) => Promise<void>,
    private readonly logger: Logger
  ) {
    this.drain = createDrain(
      this.queued,
      async (clipId, waiters) => {
        try {
          await finish(clipId)
        } finally {
          for (const resolve of waiters ?? []) resolve()
        }
      },
      { logger, message: 'Could not finish a clip', field: 'clipId' }
    )
  }

  /** Queues a clip (once, however often it is asked); resolves when its turn has run. */
  add(clipId: string): Promise<void> {
    return new Promise<void>((resolve) => {
      const waiters = this.queued.get(clipId)
      if (waiters) waiters.push(resolve)
      else this.queued.set(clipId, [resolve])
      this.drain.kick()
    })
  }

  /** Finishes every leftover clip, slice by slice; the returned promise is also tracked
   * by flush(). */
  leftovers(source: LeftoverSlices): Promise<void> {
    const sweep = (async (): Promise<void> => {
      await source.before?.()
      let after: number | null = 0
      while (after !== null && !this.stopped) {
        await new Promise<void>((resolve) => setImmediate(resolve))
        if (this.stopped) return
        const slice = source.slice(after)
        for (const clipId of slice.clipIds) {
          if (this.stopped) return
          await this.add(clipId)
        }
        after = slice.nextPk
      }
    })()
      .catch((error: unknown) => {
        this.logger.warn('Could not finish the leftover clips', {
          error: (error as Error).message
        })
      })
      .finally(() => this.sweeps.delete(sweep))
    this.sweeps.add(sweep)
    return sweep
  }

  /** Waits until every queued clip and every leftover sweep is done. */
  async flush(): Promise<void> {
    while (this.drain.running !== null || this.sweeps.size > 0) {
      await Promise.allSettled([this.drain.running, ...this.sweeps])
    }
  }

  /** Stops the leftover sweeps (the next start picks them up again); clips already queued
   * are still finished, and flush() waits for them. */
  stop(): void {
    this.stopped = true
  }
}
