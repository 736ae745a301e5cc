import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PLAYABLE, PLAYABLE_COUNTED } from '../../../../../src/main/core/library/queue/sequence'
import { clip, downloadAll, T0, task, tempLibrary, type TempLibrary } from '../helpers'

// Issue 14 §3: "select all → Play" at 100,000 clips counts the view's playable clips
// before the first sound. That count read every row of the clips table (37–111 ms at
// 100,000 on a busy machine); migration 11 indexes (has_audio, status) so it is read
// from the index alone (8 ms).

let lib: TempLibrary

beforeEach(async () => {
  lib = await tempLibrary()
  lib.store.recordTaskResult(task('t1', [clip('c1'), clip('c2', { status: 'error' })]), T0, {
    downloadVideo: false
  })
})
afterEach(async () => {
  await lib.cleanup()
})

describe('the play queue: counting a whole library view', () => {
  it('counts the playable clips from an index, without reading the table', () => {
    const db = new DatabaseSync(lib.store.dbPath, { readOnly: true })
    try {
      const sql = `SELECT count(*) AS n FROM clips c WHERE 1 AND ${PLAYABLE_COUNTED}`
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => String(row.detail))
      // Old schema: "SCAN c", every row of the table.
      expect(plan.join('\n')).toMatch(/USING COVERING INDEX clips_playable/)
      expect(db.prepare(sql).get()).toEqual({ n: 0 })
    } finally {
      db.close()
    }
  })

  it('reads a page of the view along the sort’s index, never through clips_playable', () => {
    const db = new DatabaseSync(lib.store.dbPath, { readOnly: true })
    try {
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT c.id FROM clips c WHERE 1 AND ${PLAYABLE}
           ORDER BY c.created_at DESC, c.id DESC LIMIT 1 OFFSET 0`
        )
        .all()
        .map((row) => String(row.detail))
        .join('\n')
      // With the index usable, the planner read every playable clip and sorted them for one
      // row: 171–251 ms at 100,000 clips, against 0.2 ms along clips_created.
      expect(plan).toMatch(/USING INDEX clips_created/)
      expect(plan).not.toMatch(/TEMP B-TREE|clips_playable/)
    } finally {
      db.close()
    }
  })

  it('still leaves out failed generations and clips without audio', async () => {
    await downloadAll(lib.store, ['audio'])
    const state = lib.store.queue.play({
      source: { kind: 'library', filter: {}, sort: 'created', dir: 'desc' }
    })
    expect(state.length).toBe(1)
    expect(state.current?.id).toBe('c1')
  })
})
