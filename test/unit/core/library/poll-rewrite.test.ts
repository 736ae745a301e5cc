import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../../src/main/core/library/db'
import { recordTaskResult } from '../../../../src/main/core/library/ingest'
import { count } from '../../../../src/main/core/library/rows/read'
import { T0, task, tempLibrary, type TempLibrary } from './helpers'

// Polling (issue 14 §6): a pending task's answer that did not change since the last poll
// is not written again. Checked by the rows SQLite reports written, not by a time.

let lib: TempLibrary | null = null
afterEach(async () => {
  await lib?.cleanup()
  lib = null
})

const pending = (progress: number): ReturnType<typeof task> =>
  task('t-wait', [], {
    state: 'pending',
    upstreamStatus: 'PENDING',
    progress,
    finishTime: null,
    raw: { task_id: 't-wait', status: 'PENDING', progress: `${progress}%` }
  })

function changes(db: Db): number {
  return count(db, 'SELECT total_changes() AS n')
}

describe('recording poll answers', () => {
  it('writes nothing for a pending answer identical to the stored one', async () => {
    lib = await tempLibrary()
    await lib.store.close()
    const db = openDatabase(join(lib.dataDir, 'library.sqlite'))
    try {
      const ctx = { db, mode: 'fts5' as const, onSidecarStale: (): void => undefined }
      recordTaskResult(ctx, pending(10), T0, { downloadVideo: true })
      const before = changes(db)
      recordTaskResult(ctx, pending(10), T0 + 5000, { downloadVideo: true })
      expect(changes(db) - before).toBe(0)

      // A changed answer is written, and so is the next state.
      recordTaskResult(ctx, pending(40), T0 + 10_000, { downloadVideo: true })
      expect(changes(db) - before).toBe(1)
      const raw = db.get("SELECT raw_json FROM tasks WHERE id = 't-wait'")
      expect(raw?.['raw_json']).toContain('40%')
      recordTaskResult(ctx, task('t-wait', []), T0 + 15_000, { downloadVideo: true })
      expect(db.get("SELECT state FROM tasks WHERE id = 't-wait'")?.['state']).toBe('succeeded')
    } finally {
      db.close()
    }
  })

  it('still resets a not-found count with an identical answer', async () => {
    lib = await tempLibrary()
    lib.store.recordTaskResults([pending(10)], T0, { downloadVideo: true })
    lib.store.markTaskNotFound('t-wait', T0 + 1000)
    lib.store.recordTaskResults([pending(10)], T0 + 2000, { downloadVideo: true })
    const db = openDatabase(join(lib.dataDir, 'library.sqlite'))
    try {
      expect(count(db, "SELECT not_found_count AS n FROM tasks WHERE id = 't-wait'")).toBe(0)
    } finally {
      db.close()
    }
  })
})
