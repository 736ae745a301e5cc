import { existsSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSongshelfCore } from '../../../src/main/core/app/create-core'
import { cli, commonArgs } from '../../support/cli-harness'
import { headlessHost, syncedLibrary, type SyncedLibrary } from '../../support/synced-library'

// Issue 12 §3: with the library folder deleted (its parent still there) `songshelf list`
// recreated an empty folder and printed every clip as downloaded, and the app reported
// `libraryAvailable: true` while every play failed. Seen failing on the old code: the
// folder came back, the exit code was 0 and the states were "done".

interface Listed {
  id: string
  files: { kind: string; state: string; path: string | null }[]
}

let lib: SyncedLibrary
beforeEach(async () => {
  lib = await syncedLibrary(
    [{ id: 'f11e0000-0000-4000-8000-00000000a001', steps: [{ status: 'SUCCESS' }] }],
    { seed: 43 }
  )
}, 60_000)
afterEach(async () => {
  await lib.sim.close()
  rmSync(dirname(lib.dirs.dataDir), { recursive: true, force: true })
})

const states = (listed: Listed[], kind: string): (string | undefined)[] =>
  listed.map((c) => c.files.find((f) => f.kind === kind)?.state)

describe('a library folder that vanished', () => {
  it('is not recreated; list says where it is missing and marks the files missing', async () => {
    rmSync(lib.dirs.libraryDir, { recursive: true })

    const human = await cli(['list', ...commonArgs(lib.dirs)])
    expect(existsSync(lib.dirs.libraryDir)).toBe(false)
    expect(human.code).toBe(1)
    expect(human.err.join('\n')).toContain('The library folder is missing')
    expect(human.err.join('\n')).toContain(lib.dirs.libraryDir)
    expect(human.out.filter((l) => l.includes('[done]'))).toEqual([])
    expect(human.out.filter((l) => l.includes('[missing]'))).toHaveLength(2)

    const json = await cli(['list', '--json', ...commonArgs(lib.dirs)])
    expect(json.code).toBe(1)
    expect(existsSync(lib.dirs.libraryDir)).toBe(false)
    const listed = JSON.parse(json.out.join('\n')) as Listed[]
    expect(states(listed, 'audio')).toEqual(['missing', 'missing'])
    expect(listed.every((c) => c.files.every((f) => f.path === null))).toBe(true)
  })

  it('is reported as not available by appInfo', async () => {
    rmSync(lib.dirs.libraryDir, { recursive: true })
    const core = createSongshelfCore(headlessHost(lib.dirs, lib.sim))
    try {
      await core.ready()
      expect((await core.handlers.getAppInfo(undefined)).libraryAvailable).toBe(false)
      expect(existsSync(lib.dirs.libraryDir)).toBe(false)
    } finally {
      await core.stop()
    }
  })

  it('a single missing file is listed as missing, the rest as done', async () => {
    const month = readdirSync(lib.dirs.libraryDir).find((n) => !n.startsWith('.')) as string
    const [first] = lib.clipIds as [string]
    const mp3 = readdirSync(join(lib.dirs.libraryDir, month)).find(
      (n) => n.includes(first.slice(0, 8)) && n.endsWith('.mp3')
    ) as string
    rmSync(join(lib.dirs.libraryDir, month, mp3))

    const json = await cli(['list', '--json', ...commonArgs(lib.dirs)])
    expect(json.code).toBe(0)
    const listed = JSON.parse(json.out.join('\n')) as Listed[]
    const byId = new Map(listed.map((c) => [c.id, c]))
    expect(byId.get(first)?.files.find((f) => f.kind === 'audio')).toMatchObject({
      state: 'missing',
      path: null
    })
    expect(
      states(
        listed.filter((c) => c.id !== first),
        'audio'
      )
    ).toEqual(['done'])
  })
})
