import { rm } from 'node:fs/promises'
import { createServer as createNetServer } from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SyncState } from '../../../../src/shared/domain'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { createHeadlessHost } from '../../../../src/main/core/app/headless-host'
import { createGatewayClient, GatewayError } from '../../../../src/main/core/gateway/client'
import { openLibrary } from '../../../../src/main/core/library'
import { GIVE_UP_MESSAGE, pollOnce } from '../../../../src/main/core/sync/poller'
import { DEFAULT_POLICY } from '../../../../src/main/core/sync/schedule'
import { FIXTURES, tempLibrary } from '../../../support/cli-harness'
import { startSimulator, type Simulator } from '../../../support/sim-gateway'

let sim: Simulator
let dirs: { dataDir: string; libraryDir: string }
const cores: SongshelfCore[] = []

beforeEach(async () => {
  sim = await startSimulator({ fixturesDir: FIXTURES, seed: 11 })
  dirs = tempLibrary()
})
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.stop()))
  await sim.close()
})

const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
const gatewayRequests = (): number => sim.requests.filter((r) => r.origin === 'gateway').length

function core(key = sim.apiKey, baseUrl = sim.gatewayUrl): SongshelfCore {
  const host = createHeadlessHost({
    transport: 'cli',
    version: '0.0.0',
    ...dirs,
    baseUrl,
    apiKey: key
  })
  const c = createSongshelfCore(host, {
    engine: {
      policy: { youngIntervalMs: 20, oldIntervalMs: 20, backoffBaseMs: 20, backoffMaxMs: 100 },
      progressIntervalMs: 20
    }
  })
  cores.push(c)
  return c
}

function waitForState(c: SongshelfCore, match: (s: SyncState) => boolean): Promise<SyncState> {
  return new Promise((resolve) => {
    if (match(c.engine().state())) return resolve(c.engine().state())
    const off = c.events.subscribe((event, payload) => {
      if (event === 'sync-state' && match(payload)) {
        off()
        resolve(payload)
      }
    })
  })
}

describe('polling', () => {
  it('polls 1,000 pending tasks with at most 21 requests per cycle', async () => {
    const library = openLibrary({ ...dirs, createLibraryDir: true })
    const ids = Array.from({ length: 1000 }, (_, i) => uuid(i + 1))
    for (const id of ids) sim.addTask({ id, steps: [{ status: 'IN_PROGRESS', polls: 1000 }] })
    library.addTasks(ids, Date.now())
    const client = createGatewayClient({ baseUrl: sim.gatewayUrl, apiKey: sim.apiKey })
    const before = gatewayRequests()
    const outcome = await pollOnce(
      { store: library, client, policy: DEFAULT_POLICY, downloadVideo: true },
      Date.now()
    )
    expect(outcome.kind).toBe('ok')
    expect(gatewayRequests() - before).toBeLessThanOrEqual(21)
    expect(library.pendingTasks()).toHaveLength(1000)
    await library.close()
  })

  it('keeps what the first batches said when a later batch of the same cycle fails', async () => {
    const library = openLibrary({ ...dirs, createLibraryDir: true })
    const ids = Array.from({ length: 120 }, (_, i) => uuid(5000 + i))
    for (const id of ids) sim.addTask({ id, steps: [{ status: 'IN_PROGRESS', polls: 1000 }] })
    library.addTasks(ids, Date.now())
    const real = createGatewayClient({ baseUrl: sim.gatewayUrl, apiKey: sim.apiKey })
    let calls = 0
    const flaky = {
      ...real,
      fetchTasks: async (batch: readonly string[]) => {
        calls++
        if (calls === 2) throw new GatewayError('server')
        return real.fetchTasks(batch)
      }
    }
    const outcome = await pollOnce(
      { store: library, client: flaky, policy: DEFAULT_POLICY, downloadVideo: true },
      Date.now()
    )
    expect(outcome.kind).toBe('error')
    const polled = library.pendingTasks().filter((t) => t.lastPolledAt !== null)
    expect(polled).toHaveLength(50)
    await library.close()
  })

  it('confirms ids missing from a batch three times before calling them not found, then never asks again', async () => {
    const library = openLibrary({ ...dirs, createLibraryDir: true })
    const unknown = uuid(42)
    library.addTasks([unknown], 0)
    const client = createGatewayClient({ baseUrl: sim.gatewayUrl, apiKey: sim.apiKey })
    const deps = { store: library, client, policy: DEFAULT_POLICY, downloadVideo: true }
    for (let i = 1; i <= 3; i++) {
      await pollOnce(deps, i * 60_000)
      expect(library.getTask(unknown)!.state).toBe(i < 3 ? 'pending' : 'not_found')
    }
    const singles = sim.requests.filter((r) => r.method === 'GET' && r.path.includes(unknown))
    expect(singles).toHaveLength(3)
    expect((await pollOnce(deps, 10 * 60_000)).kind).toBe('idle')
    await library.close()
  })

  it('marks a task stale after 30 minutes and gives up after 24 hours, keeping it', async () => {
    const library = openLibrary({ ...dirs, createLibraryDir: true })
    const id = uuid(7)
    sim.addTask({ id, steps: [{ status: 'QUEUED', polls: 1000 }] })
    library.addTasks([id], 0)
    const client = createGatewayClient({ baseUrl: sim.gatewayUrl, apiKey: sim.apiKey })
    const deps = { store: library, client, policy: DEFAULT_POLICY, downloadVideo: true }
    await pollOnce(deps, 31 * 60_000)
    expect(library.getTask(id)).toMatchObject({ state: 'pending', stale: true })
    expect(library.listTasks()[0]!.phase).toBe('stale')
    const before = gatewayRequests()
    await pollOnce(deps, 25 * 60 * 60_000)
    expect(gatewayRequests()).toBe(before)
    expect(library.getTask(id)).toMatchObject({ state: 'failed', failReason: GIVE_UP_MESSAGE })
    await library.close()
  })

  it('notices a task another process adds while nothing is pending', async () => {
    // The CLI's `add` beside the running app or preview writes the index directly; an
    // engine with nothing pending used to arm no timer at all and never looked again.
    const first = uuid(10)
    sim.addTask({ id: first, steps: [{ status: 'SUCCESS' }] })
    const app = core()
    app.library().addTasks([first], Date.now())
    app.start()
    await vi.waitFor(() => expect(app.library().getTask(first)?.state).toBe('succeeded'))
    await vi.waitFor(() => expect(app.engine().state().nextPollAt).toBeNull())
    // Well past the 20 ms poll interval: nothing is pending, so nothing is scheduled.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const id = uuid(9)
    sim.addTask({ id, steps: [{ status: 'SUCCESS' }] })
    const cli = openLibrary({ ...dirs })
    cli.addTasks([id], Date.now())
    await cli.close()
    await vi.waitFor(() => expect(app.library().getTask(id)?.state).toBe('succeeded'), {
      timeout: 10_000
    })
  })

  it('survives a restart: pending tasks and their schedule live in the index', async () => {
    const id = uuid(8)
    sim.addTask({ id, steps: [{ status: 'IN_PROGRESS', polls: 1000 }] })
    const first = core()
    first.library().addTasks([id], Date.now())
    first.start()
    await vi.waitFor(() => expect(first.library().getTask(id)!.lastPolledAt).not.toBeNull())
    await first.stop()
    const second = core()
    expect(second.library().getTask(id)).toMatchObject({ state: 'pending' })
    expect(second.library().getTask(id)!.nextPollAt).not.toBeNull()
  })
})

