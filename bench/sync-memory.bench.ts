import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBenchChild } from './child-process'
import { startFileServer } from './file-server'
import { printResults, result, type BenchResult } from './kit'
import type { SyncChildReport } from './sync-child'

// Memory of the whole sync path (issue 14 §4): one 400 MB mp3 and one 400 MB mp4, each
// ingested, downloaded with every check, recorded, tagged (the mp3) and given its sidecar,
// in a child process of its own (bench/sync-child.ts). The figure is the peak RSS growth
// that clip adds after a small warm-up clip, against the 64 MB budget. Generated as they
// are sent by the loopback file server: no fixture is committed or kept.

const MiB = 1024 * 1024
const RSS_BUDGET_MB = 64

async function runChild(
  base: string,
  root: string,
  kind: 'mp3' | 'mp4',
  mib: number
): Promise<SyncChildReport> {
  const report = await runBenchChild<SyncChildReport>(
    'sync-child',
    [base, root, kind, String(mib)],
    ['--expose-gc']
  )
  if (!report.ok) throw new Error(`the ${kind} sync failed: ${report.problem}`)
  return report
}

export async function run(): Promise<BenchResult[]> {
  const quick = process.env['SONGSHELF_BENCH_QUICK'] === '1'
  const mib = quick ? 40 : 400
  const server = await startFileServer(mib * MiB)
  const base = server.url.slice(0, server.url.lastIndexOf('/'))
  const results: BenchResult[] = []
  try {
    for (const kind of ['mp3', 'mp4'] as const) {
      const root = await mkdtemp(join(tmpdir(), 'songshelf-bench-sync-'))
      try {
        const report = await runChild(base, root, kind, mib)
        const growth = Math.max(report.maxRss, report.sampledPeak) - report.rssBefore
        results.push(
          result(
            `whole sync path of a ${mib} MB ${kind}: peak RSS growth (budget ${RSS_BUDGET_MB} MB)`,
            growth / MiB,
            RSS_BUDGET_MB,
            1,
            'MB'
          )
        )
      } finally {
        await rm(root, { recursive: true, force: true })
      }
    }
  } finally {
    await server.close()
  }
  return results
}

if (process.argv[1]?.endsWith('sync-memory.bench.ts')) {
  run()
    .then((results) => printResults('sync memory', results))
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
