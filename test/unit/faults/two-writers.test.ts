import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ensureBuilt } from '../../support/build'
import { cli, commonArgs, ROOT, tempLibrary } from '../../support/cli-harness'
import { auditMedia, integrityCheck, listLibrary } from '../../support/library-audit'
import { startSimulator, type Simulator } from '../../support/sim-gateway'

// Issue 12 §1: two `songshelf sync` processes (or the CLI beside the preview) on one data
// folder and library used to stream into the same `.part` files and leave 0-byte and
// truncated songs marked done, with exit 0. One process is now the writer; the other
// names it and changes nothing (the CLI), or waits in standby and takes over (the preview).
// Real processes (the built bin/songshelf.cjs and out/main/preview-web.js), real HTTP.

const TASKS = 20
const AUDIO_BYTES = 384 * 1024
const FAST = ['--poll-interval', '0.05', '--timeout', '90']
const TOKEN = 'two-writers-preview-token-0123456789abcdef'

let sim: Simulator
const roots: string[] = []
const children = new Set<ChildProcess>()
beforeAll(async () => {
  ensureBuilt()
  sim = await startSimulator({ seed: 1212 })
}, 180_000)
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL')
  await sim?.close()
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

interface Ran {
  child: ChildProcess
  exit: Promise<number | null>
  stdout: () => string
  stderr: () => string
}

function start(script: string, args: string[]): Ran {
  const child = spawn(process.execPath, [join(ROOT, script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The CLI's compile cache would land in this file's temp folder (test/support/temp-check.ts).
    env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' }
  })
  children.add(child)
  let out = ''
  let err = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child)
      resolve(code)
    })
  )
  return { child, exit, stdout: () => out, stderr: () => err }
}

/** 20 tasks × 2 clips with audio large enough that the first sync is still busy. */
async function library(run: string): Promise<{
  dirs: { dataDir: string; libraryDir: string }
  clipIds: string[]
  mediaPaths: Set<string>
}> {
  const ids = Array.from(
    { length: TASKS },
    (_, i) => `2a2a0000-0000-4000-8000-${run}${String(i).padStart(10, '0')}`
  )
  const clipIds: string[] = []
  for (const [i, id] of ids.entries()) {
    const task = sim.addTask({
      id,
      steps: [{ status: 'SUCCESS' }],
      title: `Two ${run} ${i}`,
      bigFile: AUDIO_BYTES
    })
    clipIds.push(...task.clipIds)
  }
  // The first file trickles, so the first process is surely mid-download when the second starts.
  sim.setFault(
    {
      kind: 'slow',
      path: sim.mediaPath(clipIds[0] as string, 'audio'),
      delayMs: 20,
      chunkBytes: 16 * 1024
    },
    { times: 1 }
  )
  const dirs = tempLibrary()
  roots.push(dirname(dirs.dataDir))
  expect((await cli(['add', ...commonArgs(dirs), ...ids])).code).toBe(0)
  const mediaPaths = new Set(
    clipIds.flatMap((id) =>
      (['audio', 'video', 'coverLarge'] as const).map((k) => sim.mediaPath(id, k))
    )
  )
  return { dirs, clipIds, mediaPaths }
}

async function filesDone(dirs: { dataDir: string; libraryDir: string }): Promise<number> {
  const listed = JSON.parse(
    (await cli(['list', '--json', ...commonArgs(dirs)])).out.join('\n')
  ) as {
    files: { kind: string; state: string }[]
  }[]
  return listed.flatMap((c) => c.files).filter((f) => f.kind !== 'sidecar' && f.state === 'done')
    .length
}

async function expectWholeLibrary(
  dirs: { dataDir: string; libraryDir: string },
  clipIds: string[],
  mediaPaths: Set<string>
): Promise<void> {
  // Nothing fetched twice over: one GET per file of this library (counted before the
  // audit, which fetches its own reference copies).
  const gets = sim.requests.filter((r) => r.origin === 'cdn' && mediaPaths.has(r.path))
  expect(gets).toHaveLength(mediaPaths.size)
  expect(await auditMedia(dirs.libraryDir, sim, clipIds)).toEqual([])
  const listing = listLibrary(dirs.libraryDir)
  expect(listing.media).toHaveLength(clipIds.length * 3)
  expect(listing.parts).toEqual([])
  const listed = JSON.parse(
    (await cli(['list', '--json', ...commonArgs(dirs)])).out.join('\n')
  ) as {
    id: string
    files: { kind: string; state: string; bytes: number | null }[]
  }[]
  for (const clip of listed) {
    for (const kind of ['audio', 'video', 'cover']) {
      const file = clip.files.find((f) => f.kind === kind)
      expect(file?.state, `${clip.id} ${kind}`).toBe('done')
      expect(file?.bytes, `${clip.id} ${kind}`).toBeGreaterThan(0)
    }
  }
  expect(integrityCheck(join(dirs.dataDir, 'library.sqlite'))).toBe('ok')
}

