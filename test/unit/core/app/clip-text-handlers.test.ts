import { afterEach, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { dispatch } from '../../../../src/main/core/app/dispatch'
import { createHeadlessHost } from '../../../../src/main/core/app/headless-host'
import type { LibraryChange } from '../../../../src/shared/library-change'
import { tempLibrary } from '../../../support/cli-harness'
import { clip, task } from '../library/helpers'

// renameClip and setClipNote across the bridge (issue 13): parsed like every request (the
// renderer is untrusted), limits counted in characters after cleaning, one precise change.

let core: SongshelfCore | null = null
afterEach(async () => {
  await core?.stop()
  core = null
})

async function started(): Promise<SongshelfCore> {
  const host = createHeadlessHost({ transport: 'web-preview', version: '1', ...tempLibrary() })
  core = createSongshelfCore(host)
  await core.ready()
  core.library().recordTaskResults([task('t1', [clip('c1'), clip('c2')])], 1, {
    downloadVideo: false
  })
  return core
}

describe('renaming and noting a clip across the bridge', () => {
  it('refuses garbage before it reaches the library', async () => {
    const c = await started()
    const bad: unknown[] = [
      undefined,
      {},
      { id: 'c1' },
      { id: 'c1', title: 7 },
      { id: '../etc', title: 'x' },
      { id: 'c1', title: 'x', extra: true },
      { id: 'c1', title: 'é'.repeat(201) },
      { id: 'c1', title: 'x'.repeat(5000) }
    ]
    for (const args of bad) {
      expect(await dispatch(c.handlers, 'renameClip', args)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' }
      })
    }
    for (const args of [
      { id: 'c1' },
      { id: 'c1', note: null },
      { id: 'c1', note: 'n'.repeat(2001) }
    ]) {
      expect(await dispatch(c.handlers, 'setClipNote', args)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' }
      })
    }
    expect(c.library().getClip('c1')).toMatchObject({ title: 'City Lights', note: null })
  })

  it('counts the limit in characters after trimming, not in UTF-16 units or spaces', async () => {
    const c = await started()
    const emoji = '🎵'.repeat(200)
    expect(
      await dispatch(c.handlers, 'renameClip', { id: 'c1', title: `  ${emoji}  ` })
    ).toMatchObject({
      ok: true,
      value: { changed: 1, title: emoji, originalTitle: 'City Lights' }
    })
    expect(
      await dispatch(c.handlers, 'setClipNote', { id: 'c2', note: `${'n'.repeat(2000)}\n\n  ` })
    ).toMatchObject({ ok: true, value: { changed: 1 } })
  })

  it('answers the new title with an undo id and tells one precise change', async () => {
    const c = await started()
    const changes: LibraryChange[] = []
    c.library().onChange((change) => changes.push(change))
    const answer = await dispatch(c.handlers, 'renameClip', { id: 'c2', title: 'Take two' })
    expect(answer).toMatchObject({
      ok: true,
      value: { changed: 1, title: 'Take two', originalTitle: 'City Lights' }
    })
    expect(changes).toEqual([
      {
        kind: 'clips',
        clipIds: ['c2'],
        taskIds: ['t1'],
        playlistIds: [],
        membership: false,
        facetsDirty: false
      }
    ])
    const undoId = answer.ok ? (answer.value as { undoId?: string }).undoId : undefined
    expect(await dispatch(c.handlers, 'undo', { id: undoId })).toMatchObject({
      ok: true,
      value: { undone: true, kind: 'clip-rename', count: 1 }
    })
    expect(c.library().getClip('c2')?.title).toBe('City Lights')
  })

  it('says not_found for a clip that is not in the library', async () => {
    const c = await started()
    expect(await dispatch(c.handlers, 'setClipNote', { id: 'gone', note: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
  })
})
