import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PLAYABLE } from '../../../../../src/main/core/library/queue/sequence'
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
      const sql = `SELECT count(*) AS n FROM clips c WHERE 1 AND ${PLAYABLE}`
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

  it('still leaves out failed generations and clips without audio', async () => {
    await downloadAll(lib.store, ['audio'])
    const state = lib.store.queue.play({
      source: { kind: 'library', filter: {}, sort: 'created', dir: 'desc' }
    })
    expect(state.length).toBe(1)
    expect(state.current?.id).toBe('c1')
  })
})
