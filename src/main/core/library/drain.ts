import type { Logger } from './types'

// The one drain loop behind the library's background queues (finish-queue.ts,
// sidecar-queue.ts): the items waiting in `pending` (a Set, or a Map keyed by item) are
// taken one at a time, in order, each removed before its work runs so that a new request
// for it during the work queues it again. The loop starts on a later tick, because
// requests arrive inside write transactions and the work must see what was committed, and
// it starts again when work arrived while it ran. A failure is logged and the loop goes on.

export interface Drain {
  /** Starts the loop unless it runs already or nothing waits. */
  kick(): void
  /** The running loop, or null when idle. */
  readonly running: Promise<void> | null
  /** Resolves once nothing runs and nothing waits. */
  idle(): Promise<void>
}

export function createDrain<K, V>(
  pending: Set<K> | Map<K, V>,
  work: (item: K, value: V | undefined) => Promise<void>,
  failed: { logger: Logger; message: string; field: string }
): Drain {
  let running: Promise<void> | null = null

  const loop = async (): Promise<void> => {
    // A Set or Map visits what is added while it is iterated, so late arrivals run too.
    for (const item of pending.keys()) {
      const value = pending instanceof Map ? pending.get(item) : undefined
      pending.delete(item)
      try {
        await work(item, value)
      } catch (error) {
        failed.logger.warn(failed.message, {
          [failed.field]: item,
          error: (error as Error).message
        })
      }
    }
  }

  const kick = (): void => {
    if (running !== null || pending.size === 0) return
    running = Promise.resolve()
      .then(loop)
      .finally(() => {
        running = null
        kick()
      })
  }

  return {
    kick,
    get running() {
      return running
    },
    async idle() {
      while (running !== null) await running
    }
  }
}
