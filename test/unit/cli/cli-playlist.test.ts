import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt } from '../../support/build'
import { commonArgs } from '../../support/cli-harness'
import { runCliProcess } from '../../support/cli-process'
import { syncedLibrary, type SyncedLibrary } from '../../support/synced-library'

// Issue 15: playlists lived only in the app. `songshelf playlists` and `songshelf playlist
// show|create|rename|add|remove|delete|export|import` drive the same core module from a
// terminal: the index first, then the library folder's M3U8 mirror. Real processes on the
// built CLI, real SQLite, real files.

const HOSTILE = 'Neon\x1b]0;PWNED\x07 Rain\u202e'

let lib: SyncedLibrary
let args: string[]
let clips: string[]

beforeAll(async () => {
  ensureBuilt()
  lib = await syncedLibrary(
    [
      { id: '15150000-0000-4000-8000-000000000001', titles: ['City Lights', HOSTILE] },
      { id: '15150000-0000-4000-8000-000000000002', titles: ['Harbour', 'Tide'] }
    ],
    { seed: 1515 }
  )
  args = commonArgs(lib.dirs)
  clips = lib.clipIds
}, 120_000)
afterAll(async () => {
  await lib.sim.close()
  rmSync(dirname(lib.dirs.dataDir), { recursive: true, force: true })
})

interface Run {
  code: number | null
  out: string
  err: string
}

async function songshelf(...argv: string[]): Promise<Run> {
  const result = await runCliProcess([...argv, ...args])
  return { code: result.code, out: result.stdout.toString('utf8'), err: result.stderr }
}

interface Shown {
  playlist: { id: string; name: string; kind: string; count: number }
  clips: { position: number; id: string; title: string }[]
}

async function shown(ref: string): Promise<Shown> {
  const run = await songshelf('playlist', 'show', ref, '--json')
  expect(run.code, run.err).toBe(0)
  return JSON.parse(run.out) as Shown
}

function mirrorFiles(): string[] {
  const folder = join(lib.dirs.libraryDir, 'Playlists')
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.m3u8')) : []
}

