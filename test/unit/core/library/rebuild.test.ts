import { mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LibraryStore } from '../../../../src/main/core/library/types'
import { T0, clip, populate, task, tempLibrary, type TempLibrary } from './helpers'

let lib: TempLibrary
beforeEach(async () => {
  lib = await tempLibrary()
})
afterEach(async () => {
  await lib.cleanup()
})

async function fill(store: LibraryStore): Promise<void> {
  await populate(store, [
    task('t1', [
      clip('c1', { title: 'City Lights' }),
      clip('c2', { title: '夜晚城市', styleTags: 'c-pop', continueClipId: 'c1', continueAt: 60 })
    ]),
    task('t2', [
      clip('c3', { title: 'Song', videoUrl: null }),
      clip('c4', { title: 'song', createdAt: null })
    ])
  ])
  store.tagClips(['c1', 'c2'], { add: ['Chill'] })
  store.tagClips(['c3'], { add: ['Road trip', 'Ünïcode'] })
  store.setFavorite(['c2', 'c4'], true)
  await store.flush()
}

/** What a user sees of the library, minus plays (they live in the index only). */
function snapshot(store: LibraryStore): unknown {
  return {
    rows: store.query({ sort: 'title' }).rows.map(({ plays: _p, lastPlayedAt: _l, ...row }) => row),
    tags: store.listTags(),
    details: ['c1', 'c2', 'c3', 'c4'].map((id) => {
      const detail = store.getClip(id)
      return detail && { ...detail, plays: 0, lastPlayedAt: null }
    }),
    search: store.query({ search: '夜晚' }).rows.map((r) => r.id),
    facets: store.facets({})
  }
}

async function deleteIndex(): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) {
    await rm(join(lib.dataDir, `library.sqlite${suffix}`), { force: true })
  }
}

describe('rebuilding the index from the library folder', () => {
  it('brings back the same songs, tags and favourites after the index is lost', async () => {
    await fill(lib.store)
    const before = snapshot(lib.store)
    await lib.store.close()
    await deleteIndex()

    const fresh = lib.open()
    expect(fresh.query({}).total).toBe(0)
    const result = await fresh.rebuild()
    expect(result).toEqual({ ok: true, clips: 4, tasks: 2, skipped: [] })
    expect(snapshot(fresh)).toEqual(before)
    expect(fresh.listTasks().map((t) => [t.id, t.phase])).toEqual([
      ['t2', 'done'],
      ['t1', 'done']
    ])
    // The rebuilt index serves the same files and queues nothing to download.
    expect(fresh.getFilePath('c1', 'audio')).toBe(
      join(lib.libraryDir, '2026-11', 'City Lights [c1].mp3')
    )
    expect(fresh.downloadJobs()).toEqual([])
  })

  it('never wipes anything when the library folder is not there', async () => {
    await fill(lib.store)
    await rename(lib.libraryDir, `${lib.libraryDir}-unplugged`)
    expect(lib.store.libraryAvailable()).toBe(false)
    const result = await lib.store.rebuild()
    expect(result).toEqual({
      ok: false,
      code: 'library_unavailable',
      message: expect.stringContaining('The library folder is not available')
    })
    expect(lib.store.query({}).total).toBe(4)
  })

  it('refuses to empty the index from an empty folder (an unmounted drive)', async () => {
    await fill(lib.store)
    await rename(lib.libraryDir, `${lib.libraryDir}-elsewhere`)
    await mkdir(lib.libraryDir)
    const result = await lib.store.rebuild()
    expect(result).toMatchObject({ ok: false, code: 'library_empty' })
    expect(lib.store.query({}).total).toBe(4)
  })

  it('drops songs deleted from the folder by hand, and keeps ones still downloading', async () => {
    await fill(lib.store)
    lib.store.recordTaskResult(task('t3', [clip('c5', { title: 'Fresh' })]), T0, {
      downloadVideo: true
    })
    await unlink(join(lib.libraryDir, '2026-11', 'City Lights [c1].json'))
    const result = await lib.store.rebuild()
    expect(result).toMatchObject({ ok: true, clips: 3 })
    expect(lib.store.getClip('c1')).toBeNull()
    expect(lib.store.getClip('c5')?.downloadState).toBe('pending')
    expect(lib.store.downloadJobs().filter((j) => j.clipId === 'c5')).toHaveLength(3)
  })

  it('says which files went missing', async () => {
    await fill(lib.store)
    await unlink(join(lib.libraryDir, '2026-11', 'City Lights [c1].mp4'))
    await lib.store.rebuild()
    const video = lib.store.getClip('c1')?.files.find((f) => f.kind === 'video')
    expect(video).toMatchObject({
      state: 'failed',
      path: null,
      error: expect.stringContaining('missing')
    })
    expect(lib.store.getClip('c1')?.hasVideo).toBe(false)
  })

  it('ignores the trash, temp files and JSON that is not a sidecar', async () => {
    await fill(lib.store)
    await lib.store.deleteClips(['c4'])
    await writeFile(join(lib.libraryDir, 'playlist.json'), '{"songs": []}')
    await writeFile(join(lib.libraryDir, '2026-11', 'broken.json'), '{not json')
    await writeFile(join(lib.libraryDir, '2026-11', 'x.json.1234.tmp'), '{}')
    const result = await lib.store.rebuild()
    expect(result).toEqual({
      ok: true,
      clips: 3,
      tasks: 0,
      skipped: ['2026-11/broken.json', 'playlist.json']
    })
    expect(lib.store.getClip('c4')).toBeNull()
  })
})