describe('the engine in trouble', () => {
  it('pauses on a rejected key, says why, keeps every task and stops asking', async () => {
    const c = core('sk-wrong')
    c.library().addTasks([uuid(1), uuid(2)], Date.now())
    c.start()
    const state = await waitForState(c, (s) => s.status === 'auth')
    expect(state.message).toMatch(/key/i)
    expect(state.pendingTasks).toBe(2)
    const seen = gatewayRequests()
    await c.engine().untilDone()
    expect(gatewayRequests()).toBe(seen)
  })

  it('says the account is out of credit when the gateway says so in Chinese', async () => {
    sim.setFault({ kind: 'auth', message: '[sk-abc***xyz] 该令牌额度已用尽', status: 401 })
    const c = core()
    c.library().addTasks([uuid(1)], Date.now())
    c.start()
    const state = await waitForState(c, (s) => s.status === 'auth')
    expect(state.message).toMatch(/credit/i)
    // The app says it in the user's language from the code (issue 13, defect 11).
    expect(state.messageCode).toBe('auth_no_credit')
  })

  it('honours Retry-After on 429 before polling again', async () => {
    sim.addTask({ id: uuid(3) })
    sim.setFault({ kind: 'rate_limit', retryAfter: '7' }, { times: 1 })
    const c = core()
    c.library().addTasks([uuid(3)], Date.now())
    c.start()
    await vi.waitFor(() => expect(c.engine().state().lastPollAt).not.toBeNull())
    const state = c.engine().state()
    expect(state.nextPollAt! - state.lastPollAt!).toBeGreaterThanOrEqual(7000)
    expect(state.message).toMatch(/limiting|slow/i)
  })

  it('a gateway nobody answers at is "unreachable", not "offline", and keeps its tasks', async () => {
    // Issue 13, defect 6: the network is fine (loopback), the gateway's port is closed.
    const closed = createNetServer()
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', () => done()))
    const { port } = closed.address() as { port: number }
    await new Promise<void>((done) => closed.close(() => done()))
    const c = core(sim.apiKey, `http://127.0.0.1:${port}`)
    c.library().addTasks([uuid(4)], Date.now())
    c.start()
    const state = await waitForState(c, (s) => s.status === 'unreachable')
    expect(state.pendingTasks).toBe(1)
    expect(state.message).toMatch(/nothing is listening/)
  })

  it('pauses the whole queue on a full disk and resumes when asked', async () => {
    sim.addTask({ id: uuid(5), clips: 1, video: false })
    const host = createHeadlessHost({
      transport: 'cli',
      version: '0.0.0',
      ...dirs,
      baseUrl: sim.gatewayUrl,
      apiKey: sim.apiKey
    })
    let full = true
    const { downloadFile } = await import('../../../../src/main/core/sync/download')
    // A downloader that reports ENOSPC until space "returns" (the real ENOSPC path of
    // downloadFile is covered in download tests and the disk-full fault suite).
    const c = createSongshelfCore(host, {
      engine: {
        policy: { youngIntervalMs: 20, oldIntervalMs: 20 },
        download: async (opts) =>
          full
            ? {
                ok: false,
                code: 'disk_full',
                message: 'Disk full: downloads are paused.',
                retryable: false,
                resumable: false
              }
            : downloadFile(opts)
      }
    })
    cores.push(c)
    c.library().addTasks([uuid(5)], Date.now())
    c.start()
    const paused = await waitForState(c, (s) => s.status === 'disk_full')
    expect(paused.downloadsPaused).toBe(true)
    expect(paused.message).toMatch(/Disk full/)
    expect(paused.messageCode).toBe('file_disk_full')
    full = false
    c.engine().resumeDownloads()
    await c.engine().untilDone()
    const clip = c.library().listClipsForCli({})[0]!
    expect(clip.files.find((f) => f.kind === 'audio')!.state).toBe('done')
  })

  // The queue pauses alike for a full disk and a library folder that went away (an
  // unplugged drive); the state's code says which, so the banner does not say "disk full".
  it('pauses for a library folder that went away and says so with its code', async () => {
    const c = core()
    await c.ready()
    await rm(dirs.libraryDir, { recursive: true, force: true })
    sim.addTask({ id: uuid(21), clips: 1, video: false })
    c.library().addTasks([uuid(21)], Date.now())
    c.start()
    const paused = await waitForState(c, (s) => s.status === 'disk_full')
    expect(paused.downloadsPaused).toBe(true)
    expect(paused.message).toContain('library folder is not available')
    // Old code: no code, so the app could only say its disk-full words.
    expect(paused.messageCode).toBe('file_library_missing')
  })

  it('sends throttled progress events while downloading', async () => {
    const t = sim.addTask({ id: uuid(6), clips: 1, video: false, bigFile: 2 * 1024 * 1024 })
    sim.setFault({
      kind: 'slow',
      path: sim.mediaPath(t.clipIds[0]!, 'audio'),
      delayMs: 5,
      chunkBytes: 32 * 1024
    })
    const c = core()
    const events: number[] = []
    c.events.subscribe((event, payload) => {
      if (event === 'download-progress') events.push(payload.items.length)
    })
    c.library().addTasks([uuid(6)], Date.now())
    c.start()
    await c.engine().untilDone()
    expect(events.length).toBeGreaterThan(0)
    // 64 chunks were written; the UI heard about them far fewer times.
    expect(events.length).toBeLessThan(64)
  })
})

