import { randomBytes } from 'node:crypto'
import type { Logger } from '../types'
import type { UndoKind, UndoResult } from '../../../../shared/undo'

// The last few undoable actions of this process (delete, tag delete/merge/rename, bulk
// favourite), each with its inverse. An entry lives for a window; when it closes, or
// when the library closes, its `expire` runs (a delete's files go to the final trash).
// Undo is by id, so a window undoes exactly the action its toast named.

export const UNDO_WINDOW_MS = 5 * 60_000
export const UNDO_ENTRIES = 20

interface Entry {
  kind: UndoKind
  undo(): Promise<number>
  expire(): Promise<void>
  timer: ReturnType<typeof setTimeout>
}

export class UndoLog {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly logger: Logger,
    private readonly windowMs = UNDO_WINDOW_MS
  ) {}

  /** Remembers an action's inverse; returns the id its undo is asked with. */
  record(
    kind: UndoKind,
    undo: () => Promise<number> | number,
    expire: () => Promise<void> = async () => undefined
  ): string {
    const id = `${kind}-${randomBytes(6).toString('hex')}`
    const timer = setTimeout(() => void this.drop(id), this.windowMs)
    timer.unref?.()
    this.entries.set(id, { kind, undo: async () => undo(), expire, timer })
    while (this.entries.size > UNDO_ENTRIES) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      void this.drop(oldest)
    }
    return id
  }

  /** Runs the inverse once. `undone: false` when the window closed (or it already ran). */
  async undo(id: string): Promise<UndoResult> {
    const entry = this.entries.get(id)
    if (entry === undefined) return { undone: false, kind: null, count: 0 }
    this.entries.delete(id)
    clearTimeout(entry.timer)
    try {
      const count = await entry.undo()
      return { undone: true, kind: entry.kind, count }
    } finally {
      // Whatever the inverse could not put back goes where the action sent it.
      await entry.expire().catch((error: unknown) => this.logger.warn('undo cleanup', error))
    }
  }

  private async drop(id: string): Promise<void> {
    const entry = this.entries.get(id)
    if (entry === undefined) return
    this.entries.delete(id)
    clearTimeout(entry.timer)
    await entry.expire().catch((error: unknown) => this.logger.warn('undo expiry', error))
  }

  /** Closes every window now (the library is closing). */
  async closeAll(): Promise<void> {
    for (const id of [...this.entries.keys()]) await this.drop(id)
  }
}
