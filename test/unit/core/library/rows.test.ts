import { DatabaseSync, type SQLOutputValue } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import {
  clipFieldColumns,
  readClipFields
} from '../../../../src/main/core/library/rows/clip-fields'
import { readTask, TASK_COLUMNS } from '../../../../src/main/core/library/rows/tasks'

// Rows are read through one typed reader per table, never cast: a column whose type or
// name is not what the code expects fails at the first read with `index_damaged` (naming the column), where a cast
// (`db.get<T>`) let a string '0' flow on as a truthy "stale" flag.

function db(stale: string): DatabaseSync {
  const raw = new DatabaseSync(':memory:')
  raw.exec(`CREATE TABLE tasks (id TEXT, state TEXT, upstream_status TEXT, fail_reason TEXT,
    added_at INTEGER, last_polled_at INTEGER, next_poll_at INTEGER, not_found_count INTEGER,
    stale BLOB)`)
  raw.exec(
    `INSERT INTO tasks VALUES ('t1', 'pending', 'QUEUED', NULL, 1000, NULL, 2000, 0, ${stale})`
  )
  return raw
}

describe('the tasks row reader', () => {
  it('converts each column to its type', () => {
    const raw = db('1')
    const row = raw.prepare(`SELECT ${TASK_COLUMNS} FROM tasks`).get()
    expect(row && readTask(row)).toEqual({
      id: 't1',
      state: 'pending',
      upstreamStatus: 'QUEUED',
      failReason: null,
      addedAt: 1000,
      lastPolledAt: null,
      nextPollAt: 2000,
      notFoundCount: 0,
      stale: true
    })
    raw.close()
  })

  it('refuses a column of the wrong type, a state it does not know and a missing column', () => {
    const raw = db(`'0'`)
    const row = raw.prepare(`SELECT ${TASK_COLUMNS} FROM tasks`).get()
    expect(() => row && readTask(row)).toThrow(expect.objectContaining({ code: 'index_damaged' }))
    raw.exec(`UPDATE tasks SET stale = 0, state = 'paused'`)
    const odd = raw.prepare(`SELECT ${TASK_COLUMNS} FROM tasks`).get()
    expect(() => odd && readTask(odd)).toThrow(/"state" should be pending \| succeeded/)
    raw.exec(`UPDATE tasks SET state = 'pending'`)
    const partial = raw.prepare('SELECT id, state FROM tasks').get()
    expect(() => partial && readTask(partial)).toThrow(/no such column/)
    raw.close()
  })
})

describe('the clip fields reader', () => {
  function clipRow(set: string): Record<string, SQLOutputValue> | undefined {
    const raw = new DatabaseSync(':memory:')
    raw.exec(`CREATE TABLE clips (status TEXT, style_tags TEXT, duration_sec REAL, model TEXT,
      major_model_version TEXT, created_at INTEGER, continue_clip_id TEXT, continue_at REAL,
      clip_type TEXT, error_message TEXT)`)
    raw.exec(`INSERT INTO clips VALUES ('complete', 'synthwave', 181.5, 'chirp-v4', 'v4',
      1000, NULL, NULL, 'gen', NULL)`)
    if (set !== '') raw.exec(`UPDATE clips SET ${set}`)
    const row = raw.prepare(`SELECT ${clipFieldColumns()} FROM clips`).get()
    raw.close()
    return row
  }

  it('reads every gateway field the sidecar is written from', () => {
    const row = clipRow('')
    expect(row && readClipFields(row)).toEqual({
      status: 'complete',
      styleTags: 'synthwave',
      durationSec: 181.5,
      model: 'chirp-v4',
      majorModelVersion: 'v4',
      createdAt: 1000,
      continueClipId: null,
      continueAt: null,
      clipType: 'gen',
      errorMessage: null
    })
  })

  it('refuses a duration stored as text and a status it does not know, naming the column', () => {
    const text = clipRow(`duration_sec = 'long'`)
    expect(() => text && readClipFields(text)).toThrow(
      /"duration_sec" should be a number, not string/
    )
    const odd = clipRow(`status = 'paused'`)
    expect(() => odd && readClipFields(odd)).toThrow(
      expect.objectContaining({ code: 'index_damaged' })
    )
  })
})
