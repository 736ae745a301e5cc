import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncState } from '../../../src/shared/domain'
import { createSongshelfCore } from '../../../src/main/core/app/create-core'
import { dispatch } from '../../../src/main/core/app/dispatch'
import { createHeadlessHost } from '../../../src/main/core/app/headless-host'
import { createGatewayClient } from '../../../src/main/core/gateway/client'
import { openLibrary, type LibraryStore } from '../../../src/main/core/library'
import { downloadFile } from '../../../src/main/core/sync/download'
import { SyncEngine } from '../../../src/main/core/sync/engine'
import { tempLibrary } from '../../support/cli-harness'
import { auditMedia, integrityCheck, listLibrary } from '../../support/library-audit'
import { canMountTmpfs, createSmallDisk, type SmallDisk } from '../../support/small-disk'
import { startSimulator, type Simulator } from '../../support/sim-gateway'

// A full disk in the middle of a sync (RELIABILITY.md E8, issue "Proof at scale"):
// downloads pause with a message that says what to do, nothing already in the library is
// touched, no half file is left, and Resume finishes the job once space is back. The
// library sits on a real 8 MiB tmpfs where mounting is allowed; elsewhere the downloader
// gets a file system that refuses writes past a quota (the test name says which ran).

const MODE = canMountTmpfs() ? 'tmpfs' : 'quota'
const WHERE =
  MODE === 'tmpfs'
    ? 'library on a real 8 MiB tmpfs'
    : 'tmpfs not mountable here: injected ENOSPC past a quota'
const SHORT = { youngIntervalMs: 20, oldIntervalMs: 20, backoffBaseMs: 20, backoffMaxMs: 100 }

interface Running {
  library: () => LibraryStore
  state: () => SyncState
  /** What pasting ids into the Tasks view does. */
  add: (ids: string[]) => Promise<void>
  /** What the Resume button does. */
  resume: () => Promise<void>
  /** Until nothing can progress, then until finished songs are tagged. */
  settled: () => Promise<void>
  stop: () => Promise<void>
}

/** The product's composition on a tmpfs; on a quota disk the same engine and library,
 * wired by hand so that the downloader can be given the quota's file system. */
function startSync(disk: SmallDisk, sim: Simulator, dirs: { dataDir: string }): Running {
  const host = createHeadlessHost({
    transport: 'cli',
    version: '0.0.0',
    dataDir: dirs.dataDir,
    libraryDir: disk.dir,
    baseUrl: sim.gatewayUrl,
    apiKey: sim.apiKey
  })
  const quotaFs = disk.downloadFs
  if (quotaFs === null) {
    const core = createSongshelfCore(host, { engine: { policy: SHORT } })
    core.start()
    return {
      library: () => core.library(),
      state: () => core.engine().state(),
      add: async (ids) => {
        const result = await dispatch(core.handlers, 'addTasks', { text: ids.join(' ') })
        expect(result).toMatchObject({ ok: true })
      },
      resume: async () => {
        expect(await dispatch(core.handlers, 'resumeDownloads', null)).toMatchObject({ ok: true })
      },
      settled: async () => {
        await core.engine().untilDone()
        await core.engine().queue.idle()
        await core.idle()
      },
      stop: () => core.stop()
    }
  }
  const library = openLibrary({ dataDir: dirs.dataDir, libraryDir: disk.dir })
  // The library finishes each clip by itself once its last file settles.
  const engine = new SyncEngine({
    store: library,
    client: () => createGatewayClient({ baseUrl: sim.gatewayUrl, apiKey: sim.apiKey }),
    settings: () => host.settings.get(),
    policy: SHORT,
    download: (opts) => downloadFile({ ...opts, fs: quotaFs })
  })
  engine.start()
  return {
    library: () => library,
    state: () => engine.state(),
    add: async (ids) => {
      library.addTasks(ids, Date.now())
      engine.pollNow()
    },
    resume: async () => engine.resumeDownloads(),
    settled: async () => {
      await engine.untilDone()
      await engine.queue.idle()
      await library.flush()
    },
    stop: async () => {
      await engine.stop()
      await library.close()
    }
  }
}

