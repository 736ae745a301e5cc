import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createGatewayClient } from '../src/main/core/gateway/client'
import { openLibrary } from '../src/main/core/library'
import { pollOnce } from '../src/main/core/sync/poller'
import { DEFAULT_POLICY } from '../src/main/core/sync/schedule'
import { benchTaskId } from './poll-ids'

// The polling side of polling.bench.ts, in a process of its own so its CPU time is the
// client's alone (the simulated gateway runs in the parent):
// `node poll-child.js <gatewayUrl> <apiKey> <tasks> <cycles>` adds the task ids to a new
// library, then runs poll cycles the way the engine does (a client per cycle, every
// pending task due) and prints one JSON line with the CPU and wall time of each.

export interface PollReport {
  /** One entry per measured cycle (the first, warm-up cycle is left out). */
  cpuMs: number[]
  wallMs: number[]
  /** Cycles run in all, warm-up included (the parent divides its request count). */
  cycles: number
  pending: number
}

async function main(): Promise<void> {
  const [gatewayUrl, apiKey, tasksArg, cyclesArg] = process.argv.slice(2)
  if (gatewayUrl === undefined || apiKey === undefined)
    throw new Error('usage: <url> <key> <tasks> <cycles>')
  const tasks = Number(tasksArg ?? 1000)
  const cycles = Number(cyclesArg ?? 5)
  const root = await mkdtemp(join(tmpdir(), 'songshelf-bench-poll-'))
  const library = openLibrary({
    dataDir: join(root, 'data'),
    libraryDir: join(root, 'library'),
    createLibraryDir: true,
    logger: { warn: () => undefined }
  })
  const start = Date.now()
  library.addTasks(
    Array.from({ length: tasks }, (_, i) => benchTaskId(i)),
    start
  )
  const report: PollReport = { cpuMs: [], wallMs: [], cycles: cycles + 1, pending: 0 }
  try {
    for (let cycle = 0; cycle <= cycles; cycle++) {
      // A minute apart: every task is due again, as in a real cycle of a busy library.
      const now = start + cycle * 60_000
      const cpu = process.cpuUsage()
      const t0 = performance.now()
      const client = createGatewayClient({ baseUrl: gatewayUrl, apiKey })
      const outcome = await pollOnce(
        { store: library, client, policy: DEFAULT_POLICY, downloadVideo: true },
        now
      )
      const wall = performance.now() - t0
      const used = process.cpuUsage(cpu)
      if (outcome.kind !== 'ok')
        throw new Error(
          `cycle ${cycle}: ${outcome.kind === 'error' ? outcome.error.message : 'idle'}`
        )
      if (cycle === 0) continue
      report.cpuMs.push((used.user + used.system) / 1000)
      report.wallMs.push(wall)
    }
    report.pending = library.pendingTasks().length
  } finally {
    await library.close()
    await rm(root, { recursive: true, force: true })
  }
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