describe('songshelf playlists and playlist …', () => {
  it('creates, adds at a position, removes and shows a playlist, and its M3U8 mirror follows', async () => {
    const [a, b, c] = clips as [string, string, string]
    expect((await songshelf('playlists')).out).toContain('No playlists yet')
    expect(JSON.parse((await songshelf('playlists', '--json')).out)).toEqual([])

    const created = await songshelf('playlist', 'create', '  Road   Trip ', a, b)
    expect(created.code, created.err).toBe(0)
    expect(created.out).toMatch(/created playlist "Road Trip" \(.+\) with 2 song\(s\)/u)
    const listed = JSON.parse((await songshelf('playlists', '--json')).out) as Shown['playlist'][]
    expect(listed.map((p) => [p.name, p.kind, p.count])).toEqual([['Road Trip', 'manual', 2]])
    const id = listed[0]?.id ?? ''
    expect(mirrorFiles()).toEqual([`Road Trip [${id.slice(0, 8)}].m3u8`])

    // Named by its name in any case, by its id, or by the id's first characters.
    const added = await songshelf('playlist', 'add', 'road trip', c, '--at', '1')
    expect(added.code, added.err).toBe(0)
    expect((await shown(id)).clips.map((x) => x.id)).toEqual([c, a, b])

    const removed = await songshelf('playlist', 'remove', id.slice(0, 8), a)
    expect(removed.out).toContain('removed 1 entry from "Road Trip"')
    const after = await shown('Road Trip')
    expect(after.clips.map((x) => [x.position, x.id])).toEqual([
      [1, c],
      [2, b]
    ])
    // The mirror lists the same songs in the same order, with paths relative to it.
    const mirror = readFileSync(
      join(lib.dirs.libraryDir, 'Playlists', mirrorFiles()[0] ?? ''),
      'utf8'
    )
    const entries = mirror.split('\n').filter((line) => line !== '' && !line.startsWith('#'))
    expect(entries).toHaveLength(2)
    for (const entry of entries) expect(entry.startsWith('../')).toBe(true)

    const renamed = await songshelf('playlist', 'rename', 'Road Trip', 'Night Drive')
    expect(renamed.out).toContain('renamed to "Night Drive"')
    expect(mirrorFiles()).toEqual([`Night Drive [${id.slice(0, 8)}].m3u8`])
  }, 120_000)

  it('exports for another player and imports it back in the same order; foreign entries are listed', async () => {
    const out = join(dirname(lib.dirs.dataDir), 'exports', 'night.m3u8')
    const exported = await songshelf('playlist', 'export', 'Night Drive', out)
    expect(exported.code, exported.err).toBe(0)
    expect(exported.out).toContain('wrote 2 song(s)')
    const text = readFileSync(out, 'utf8')
    expect(text.startsWith('#EXTM3U\n#PLAYLIST:Night Drive\n')).toBe(true)
    // A plain copy for other players: no Songshelf header that rebuild would restore.
    expect(text).not.toContain('#SONGSHELF-PLAYLIST')
    const paths = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'))
    // Outside the export's folder, the songs are named by absolute paths that exist.
    for (const path of paths) expect(isAbsolute(path) && existsSync(path)).toBe(true)

    const imported = await songshelf('playlist', 'import', out, '--name', 'Copy')
    expect(imported.code, imported.err).toBe(0)
    expect(imported.out).toMatch(/imported "Copy" \(.+\): 2 song\(s\)/u)
    expect((await shown('Copy')).clips.map((x) => x.id)).toEqual(
      (await shown('Night Drive')).clips.map((x) => x.id)
    )

    const foreign = join(dirname(out), 'mixed.m3u8')
    writeFileSync(foreign, `#EXTM3U\n${paths[0]}\n/somewhere/else/song.mp3\n`)
    const mixed = await songshelf('playlist', 'import', foreign)
    expect(mixed.code).toBe(1)
    expect(mixed.out).toContain('imported "mixed"')
    expect(mixed.out).toContain('not in the library: /somewhere/else/song.mp3')
    expect((await shown('mixed')).playlist.count).toBe(1)
  }, 120_000)

  it('prints gateway titles terminal-safe and --json exactly', async () => {
    const hostile = clips[1] as string
    expect((await songshelf('playlist', 'create', 'Odd', hostile)).code).toBe(0)
    const human = await songshelf('playlist', 'show', 'Odd')
    expect(human.code).toBe(0)
    // eslint-disable-next-line no-control-regex -- the bytes a terminal would obey
    expect(human.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/u)
    expect(human.out).toContain('Neon\\x1b]0;PWNED\\x07 Rain\\u202e')
    expect((await shown('Odd')).clips[0]?.title).toBe(HOSTILE)
  }, 120_000)

  it('says what is wrong with stable exit codes: 1 not found or partly done, 2 usage', async () => {
    const missing = await songshelf('playlist', 'show', 'No Such List')
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('No playlist is called "No Such List"')
    expect((await songshelf('playlist', 'frobnicate')).code).toBe(2)
    expect((await songshelf('playlist', 'add', 'Copy', 'not a clip id!')).code).toBe(2)
    const unknown = await songshelf(
      'playlist',
      'add',
      'Copy',
      'ffffffff-0000-4000-8000-000000000000'
    )
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('1 clip id(s) are not in the library')

    expect((await songshelf('playlist', 'create', 'Twin')).code).toBe(0)
    expect((await songshelf('playlist', 'create', 'twin')).code).toBe(0)
    const twins = await songshelf('playlist', 'show', 'Twin')
    expect(twins.code).toBe(2)
    expect(twins.err).toContain('names more than one playlist; give its id')
  }, 120_000)

  it('deletes a playlist: gone from the list and from the library folder, its songs kept', async () => {
    const before = mirrorFiles().length
    const deleted = await songshelf('playlist', 'delete', 'Night Drive')
    expect(deleted.code, deleted.err).toBe(0)
    const names = (
      JSON.parse((await songshelf('playlists', '--json')).out) as Shown['playlist'][]
    ).map((p) => p.name)
    expect(names).not.toContain('Night Drive')
    expect(mirrorFiles()).toHaveLength(before - 1)
    expect(mirrorFiles().some((name) => name.startsWith('Night Drive'))).toBe(false)
    const list = JSON.parse((await songshelf('list', '--json')).out) as unknown[]
    expect(list).toHaveLength(4)
  }, 120_000)
})

// An export inside the library's own folder tree names songs by relative paths.
describe('songshelf playlist export next to the songs', () => {
  it('writes paths relative to the file when the songs are below its folder', async () => {
    const out = join(lib.dirs.libraryDir, 'exported.m3u8')
    mkdirSync(dirname(out), { recursive: true })
    const run = await songshelf('playlist', 'export', 'Copy', out)
    expect(run.code, run.err).toBe(0)
    const paths = readFileSync(out, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
    expect(paths).toHaveLength(2)
    for (const path of paths) {
      expect(isAbsolute(path)).toBe(false)
      expect(existsSync(join(lib.dirs.libraryDir, path))).toBe(true)
    }
    rmSync(out)
  }, 120_000)
})
