import { createSongshelfCore, type CoreOptions } from '../../src/main/core/app/create-core'
import { createHeadlessHost } from '../../src/main/core/app/headless-host'
import type { Host } from '../../src/main/core/app/host'
import { tempLibrary } from './cli-harness'
import { startSimulator, type SimTaskSpec, type Simulator } from './sim-gateway'

// A library filled the real way — the simulated gateway, the real core, real downloads —
// for suites that need songs on disk before they start poking at the core.

export const SHORT_POLICY = {
  youngIntervalMs: 20,
  oldIntervalMs: 20,
  backoffBaseMs: 20,
  backoffMaxMs: 200
}

export interface SyncedLibrary {
  sim: Simulator
  dirs: { dataDir: string; libraryDir: string }
  taskIds: string[]
  clipIds: string[]
  /** A headless host on these folders, pointed at the simulator. */
  host(): Host
}

export function headlessHost(
  dirs: { dataDir: string; libraryDir: string },
  sim: Simulator,
  apiKey = sim.apiKey
): Host {
  return createHeadlessHost({
    transport: 'web-preview',
    version: '0.0.0',
    ...dirs,
    baseUrl: sim.gatewayUrl,
    apiKey
  })
}

/** Starts a simulator, syncs `tasks` into a fresh library and closes the core again. */
export async function syncedLibrary(
  tasks: SimTaskSpec[],
  opts: { seed?: number; apiKey?: string; core?: CoreOptions } = {}
): Promise<SyncedLibrary> {
  const sim = await startSimulator({
    seed: opts.seed ?? 1,
    ...(opts.apiKey === undefined ? {} : { apiKey: opts.apiKey })
  })
  const dirs = tempLibrary()
  const core = createSongshelfCore(headlessHost(dirs, sim), {
    ...opts.core,
    engine: { policy: SHORT_POLICY, ...opts.core?.engine }
  })
  const clipIds = tasks.flatMap((spec) => [...sim.addTask(spec).clipIds])
  await core.handlers.addTasks({ text: tasks.map((t) => t.id).join('\n') })
  core.start()
  await core.engine().untilDone()
  await core.idle()
  await core.stop()
  return {
    sim,
    dirs,
    taskIds: tasks.map((t) => t.id),
    clipIds,
    host: () => headlessHost(dirs, sim)
  }
}
