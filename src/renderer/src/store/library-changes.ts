import type { LibraryChange } from '../../../shared/library-change'
import type { ClipsBatch } from './library-patch'

// Library changes arrive one IPC message at a time (a task's 6 files send about ten). The
// renderer applies them once per animation frame, merged over their ids, never after a
// wall-clock delay: what arrives within one frame is one read; what arrives while that
// read runs is the next one.

export interface ChangeBatch {
  /** Everything may differ (a `reset` in the batch). */
  reset: boolean
  /** The merged `clips` changes; null when there were none. */
  clips: ClipsBatch | null
}

export type Schedule = (run: () => void) => void

/** The next animation frame while the page is shown (a hidden window applies its changes
 * when it is shown again, merged); a microtask where there are no frames. */
export const nextFrame: Schedule = (run) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => run())
  else queueMicrotask(run)
}

export interface ChangeBatcher {
  add: (change: LibraryChange) => void
  /** No more flushes (what is pending is dropped). */
  dispose: () => void
}

interface Pending {
  reset: boolean
  clipIds: Set<string>
  membership: boolean
  facetsDirty: boolean
  any: boolean
}

const nothing = (): Pending => ({
  reset: false,
  clipIds: new Set(),
  membership: false,
  facetsDirty: false,
  any: false
})

/** Merges `clips` and `reset` changes and hands them to `flush` one batch at a time.
 * Task-only and playlist-only changes do not touch the list and are left out. */
export function createChangeBatcher(
  flush: (batch: ChangeBatch) => Promise<void>,
  schedule: Schedule = nextFrame
): ChangeBatcher {
  let pending = nothing()
  let scheduled = false
  let running = false
  let disposed = false

  const run = async (): Promise<void> => {
    scheduled = false
    if (disposed || running || !pending.any) return
    const taken = pending
    pending = nothing()
    running = true
    try {
      await flush({
        reset: taken.reset,
        clips:
          taken.clipIds.size > 0 || taken.membership
            ? {
                clipIds: taken.clipIds,
                membership: taken.membership,
                facetsDirty: taken.facetsDirty
              }
            : null
      })
    } finally {
      running = false
      if (pending.any) kick()
    }
  }
  const kick = (): void => {
    if (scheduled || disposed) return
    scheduled = true
    schedule(() => void run())
  }

  return {
    add: (change) => {
      if (change.kind === 'tasks' || change.kind === 'playlists') return
      pending.any = true
      if (change.kind === 'reset') pending.reset = true
      else {
        for (const id of change.clipIds) pending.clipIds.add(id)
        if (change.membership) pending.membership = true
        if (change.facetsDirty) pending.facetsDirty = true
      }
      if (!running) kick()
    },
    dispose: () => {
      disposed = true
      pending = nothing()
    }
  }
}
