import type { Db } from './db'
import { indexWritesSinceOptimize, optimizeSearchIndex, type SearchMode } from './search-index'
import type { Logger } from './types'

// Keeps the search index merged after bulk work. Every ingest adds index segments and
// every re-index (tags, edited text) leaves tombstones that each search then checks: at
// 100 000 clips that was 21% of search CPU and 7 segments, and one `optimize` cut search
// p95 by 27% (docs/STORAGE.md#search-index). Optimizing costs about 1 s at 100 000
// clips, so it runs once the writes stop (a sync's last answer, a bulk tag), and only
// when enough rows were written since the last time to be worth it.

/** Index rows written before an idle optimize is worth its cost. */
export const OPTIMIZE_AFTER_WRITES = 2000
/** Quiet time after the last write before optimizing. */
export const OPTIMIZE_IDLE_MS = 5000

export interface SearchUpkeep {
  /** Call after writes that may have touched the index: (re)arms the idle timer. */
  poke(): void
  /** Optimizes now if enough was written; what the idle timer runs. */
  tidy(): void
  stop(): void
}

export function searchUpkeep(
  db: Db,
  mode: SearchMode,
  logger: Logger,
  idleMs = OPTIMIZE_IDLE_MS
): SearchUpkeep {
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = mode !== 'fts5'
  const tidy = (): void => {
    timer = null
    if (stopped || indexWritesSinceOptimize(db) < OPTIMIZE_AFTER_WRITES) return
    try {
      optimizeSearchIndex(db, mode)
    } catch (error) {
      // A busy index (another process writing) is tried again after the next writes.
      logger.warn('Could not optimize the search index', { error: (error as Error).message })
    }
  }
  return {
    poke(): void {
      if (stopped || indexWritesSinceOptimize(db) < OPTIMIZE_AFTER_WRITES) return
      if (timer !== null) clearTimeout(timer)
      timer = setTimeout(tidy, idleMs)
      // Never keeps a CLI process alive for it.
      timer.unref?.()
    },
    tidy,
    stop(): void {
      stopped = true
      if (timer !== null) clearTimeout(timer)
      timer = null
    }
  }
}
