import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { dispatch } from '../../../../src/main/core/app/dispatch'
import { syncedLibrary, type SyncedLibrary } from '../../../support/synced-library'

// RELIABILITY.md#hostile-input: exportPlaylist wrote `.bashrc\n.m3u8` (a newline in a file name),
// `.m3u8` (hidden) and `CON.m3u8` (a Windows device), failed as `internal` on NUL and
// 800-byte names, and an M3U title with NUL made mpv reject the whole playlist. Exported
// playlists now get the library's one naming rule, and no line carries a control char.

const TITLES = ['Café \u0000\u0007 zero\u200bwidth', 'Line\r\nbreak \u001b[2J\u202eevil']

let lib: SyncedLibrary
let core: SongshelfCore

beforeAll(async () => {
  lib = await syncedLibrary([
    {
      id: 'e1e1e1e1-0000-4000-8000-000000000012',
      clips: 2,
      titles: TITLES,
      video: false
    }
  ])
  core = createSongshelfCore(lib.host())
}, 60_000)
afterAll(async () => {
  await core?.stop()
  await lib?.sim.close()
  if (lib) rmSync(dirname(lib.dirs.dataDir), { recursive: true, force: true })
})

async function exportAs(name: string | undefined): Promise<string> {
  const result = await dispatch(core.handlers, 'exportPlaylist', {
    ids: lib.clipIds,
    ...(name === undefined ? {} : { name })
  })
  expect(result).toMatchObject({ ok: true })
  const path = (result as { value: { path: string } }).value.path
  expect(dirname(path)).toBe(lib.dirs.libraryDir)
  return path
}

describe('exported playlists', () => {
  it.each([
    ['.bashrc\n', 'bashrc.m3u8'],
    ['', 'Songshelf.m3u8'],
    [undefined, 'Songshelf.m3u8'],
    ['CON', 'CON_.m3u8'],
    ['lpt1', 'lpt1_.m3u8'],
    ['a\u0000b', 'ab.m3u8'],
    ['Road trip. ', 'Road trip.m3u8'],
    ['../../tmp/x', '..-..-tmp-x.m3u8'.replace(/^\.+/u, '')],
    ['a/b\\c:d*e?f"g<h>i|j', "a-b-c - def'g(h)i-j.m3u8"]
  ])('names %j as %j', async (name, expected) => {
    expect(basename(await exportAs(name))).toBe(expected)
  })

  it('keeps a very long name under the byte limit, cut at a whole character', async () => {
    const name = basename(await exportAs('😀'.repeat(200)))
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(130)
    expect(name).toMatch(/^(😀)+\.m3u8$/u)
  })

  it('writes no control character into any line, so players read every entry', async () => {
    const text = readFileSync(await exportAs('Controls'), 'utf8')
    const lines = text.split('\n').slice(0, -1)
    // eslint-disable-next-line no-control-regex -- looking for exactly these
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/u)
    expect(lines.filter((l) => l.startsWith('#EXTINF:'))).toHaveLength(2)
    expect(text).toContain('Café zero\u200bwidth')
    expect(readdirSync(lib.dirs.libraryDir).filter((f) => /[\n\r]/u.test(f))).toEqual([])
  })
})
