import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSongshelfCore } from '../../../src/main/core/app/create-core'
import { dispatch } from '../../../src/main/core/app/dispatch'
import { listLibrary } from '../../support/library-audit'
import { syncedLibrary, type SyncedLibrary } from '../../support/synced-library'
import { snapshotTree } from '../../support/tree-snapshot'

// The library folder can only be moved to a folder the user picked in main's own dialog
// (RELIABILITY.md A3/A4 spirit: the renderer is untrusted). A path from the renderer alone, e.g.
// "/" or the home folder, would otherwise move every song there and rebuild the index by
// walking that whole tree.

let lib: SyncedLibrary
let outside: string
beforeAll(async () => {
  lib = await syncedLibrary(
    [{ id: 'f01de000-0000-4000-8000-000000000001', steps: [{ status: 'SUCCESS' }] }],
    { seed: 5 }
  )
  outside = join(dirname(lib.dirs.dataDir), 'outside')
  mkdirSync(outside)
  writeFileSync(join(outside, 'notes.txt'), 'mine')
}, 60_000)
afterAll(async () => {
  await lib?.sim.close()
})

describe('changing the library folder', () => {
  it.each([
    ['a folder outside the library', (): string => outside],
    ['the file system root', (): string => '/'],
    ['the working directory, as "."', (): string => '.'],
    ['a parent, as ".."', (): string => '..'],
    ['the data folder', (): string => lib.dirs.dataDir]
  ])('refuses %s that the user did not pick, and moves nothing', async (_what, target) => {
    const core = createSongshelfCore(lib.host())
    try {
      const songsBefore = listLibrary(lib.dirs.libraryDir).media
      const outsideBefore = snapshotTree(outside)
      const cwdBefore = readdirSync(process.cwd()).sort()
      for (const mode of ['move', 'rebuild'] as const) {
        const result = await dispatch(core.handlers, 'changeLibraryFolder', {
          path: target(),
          mode
        })
        expect(result).toEqual({
          ok: false,
          error: { code: 'folder_not_chosen', message: expect.stringMatching(/folder picker/) }
        })
      }
      expect(core.library().libraryDir).toBe(lib.dirs.libraryDir)
      expect(listLibrary(lib.dirs.libraryDir).media).toEqual(songsBefore)
      expect(snapshotTree(outside)).toEqual(outsideBefore)
      expect(readdirSync(process.cwd()).sort()).toEqual(cwdBefore)
    } finally {
      await core.stop()
    }
  })

  it('moves the songs into a folder the user picked in the dialog', async () => {
    const picked = join(dirname(lib.dirs.dataDir), 'picked')
    mkdirSync(picked)
    const host = { ...lib.host(), chooseFolder: async (): Promise<string> => picked }
    const core = createSongshelfCore(host)
    try {
      const songs = listLibrary(lib.dirs.libraryDir).media
      expect(songs.length).toBeGreaterThan(0)
      expect(await dispatch(core.handlers, 'chooseLibraryFolder', null)).toEqual({
        ok: true,
        value: { path: picked }
      })
      const moved = await dispatch(core.handlers, 'changeLibraryFolder', {
        path: picked,
        mode: 'move'
      })
      expect(moved).toMatchObject({ ok: true, value: { libraryDir: picked } })
      expect(listLibrary(picked).media).toEqual(songs)
      expect(core.library().libraryDir).toBe(picked)
    } finally {
      await core.stop()
    }
  })
})
