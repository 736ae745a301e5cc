import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { UNFINISHED_SLICE_PKS } from '../../../../src/main/core/library/finalize'
import { T0, clip, task, tempLibrary, type TempLibrary } from './helpers'

// The start-up sweep (finish-queue.ts leftovers) against the list's first page, on a
// crash-like library: every download done, the sidecars never written. The sweep works
// slice by slice and yields between slices and clips, so a page asked for once the
// sweep has started is answered while the sweep still has most of its work ahead
// (issue 14 §1: the old one-query sweep kept the first page waiting for all of it).
// Order of events, not time, is asserted.

let lib: TempLibrary | null = null
afterEach(async () => {
  await lib?.cleanup()
  lib = null
})

/** Clips in the index without a finished sidecar. */
function unfinished(dataDir: string): number {
  const db = new DatabaseSync(join(dataDir, 'library.sqlite'), { readOnly: true })
  try {
    const row = db
      .prepare(
        `SELECT count(*) AS n FROM clips c WHERE NOT EXISTS (SELECT 1 FROM files f
          WHERE f.clip_pk = c.pk AND f.kind = 'sidecar' AND f.state = 'done')`
      )
      .get() as { n: number }
    return row.n
  } finally {
    db.close()
  }
}

describe('the start-up sweep and the first page', () => {
  it('the first page is answered while the sweep is still finishing the leftovers', async () => {
    // Fewer clips than a slice (UNFINISHED_SLICE_PKS): the sweep yields between clips too.
    const clips = 400
    expect(clips).toBeLessThan(UNFINISHED_SLICE_PKS)
    lib = await tempLibrary()
    const tasks = []
    for (let i = 0; i < clips; i += 2) {
      tasks.push(task(`t${i}`, [clip(`c${i}`), clip(`c${i + 1}`)]))
    }
    lib.store.recordTaskResults(tasks, T0, { downloadVideo: false })
    await lib.store.close()
    const raw = new DatabaseSync(join(lib.dataDir, 'library.sqlite'))
    raw.exec(`UPDATE files SET state = 'done';
      UPDATE clips SET has_audio = 1, has_cover = 1, download_state = 'done'`)
    raw.close()
    expect(unfinished(lib.dataDir)).toBe(clips)

    // The next start: the sweep begins, then the list asks for its first page on the
    // next turn of the event loop, as a request from the window would arrive.
    const store = lib.open()
    let swept = false
    const sweep = store.finishLeftovers().then(() => {
      swept = true
    })
    const first = await new Promise<{ rows: number; total: number; left: number }>((resolve) =>
      setTimeout(() => {
        const page = store.query({ limit: 100 })
        resolve({ rows: page.rows.length, total: page.total, left: unfinished(lib!.dataDir) })
      }, 0)
    )
    expect(first.rows).toBe(100)
    expect(first.total).toBe(clips)
    expect(swept).toBe(false)
    // Most of the work was still ahead when the page was served.
    expect(first.left).toBeGreaterThan(clips / 2)

    await sweep
    expect(swept).toBe(true)
    expect(unfinished(lib.dataDir)).toBe(0)
  }, 60_000)
})
