import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FORBIDDEN_LINK_MESSAGE } from '../../../../src/main/core/gateway/urls'
import { fileErrorInfo } from '../../../../src/main/core/library/file-errors'
import { failure } from '../../../../src/main/core/sync/download-outcome'
import { T0, clip, task, tempLibrary, type TempLibrary } from './helpers'

// Issue 13, defect 11: a file's error is stored with a stable code beside its English text,
// so the Chinese UI can say it in Chinese.

let lib: TempLibrary
beforeEach(async () => {
  lib = await tempLibrary()
})
afterEach(async () => {
  await lib.cleanup()
})

describe('file error codes', () => {
  it('every download failure text maps back to its code, with the system detail as a param', () => {
    expect(fileErrorInfo(failure('forbidden', 'video').message)).toEqual({
      code: 'file_forbidden',
      params: {}
    })
    expect(fileErrorInfo(failure('io', 'audio', { detail: 'EACCES' }).message)).toEqual({
      code: 'file_io',
      params: { detail: 'EACCES' }
    })
    expect(fileErrorInfo('Some words from an older build.')).toBeNull()
    expect(fileErrorInfo(null)).toBeNull()
  })

  it('a failed download keeps its code beside the text in the index, and the clip says it', () => {
    const { store } = lib
    store.recordTaskResult(task('t1', [clip('c1')]), T0, { downloadVideo: true })
    const text = failure('not_found', 'video').message
    store.setFileResult('c1', 'video', { state: 'failed', error: text })
    const video = store.getClip('c1')?.files.find((f) => f.kind === 'video')
    expect(video).toMatchObject({
      state: 'failed',
      error: text,
      errorCode: 'file_not_found',
      errorParams: {}
    })
    expect(store.listTasks()[0]?.fileErrors).toEqual([
      { clipId: 'c1', kind: 'video', error: text, errorCode: 'file_not_found', errorParams: {} }
    ])
  })

  it('a forbidden link from the gateway gets its code when the answer is recorded', () => {
    const { store } = lib
    store.recordTaskResult(
      task('t1', [clip('c1', { videoUrl: 'https://cdn1.suno.ai/api/forbidden' })]),
      T0,
      { downloadVideo: true }
    )
    const video = store.getClip('c1')?.files.find((f) => f.kind === 'video')
    expect(video).toMatchObject({ error: FORBIDDEN_LINK_MESSAGE, errorCode: 'file_forbidden_link' })
  })

  it('migration 10 gives the texts already in an index their codes', async () => {
    const { store } = lib
    store.recordTaskResult(task('t1', [clip('c1')]), T0, { downloadVideo: true })
    store.setFileResult('c1', 'video', {
      state: 'failed',
      error: failure('io', 'video', { detail: 'EROFS' }).message
    })
    await store.close()
    // Back to an index as version 9 left it: no codes (and none of migration 12's columns).
    const db = new DatabaseSync(join(lib.dataDir, 'library.sqlite'))
    db.exec(`ALTER TABLE files DROP COLUMN error_code;
      ALTER TABLE files DROP COLUMN error_params;
      ALTER TABLE clips DROP COLUMN user_title;
      ALTER TABLE clip_texts DROP COLUMN note;
      PRAGMA user_version = 9;`)
    db.close()
    const reopened = lib.open()
    const video = reopened.getClip('c1')?.files.find((f) => f.kind === 'video')
    expect(video).toMatchObject({ errorCode: 'file_io', errorParams: { detail: 'EROFS' } })
  })
})
