import { existsSync } from 'node:fs'
import { readdir, rename, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { T0, clip, populate, task, tempLibrary, type TempLibrary } from './helpers'

let lib: TempLibrary
beforeEach(async () => {
  lib = await tempLibrary()
})
afterEach(async () => {
  await lib.cleanup()
})

const three = (): ReturnType<typeof task>[] => [
  task('t1', [clip('c1', { title: 'One' }), clip('c2', { title: 'Two' })]),
  task('t2', [clip('c3', { title: 'Three' })])
]

describe('user tags', () => {
  beforeEach(() => {
    lib.store.recordTaskResults(three(), T0, { downloadVideo: false })
  })

  it('tags many clips at once and treats Chill and chill as one tag', () => {
    const { store } = lib
    expect(store.tagClips(['c1', 'c2', 'c3', 'missing'], { add: ['Chill'] })).toMatchObject({
      changed: 3
    })
    expect(store.tagClips(['c1'], { add: ['chill', ' CHILL '] })).toMatchObject({ changed: 0 })
    expect(store.tagClips(['c1', 'c2'], { remove: ['CHILL'], add: ['Focus'] })).toMatchObject({
      changed: 2
    })
    expect(store.listTags()).toEqual([
      { name: 'Chill', count: 1 },
      { name: 'Focus', count: 2 }
    ])
    expect(store.getClip('c3')?.userTags).toEqual(['Chill'])
  })

  it('treats composed and decomposed accents as the same tag', () => {
    const { store } = lib
    store.tagClips(['c1'], { add: ['Café'] })
    store.tagClips(['c2'], { add: ['cafe\u0301'] })
    expect(store.listTags()).toEqual([{ name: 'Café', count: 2 }])
  })

  it('refuses a tag with nothing in it', () => {
    expect(() => lib.store.tagClips(['c1'], { add: ['  \u200b '] })).toThrow(
      expect.objectContaining({ code: 'invalid_tag' })
    )
    expect(lib.store.listTags()).toEqual([])
  })

  it('renames a tag, and renaming onto an existing tag merges them', () => {
    const { store } = lib
    store.tagClips(['c1'], { add: ['chill'] })
    store.tagClips(['c2', 'c3'], { add: ['Relax'] })
    expect(store.renameTag('chill', 'Chill')).toMatchObject({ changed: 1 })
    expect(store.listTags()).toEqual([
      { name: 'Chill', count: 1 },
      { name: 'Relax', count: 2 }
    ])
    expect(store.renameTag('relax', 'chill')).toMatchObject({ changed: 2 })
    expect(store.listTags()).toEqual([{ name: 'Chill', count: 3 }])
    expect(store.query({ search: 'relax' }).total).toBe(0)
    expect(store.query({ search: 'chill' }).total).toBe(3)
    expect(store.renameTag('nope', 'x')).toMatchObject({ changed: 0 })
  })

  it('merges several tags into one and deletes a tag everywhere', () => {
    const { store } = lib
    store.tagClips(['c1'], { add: ['a'] })
    store.tagClips(['c2'], { add: ['b'] })
    store.tagClips(['c3'], { add: ['c', 'a'] })
    expect(store.mergeTags(['a', 'b'], 'Mix')).toMatchObject({ changed: 3 })
    expect(store.listTags()).toEqual([
      { name: 'c', count: 1 },
      { name: 'Mix', count: 3 }
    ])
    expect(store.deleteTag('MIX')).toMatchObject({ changed: 3 })
    expect(store.listTags()).toEqual([{ name: 'c', count: 1 }])
    expect(store.query({ userTags: ['mix'] }).total).toBe(0)
  })
})

describe('favourites and plays', () => {
  beforeEach(() => {
    lib.store.recordTaskResults(three(), T0, { downloadVideo: false })
  })

  it('counts only clips whose favourite actually changed', () => {
    const { store } = lib
    expect(store.setFavorite(['c1', 'c2'], true)).toMatchObject({ changed: 2 })
    expect(store.setFavorite(['c1', 'c3'], true)).toMatchObject({ changed: 1 })
    expect(store.setFavorite(['c1'], false)).toMatchObject({ changed: 1 })
    expect(store.facets({}).favorites).toBe(2)
  })

  it('counts plays and remembers the latest', () => {
    const { store } = lib
    expect(store.recordPlay('c1', T0 + 100, 30_000)).toBe(true)
    expect(store.recordPlay('c1', T0 + 50)).toBe(true)
    expect(store.recordPlay('missing', T0)).toBe(false)
    expect(store.getClip('c1')).toMatchObject({ plays: 2, lastPlayedAt: T0 + 100 })
  })
})

describe('deleting songs', () => {
  it('hands every file to the trash and removes the rows', async () => {
    const trashed: string[] = []
    const store = lib.open({ trash: async (paths) => void trashed.push(...paths) })
    await populate(store, three())
    const before = store
      .getClip('c1')
      ?.files.filter((f) => f.path !== null)
      .map((f) => f.path)
    expect(await store.deleteClips(['c1', 'missing'])).toMatchObject({ deleted: 1 })
    // The files wait in the library's .trash while the delete can be undone (undo.test.ts)
    // and reach the OS trash when the window closes, here with the library.
    expect(trashed).toEqual([])
    expect(store.getClip('c1')).toBeNull()
    expect(store.query({ search: 'one' }).total).toBe(0)
    expect(store.getClip('c2')?.siblings).toEqual([])
    await store.close()
    const names = (paths: (string | null | undefined)[]): string[] =>
      paths.map((path) => basename(path ?? '')).sort()
    expect(names(trashed)).toEqual(names(before ?? []))
    expect(trashed).toHaveLength(4) // audio, video, cover, sidecar
  })

  it('moves files into the library’s .trash folder by default', async () => {
    await populate(lib.store, three())
    await lib.store.deleteClips(['c3'])
    const month = await readdir(join(lib.libraryDir, '2026-11'))
    expect(month.some((name) => name.includes('[c3]'))).toBe(false)
    const bins = await readdir(join(lib.libraryDir, '.trash'))
    expect(bins).toHaveLength(1)
    expect(await readdir(join(lib.libraryDir, '.trash', bins[0], '2026-11'))).toHaveLength(4)
  })

  it('deletes nothing when the files cannot be moved to the trash', async () => {
    const { store } = lib
    await populate(store, three())
    // A file where the .trash folder should be: nothing can be moved into it.
    await writeFile(join(lib.libraryDir, '.trash'), 'not a folder')
    await expect(store.deleteClips(['c1'])).rejects.toMatchObject({ code: 'trash_failed' })
    expect(store.getClip('c1')?.hasAudio).toBe(true)
    expect(existsSync(store.getFilePath('c1', 'audio') ?? '')).toBe(true)
  })

  it('refuses to delete while the library drive is unplugged', async () => {
    await populate(lib.store, three())
    await rename(lib.libraryDir, `${lib.libraryDir}-away`)
    await expect(lib.store.deleteClips(['c1'])).rejects.toMatchObject({
      code: 'library_unavailable'
    })
    expect(lib.store.getClip('c1')).not.toBeNull()
    await rename(`${lib.libraryDir}-away`, lib.libraryDir)
  })
})
