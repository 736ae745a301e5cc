import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { MethodName, RequestOf, ResponseOf, Result } from '../../../src/shared/contract'
import type { ClipRow } from '../../../src/shared/domain'
import { startSimulator, type Simulator, type SimTaskSpec } from '../../support/sim-gateway'
import { startPreview, tempDirs, type RunningPreview } from './preview'

// Seeds a library the real way: a simulated gateway with scripted tasks, the real
// `preview:web` pointed at it, task ids added through the same call the Tasks view makes,
// then wait until the core has polled and downloaded every clip.

const FIXTURES = resolve(import.meta.dirname, '../../fixtures')

export interface SeedTask extends Omit<SimTaskSpec, 'id'> {
  id?: string
}

export interface SeededLibrary {
  sim: Simulator
  preview: RunningPreview
  dirs: { dataDir: string; libraryDir: string }
  taskIds: string[]
  /** Stops the preview and starts it again on the same data and library folders. */
  restart(): Promise<RunningPreview>
  stop(): Promise<void>
}

/** One bridge call through the preview's HTTP transport (what the renderer does). */
export async function callPreview<M extends MethodName>(
  preview: RunningPreview,
  method: M,
  request: RequestOf<M> | null = null
): Promise<ResponseOf<M>> {
  const response = await fetch(`${preview.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Songshelf-Token': preview.token },
    body: JSON.stringify(request)
  })
  const result = (await response.json()) as Result<ResponseOf<M>>
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}

/** Resolves once `check` returns a value, asking again whenever the core has had a moment
 * to work; fails with the last state after `timeoutMs`. */
export async function waitForState<T>(
  what: string,
  check: () => Promise<T | null>,
  timeoutMs = 30_000
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown = null
  for (;;) {
    try {
      const value = await check()
      if (value !== null) return value
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}. Last error: ${String(last)}`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

/** Every clip of the library, once all `count` are in and downloaded. */
export async function waitForClips(preview: RunningPreview, count: number): Promise<ClipRow[]> {
  return waitForState(`${count} downloaded clips`, async () => {
    const page = await callPreview(preview, 'queryLibrary', { limit: 500 })
    const done = page.rows.filter((row) => row.downloadState === 'done')
    return page.total === count && done.length === count ? page.rows : null
  })
}

export async function seedLibrary(tasks: SeedTask[]): Promise<SeededLibrary> {
  const sim = await startSimulator(existsSync(FIXTURES) ? { fixturesDir: FIXTURES } : {})
  const specs = tasks.map((task, i) => ({
    // Finished on the first poll: the library, not the progression, is under test.
    steps: [{ status: 'SUCCESS' }],
    ...task,
    id: task.id ?? `task_e2e${String(i + 1).padStart(4, '0')}`
  }))
  for (const spec of specs) sim.addTask(spec)
  const dirs = tempDirs()
  const start = (): Promise<RunningPreview> =>
    startPreview({ ...dirs, baseUrl: sim.gatewayUrl, key: sim.apiKey })
  const seeded: SeededLibrary = {
    sim,
    preview: await start(),
    dirs,
    taskIds: specs.map((spec) => spec.id),
    restart: async () => {
      await seeded.preview.stop()
      seeded.preview = await start()
      return seeded.preview
    },
    stop: async () => {
      await seeded.preview.stop()
      await sim.close()
    }
  }
  await callPreview(seeded.preview, 'addTasks', { text: seeded.taskIds.join('\n') })
  const clipCount = specs.reduce(
    (n, spec) => n + (spec.shape === 'lyrics' ? 0 : (spec.clips ?? 2)),
    0
  )
  await waitForClips(seeded.preview, clipCount)
  return seeded
}