function snapshot(dir: string): Map<string, { sha256: string; mtimeMs: number }> {
  const out = new Map<string, { sha256: string; mtimeMs: number }>()
  const { media, sidecars } = listLibrary(dir)
  for (const rel of [...media, ...sidecars]) {
    const path = join(dir, rel)
    const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex')
    out.set(rel, { sha256, mtimeMs: statSync(path).mtimeMs })
  }
  return out
}

let sim: Simulator
let disk: SmallDisk
beforeAll(async () => {
  sim = await startSimulator({ seed: 77 })
  disk = createSmallDisk(MODE, 8 * 1024 * 1024)
})
afterAll(async () => {
  await sim?.close()
  disk?.dispose()
})

describe('a full disk during a sync', () => {
  it(`pauses downloads with a clear message, touches nothing already downloaded, and resumes when space returns (${WHERE})`, async () => {
    const dirs = tempLibrary()
    const first = sim.addTask({ id: 'd15cf011-0000-4000-8000-000000000001', title: 'Before' })
    const run = startSync(disk, sim, dirs)
    try {
      await run.add([first.id])
      await run.settled()
      const before = snapshot(disk.dir)
      expect([...before.keys()].filter((f) => f.endsWith('.mp3'))).toHaveLength(2)

      // The disk fills up; a new task brings two long songs that cannot fit.
      disk.fill(256 * 1024)
      const second = sim.addTask({
        id: 'd15cf011-0000-4000-8000-000000000002',
        title: 'After',
        bigFile: 1024 * 1024
      })
      await run.add([second.id])
      await run.settled()

      const paused = run.state()
      expect(paused.status).toBe('disk_full')
      expect(paused.downloadsPaused).toBe(true)
      expect(paused.message).toMatch(/Disk full.*paused.*Free some space.*Resume/)
      expect(paused.message).toMatch(/nothing already downloaded was touched/)
      // Nothing was given up on: every file of the new task is done or waiting.
      const waiting = run
        .library()
        .listClipsForCli({})
        .filter((c) => c.taskId === second.id)
      const states = waiting.flatMap((c) => c.files.filter((f) => f.kind !== 'sidecar'))
      expect(states.some((f) => f.state === 'pending')).toBe(true)
      expect(states.every((f) => f.state === 'pending' || f.state === 'done')).toBe(true)
      // What was there is untouched (same bytes, not even rewritten), and no half file
      // was left behind, under a final name or as a .part.
      for (const [file, was] of before) expect(snapshot(disk.dir).get(file), file).toEqual(was)
      expect(listLibrary(disk.dir).parts).toEqual([])
      const clipIds = [...first.clipIds, ...second.clipIds]
      expect(await auditMedia(disk.dir, sim, clipIds)).toEqual([])

      // Space comes back; the user presses Resume.
      disk.free()
      await run.resume()
      await run.settled()
      expect(run.state()).toMatchObject({ status: 'idle', downloadsPaused: false })
      const files = run
        .library()
        .listClipsForCli({})
        .flatMap((c) => c.files.filter((f) => f.kind !== 'sidecar'))
      expect(files.map((f) => f.state)).toEqual(Array(files.length).fill('done'))
      expect(files).toHaveLength(12)
      for (const [file, was] of before) expect(snapshot(disk.dir).get(file), file).toEqual(was)
      expect(listLibrary(disk.dir).parts).toEqual([])
      expect(await auditMedia(disk.dir, sim, clipIds)).toEqual([])
    } finally {
      await run.stop()
    }
    expect(integrityCheck(join(dirs.dataDir, 'library.sqlite'))).toBe('ok')
  })
})