describe('two processes on one data folder and library', () => {
  it('a second `songshelf sync` names the one already syncing, exits 4, and every song arrives once and whole', async () => {
    const { dirs, clipIds, mediaPaths } = await library('01')
    const firstCdn = sim.waitForRequest((r) => r.origin === 'cdn' && mediaPaths.has(r.path))
    const first = start('bin/songshelf.cjs', [
      'sync',
      '--until-done',
      ...FAST,
      ...commonArgs(dirs, sim)
    ])
    await firstCdn
    const second = start('bin/songshelf.cjs', [
      'sync',
      '--until-done',
      ...FAST,
      ...commonArgs(dirs, sim)
    ])
    expect(await second.exit).toBe(4)
    expect(second.stderr()).toContain(
      `Songshelf is already syncing this library (pid ${first.child.pid},`
    )
    expect(second.stdout()).toBe('')
    expect(await first.exit).toBe(0)
    expect(first.stdout()).toContain(`summary: ${TASKS} done, 0 pending, 0 problem(s)`)
    await expectWholeLibrary(dirs, clipIds, mediaPaths)
  }, 120_000)

  it('the CLI beside a running preview: the preview syncs, `sync` says so, `add` and `list` still work', async () => {
    const { dirs, clipIds, mediaPaths } = await library('02')
    const preview = start('out/main/preview-web.js', [
      ...commonArgs(dirs, sim),
      '--port',
      '0',
      '--token',
      TOKEN
    ])
    await vi.waitFor(
      () => {
        if (!preview.stdout().includes('Songshelf preview:')) throw new Error('not up yet')
      },
      { timeout: 30_000, interval: 20 }
    )
    const synced = await cli(['sync', '--until-done', ...FAST, ...commonArgs(dirs, sim)])
    expect(synced.code).toBe(4)
    expect(synced.err.join('\n')).toContain(
      `Songshelf is already syncing this library (pid ${preview.child.pid},`
    )
    expect(synced.err.join('\n')).toContain('by the preview')
    const listed = await cli(['list', '--json', ...commonArgs(dirs)])
    expect(listed.code).toBe(0)
    // A task added from the terminal meanwhile is picked up by the preview.
    const extra = sim.addTask({
      id: '2a2a0000-0000-4000-8000-020000000099',
      steps: [{ status: 'SUCCESS' }]
    })
    expect((await cli(['add', ...commonArgs(dirs), extra.id])).code).toBe(0)
    clipIds.push(...extra.clipIds)
    for (const id of extra.clipIds) {
      for (const k of ['audio', 'video', 'coverLarge'] as const)
        mediaPaths.add(sim.mediaPath(id, k))
    }
    await vi.waitFor(
      async () => {
        const done = await filesDone(dirs)
        if (done < clipIds.length * 3) throw new Error(`${done} files done`)
      },
      { timeout: 90_000, interval: 100 }
    )
    preview.child.kill('SIGTERM')
    expect(await preview.exit).toBe(0)
    await expectWholeLibrary(dirs, clipIds, mediaPaths)
  }, 150_000)

  it('a preview started beside a running sync waits, shows the library, and takes over when the sync ends', async () => {
    const { dirs, clipIds, mediaPaths } = await library('03')
    const firstCdn = sim.waitForRequest((r) => r.origin === 'cdn' && mediaPaths.has(r.path))
    const sync = start('bin/songshelf.cjs', ['sync', ...FAST, ...commonArgs(dirs, sim)])
    await firstCdn
    const preview = start('out/main/preview-web.js', [
      ...commonArgs(dirs, sim),
      '--port',
      '0',
      '--token',
      TOKEN
    ])
    await vi.waitFor(
      () => {
        if (!preview.stdout().includes('Songshelf preview:')) throw new Error('not up yet')
      },
      { timeout: 30_000, interval: 20 }
    )
    const base = /Songshelf preview: (http:\/\/127\.0\.0\.1:\d+)/.exec(preview.stdout())?.[1] ?? ''
    const call = async (method: string, payload: unknown = null): Promise<unknown> => {
      const res = await fetch(`${base}/api/call/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-songshelf-token': TOKEN },
        body: JSON.stringify(payload)
      })
      return await res.json()
    }
    const waiting = (await call('getSyncState')) as {
      ok: boolean
      value: { status: string; message: string }
    }
    expect(waiting.value.status).toBe('elsewhere')
    expect(waiting.value.message).toContain(`(pid ${sync.child.pid},`)
    expect(waiting.value.message).toContain('by songshelf sync')
    expect(((await call('queryLibrary', {})) as { ok: boolean }).ok).toBe(true)

    // The sync runs until stopped (cron without --until-done, Ctrl+C); the preview then
    // becomes the writer and finishes whatever was left.
    sync.child.kill('SIGINT')
    await sync.exit
    await vi.waitFor(
      async () => {
        const state = (await call('getSyncState')) as { value: { status: string } }
        if (state.value.status === 'elsewhere') throw new Error('still waiting')
      },
      { timeout: 30_000, interval: 100 }
    )
    await vi.waitFor(
      async () => {
        const done = await filesDone(dirs)
        if (done < clipIds.length * 3) throw new Error(`${done} files done`)
      },
      { timeout: 90_000, interval: 100 }
    )
    preview.child.kill('SIGTERM')
    expect(await preview.exit).toBe(0)
    expect(await auditMedia(dirs.libraryDir, sim, clipIds)).toEqual([])
    expect(listLibrary(dirs.libraryDir).media).toHaveLength(clipIds.length * 3)
  }, 150_000)
})