describe('the download queue and the disk', () => {
  it('starts the next transfer while a received file is still being synced to disk', async () => {
    // Two clips with video: six files, twice the default concurrency of 3.
    sim.addTask({ id: uuid(7), clips: 2, video: true })
    const host = createHeadlessHost({
      transport: 'cli',
      version: '0.0.0',
      ...dirs,
      baseUrl: sim.gatewayUrl,
      apiKey: sim.apiKey
    })
    const { downloadFile } = await import('../../../../src/main/core/sync/download')
    const { nodeDownloadFs } = await import('../../../../src/main/core/sync/part-file')
    let open: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (open = resolve))
    let syncing = 0
    // A disk whose fsync waits (a busy disk): before, each waiting file held its slot.
    const slowDisk: typeof nodeDownloadFs = {
      ...nodeDownloadFs,
      async openForWrite(path, truncate) {
        const file = await nodeDownloadFs.openForWrite(path, truncate)
        return {
          ...file,
          async sync() {
            syncing++
            await gate
            await file.sync()
          }
        }
      }
    }
    const c = createSongshelfCore(host, {
      engine: {
        policy: { youngIntervalMs: 20, oldIntervalMs: 20 },
        download: (opts) => downloadFile({ ...opts, fs: slowDisk })
      }
    })
    cores.push(c)
    c.library().addTasks([uuid(7)], Date.now())
    c.start()
    for (let i = 0; i < 600 && syncing < 6; i++) await new Promise((r) => setTimeout(r, 50))
    expect(syncing).toBe(6)
    open()
    await c.engine().untilDone()
    const files = c
      .library()
      .listClipsForCli({})
      .flatMap((clip) => clip.files)
    const media = files.filter(
      (f) => f.kind === 'audio' || f.kind === 'video' || f.kind === 'cover'
    )
    expect(media.map((f) => f.state)).toEqual(Array(6).fill('done'))
  }, 60_000)
})
