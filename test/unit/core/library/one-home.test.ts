import { afterEach, describe, expect, it } from 'vitest'
import type { FileState, MediaKind } from '../../../../src/shared/domain'
import type { LibraryChange } from '../../../../src/shared/library-change'
import { openDatabase } from '../../../../src/main/core/library/db'
import { refreshFileSummary } from '../../../../src/main/core/library/files'
import {
  SUMMARY_COLUMNS,
  summarize,
  type FileSummary
} from '../../../../src/main/core/library/rows/file-summary'
import { MEDIA_KINDS } from '../../../../src/shared/domain'
import { T0, clip, task, tempLibrary, type TempLibrary } from './helpers'

// Rules that had two copies now have one home each (issue 11): the file summary (SQL and
// JS built from one constant), the retry statement and its queue order, playlist names.

const STATES: readonly FileState[] = ['done', 'pending', 'failed', 'absent']

describe('the clip file summary', () => {
  it('is the same whether SQLite recomputes it from the rows or ingest computes it in memory', () => {
    const db = openDatabase(':memory:')
    db.raw.exec(`CREATE TABLE clips (pk INTEGER PRIMARY KEY, has_audio INTEGER,
      has_video INTEGER, has_cover INTEGER, has_video_cover INTEGER, download_state TEXT);
      CREATE TABLE files (clip_pk INTEGER, kind TEXT, state TEXT);
      CREATE INDEX files_clip ON files (clip_pk)`)
    const insert = db.sql('INSERT INTO files VALUES (?, ?, ?)')
    // Every state (or no row) for each media kind, with and without a sidecar row, which
    // never counts.
    const choices: (FileState | null)[] = [null, ...STATES]
    const combos: { pk: number; rows: { kind: MediaKind | 'sidecar'; state: FileState }[] }[] = []
    let pk = 0
    const walk = (i: number, rows: { kind: MediaKind; state: FileState }[]): void => {
      if (i === MEDIA_KINDS.length) {
        for (const sidecar of [null, 'failed', 'done'] as const) {
          pk++
          combos.push({
            pk,
            rows: sidecar === null ? rows : [...rows, { kind: 'sidecar', state: sidecar }]
          })
        }
        return
      }
      for (const state of choices) {
        walk(i + 1, state === null ? rows : [...rows, { kind: MEDIA_KINDS[i], state }])
      }
    }
    walk(0, [])
    db.tx(() => {
      for (const combo of combos) {
        db.run('INSERT INTO clips (pk) VALUES (?)', combo.pk)
        for (const row of combo.rows) insert.run(combo.pk, row.kind, row.state)
      }
      refreshFileSummary(
        db,
        combos.map((c) => c.pk)
      )
    })
    expect(combos.length).toBe(5 ** 4 * 3)
    for (const combo of combos) {
      const stored = db.get(
        `SELECT ${SUMMARY_COLUMNS.join(', ')} FROM clips WHERE pk = ?`,
        combo.pk
      )
      const media = combo.rows.flatMap((r) =>
        r.kind === 'sidecar' ? [] : [{ ...r, kind: r.kind }]
      )
      const expected: FileSummary = summarize(media)
      expect({ ...stored }, JSON.stringify(combo.rows)).toEqual(expected)
    }
    db.close()
  })
})

let lib: TempLibrary | undefined
afterEach(async () => {
  await lib?.cleanup()
  lib = undefined
})

describe('retrying', () => {
  it('a task retry queues its failed files behind the files already waiting, and says which clips changed', async () => {
    let clock = T0
    lib = await tempLibrary({ now: () => clock })
    const { store } = lib
    const noVideo = { downloadVideo: false }
    store.recordTaskResult(
      task('tB', [clip('cB', { imageUrl: null, imageLargeUrl: null })]),
      clock,
      noVideo
    )
    store.setFileResult('cB', 'audio', { state: 'failed', error: 'HTTP 500' })
    store.markTaskFailed('tB', 'gave up', clock)
    clock += 1000
    store.recordTaskResult(
      task('tA', [clip('cA', { imageUrl: null, imageLargeUrl: null })]),
      clock,
      noVideo
    )
    clock += 1000
    const changes: LibraryChange[] = []
    const off = store.onChange((change) => void changes.push(change))
    expect(store.retryTask('tB')).toBe(true)
    off()
    // Before: the task's files kept their old place and jumped the queue.
    expect(store.downloadJobs().map((job) => job.clipId)).toEqual(['cA', 'cB'])
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'clips', clipIds: ['cB'] }))
    expect(store.getClip('cB')?.downloadState).toBe('pending')
  })
})

describe('playlist names', () => {
  it('the library stores a name cleaned by the shared rule, whoever calls it', async () => {
    lib = await tempLibrary()
    const { playlists } = lib.store
    const { id, name } = await playlists.create({ name: '  Road \t  trip\u00a0 ' })
    expect(name).toBe('Road trip')
    await playlists.rename(id, ' Cafe\u0301   mornings ')
    expect(playlists.get(id).name).toBe('Caf\u00e9 mornings')
    await expect(playlists.create({ name: ' \n ' })).rejects.toThrow(
      expect.objectContaining({ code: 'invalid_request' })
    )
  })
})
