import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSimulator, type Simulator } from '../test/support/sim-gateway'
import { median, result, type BenchResult } from './kit'
import type { PollReport } from './poll-child'
import { benchTaskId } from './poll-ids'

// Polling (issue "Proof at scale"): 1,000 pending tasks against the simulated gateway.
// Requests and CPU time per poll cycle, batched (≤ 50 ids a call), beside the same cycle
// against a gateway without the batch route, where every task is one request — measured
// in the same run. The polling client runs in a child process, so its CPU time is not
// mixed with the simulator's.

const TASKS = 1000
const MAX_REQUESTS = 21

function pollChild(sim: Simulator, cycles: number): Promise<PollReport> {
  const dir = process.env['SONGSHELF_BENCH_DIR'] ?? dirname(fileURLToPath(import.meta.url))
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(dir, 'poll-child.js'), sim.gatewayUrl, sim.apiKey, String(TASKS), String(cycles)],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.once('error', reject)
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`poll child failed (${code}): ${err.trim()}`))
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as PollReport)
    })
  })
}

async function measure(
  sim: Simulator,
  cycles: number
): Promise<{ report: PollReport; requests: number }> {
  const before = sim.requests.filter((r) => r.origin === 'gateway').length
  const report = await pollChild(sim, cycles)
  if (report.pending !== TASKS) throw new Error(`${report.pending} of ${TASKS} tasks still pending`)
  const requests = sim.requests.filter((r) => r.origin === 'gateway').length - before
  return { report, requests: requests / report.cycles }
}

export async function run(): Promise<BenchResult[]> {
  const quick = process.env['SONGSHELF_BENCH_QUICK'] === '1'
  const sim = await startSimulator({ seed: 1000 })
  try {
    for (let i = 0; i < TASKS; i++) {
      sim.addTask({ id: benchTaskId(i), steps: [{ status: 'IN_PROGRESS', polls: 1e9 }] })
    }
    const batched = await measure(sim, quick ? 3 : 8)
    sim.clearRequests()
    sim.setFault({ kind: 'batch_missing', as: '404' })
    const single = await measure(sim, quick ? 1 : 3)
    sim.clearFaults()
    const requests = result(
      `requests per cycle, ${TASKS.toLocaleString('en')} pending tasks (vs one per task; budget ${MAX_REQUESTS})`,
      batched.requests,
      single.requests,
      Math.round((MAX_REQUESTS / single.requests) * 10_000) / 10_000,
      'requests'
    )
    // The budget is a request count: judge it as one, whatever the rounding of the ratio.
    requests.ok = batched.requests <= MAX_REQUESTS
    return [
      requests,
      result(
        `client CPU per cycle, ${TASKS.toLocaleString('en')} pending tasks (vs one request per task)`,
        median(batched.report.cpuMs),
        median(single.report.cpuMs),
        1,
        'ms'
      ),
      result(
        `wall time per cycle, ${TASKS.toLocaleString('en')} pending tasks (vs one request per task)`,
        median(batched.report.wallMs),
        median(single.report.wallMs),
        1,
        'ms'
      )
    ]
  } finally {
    await sim.close()
  }
}
