import { randomBytes } from 'node:crypto'
import {
  closeSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/core/app/dispatch'
import { createSongshelfCore } from '../../../src/main/core/app/create-core'
import { cli, commonArgs } from '../../support/cli-harness'
import { headlessHost, syncedLibrary, type SyncedLibrary } from '../../support/synced-library'

// Issue 12 §2: with the index header, its middle or the whole file overwritten every
// command — rebuild included — failed with "file is not a database" / "database disk
// image is malformed", and a 0-byte index showed an empty library quietly. Now the damaged
// file is moved aside (never deleted), the index is rebuilt from the library folder, the
// pending tasks come back from the task-id journal, and the CLI and the app say so.

const PENDING = 'da0a0000-0000-4000-8000-00000000ffff'

let lib: SyncedLibrary
beforeEach(async () => {
  lib = await syncedLibrary(
    [
      { id: 'da0a0000-0000-4000-8000-000000000001', steps: [{ status: 'SUCCESS' }] },
      { id: 'da0a0000-0000-4000-8000-000000000002', steps: [{ status: 'SUCCESS' }] }
    ],
    { seed: 77 }
  )
  // A task the gateway is still working on: only the index (and the journal) knows it.
  lib.sim.addTask({ id: PENDING, steps: [{ status: 'IN_PROGRESS' }] })
  expect((await cli(['add', ...commonArgs(lib.dirs), PENDING])).code).toBe(0)
}, 60_000)
afterEach(async () => {
  await lib.sim.close()
  rmSync(dirname(lib.dirs.dataDir), { recursive: true, force: true })
})

const indexPath = (): string => join(lib.dirs.dataDir, 'library.sqlite')

function overwrite(offset: number, bytes: Buffer): void {
  const fd = openSync(indexPath(), 'r+')
  try {
    writeSync(fd, bytes, 0, bytes.length, offset)
  } finally {
    closeSync(fd)
  }
}

const DAMAGE: [string, () => void][] = [
  ['truncated to 0 bytes', () => truncateSync(indexPath(), 0)],
  [
    'truncated by half',
    () => truncateSync(indexPath(), Math.floor(statSync(indexPath()).size / 2))
  ],
  ['with its header overwritten', () => overwrite(0, randomBytes(100))],
  [
    'with 64 KB of garbage in the middle',
    () => {
      const size = statSync(indexPath()).size
      overwrite(Math.max(4096, Math.floor(size / 2) - 32 * 1024), randomBytes(64 * 1024))
    }
  ],
  ['replaced by random bytes', () => overwrite(0, randomBytes(statSync(indexPath()).size))]
]

function setAside(): string[] {
  return readdirSync(lib.dirs.dataDir).filter((name) => name.startsWith('library.sqlite.damaged-'))
}

describe('a damaged index', () => {
  it.each(DAMAGE)(
    '%s: `list` says what happened and shows every song, and the pending task is back',
    async (_label, damage) => {
      damage()
      const listed = await cli(['list', '--json', ...commonArgs(lib.dirs)])
      expect(listed.code).toBe(0)
      expect(listed.err.join('\n')).toMatch(
        /The library index was damaged \(.+\), so it was moved to .+library\.sqlite\.damaged-.+ and rebuilt from the library folder: 4 clip\(s\), 1 pending task\(s\) restored\./
      )
      const clips = JSON.parse(listed.out.join('\n')) as {
        id: string
        files: { state: string }[]
      }[]
      expect(clips.map((c) => c.id).sort()).toEqual([...lib.clipIds].sort())
      expect(setAside().length).toBeGreaterThanOrEqual(1)
      const tasks = JSON.parse(
        (await cli(['tasks', '--json', ...commonArgs(lib.dirs)])).out.join('\n')
      ) as {
        id: string
        state: string
      }[]
      expect(tasks.find((t) => t.id === PENDING)?.state).toBe('pending')
      expect(tasks).toHaveLength(3)
      // Said once: the next command finds a healthy index.
      expect((await cli(['list', ...commonArgs(lib.dirs)])).err).toEqual([])
    }
  )

  it.each(DAMAGE)('%s: `rebuild` works', async (_label, damage) => {
    damage()
    const rebuilt = await cli(['rebuild', ...commonArgs(lib.dirs)])
    expect(rebuilt.code).toBe(0)
    expect(rebuilt.err.join('\n')).toContain('rebuilt from the library folder: 4 clip(s)')
    expect((await cli(['rebuild', ...commonArgs(lib.dirs)])).out[0]).toMatch(
      /^rebuilt the index: 4 clip/
    )
  })

  it('through the handlers: the app gets a notice with what came back, and the library is there', async () => {
    overwrite(0, randomBytes(100))
    const core = createSongshelfCore(headlessHost(lib.dirs, lib.sim))
    try {
      const recovery = await core.ready()
      expect(recovery).toMatchObject({
        reason: 'not_a_database',
        rebuilt: true,
        clips: 4,
        tasksRestored: 1
      })
      const info = await dispatch(core.handlers, 'getAppInfo', undefined)
      expect(info).toMatchObject({
        ok: true,
        value: {
          indexRecovery: { reason: 'not_a_database', rebuilt: true, clips: 4, tasksRestored: 1 }
        }
      })
      const page = await dispatch(core.handlers, 'queryLibrary', {})
      expect(page).toMatchObject({ ok: true, value: { total: 4 } })
    } finally {
      await core.stop()
    }
  })
})
