import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { capture, runBenchChild } from './child-process'
import type { ChildReport } from './download-child'
import { startFileServer } from './file-server'
import { INFORMATIONAL, median, result, type BenchResult } from './kit'
import { atLeast } from './report'

// Downloads (issue "Proof at scale"): a 500 MB file from a loopback server, generated as
// it is sent. Throughput of the real downloadFile (status and type checks, magic bytes,
// sha256, fsync, rename), in a child process of its own, beside `curl -o` of the same
// file in the same run, rounds alternating who goes first; the peak RSS that download
// adds to its process; and, to tell our code's cost from the platform's, the same figures
// for a bare fetch → sha256 → write → fsync loop. Each copy is deleted once measured.

const MiB = 1024 * 1024
const THROUGHPUT_TARGET = 0.9
const RSS_BUDGET_MB = 64

/** curl's own transfer time (excludes its start-up, as the child's figure does). */
async function curlOnce(url: string, target: string, size: number): Promise<number> {
  const { code, out, err } = await capture('curl', [
    '-sS',
    '-o',
    target,
    '-w',
    '%{time_total} %{size_download}',
    url
  ])
  if (code !== 0) throw new Error(`curl failed (${code}): ${err.trim() || 'is curl installed?'}`)
  const [seconds, bytes] = out.trim().split(' ').map(Number)
  if (bytes !== size) throw new Error(`curl fetched ${bytes} of ${size} bytes`)
  return (seconds ?? 0) * 1000
}

/** What Songshelf must pay beyond curl's transfer, done to curl's file: an fsync (curl
 * never syncs; about 250 ms per 500 MB here) and a sha256 of the same bytes
 * (`sha256sum`, the same work as the downloader's hash). Returns the extra ms. */
async function fsyncAndHash(target: string): Promise<number> {
  const started = performance.now()
  const file = await open(target, 'r+')
  try {
    await file.sync()
  } finally {
    await file.close()
  }
  const { code, out, err } = await capture('sha256sum', [target])
  if (code !== 0 || !/^[0-9a-f]{64}\s/.test(out)) {
    throw new Error(`sha256sum failed (${code}): ${err.trim() || out.trim()}`)
  }
  return performance.now() - started
}

async function childOnce(
  url: string,
  target: string,
  size: number,
  mode: 'real' | 'bare'
): Promise<ChildReport> {
  const report = await runBenchChild<ChildReport>(
    'download-child',
    [url, target, mode],
    ['--expose-gc']
  )
  if (!report.ok || report.bytes !== size) {
    throw new Error(`downloadFile failed: ${report.code ?? `${report.bytes} of ${size} bytes`}`)
  }
  return report
}

export async function run(): Promise<BenchResult[]> {
  const quick = process.env['SONGSHELF_BENCH_QUICK'] === '1'
  const size = (quick ? 100 : 500) * MiB
  const rounds = quick ? 1 : 3
  const server = await startFileServer(size)
  const dir = await mkdtemp(join(tmpdir(), 'songshelf-bench-download-'))
  const curlMs: number[] = []
  const curlDurableMs: number[] = []
  const ourCpu: number[] = []
  const bareCpu: number[] = []
  const ourMs: number[] = []
  const bareMs: number[] = []
  let growth = 0
  let bareGrowth = 0
  const peak = (r: ChildReport): number =>
    Math.max(r.maxRss - r.rssBefore, r.sampledPeak - r.rssBefore)
  try {
    for (let i = 0; i < rounds; i++) {
      const order =
        i % 2 === 0 ? (['curl', 'real', 'bare'] as const) : (['bare', 'real', 'curl'] as const)
      for (const who of order) {
        const target = join(dir, `${who}.mp3`)
        if (who === 'curl') {
          const transfer = await curlOnce(server.url, target, size)
          curlMs.push(transfer)
          curlDurableMs.push(transfer + (await fsyncAndHash(target)))
        } else {
          const report = await childOnce(server.url, target, size, who)
          if (who === 'real') {
            ourMs.push(report.ms)
            ourCpu.push(report.cpuMs)
            growth = Math.max(growth, peak(report))
          } else {
            bareMs.push(report.ms)
            bareCpu.push(report.cpuMs)
            bareGrowth = Math.max(bareGrowth, peak(report))
          }
        }
        await rm(target, { force: true })
      }
    }
  } finally {
    await server.close()
    await rm(dir, { recursive: true, force: true })
  }
  const mbps = (ms: number): number => size / MiB / (ms / 1000)
  const label = `${size / MiB} MB from loopback`
  const cpuPerMb = (ms: number[]): number => median(ms) / (size / MiB)
  return [
    atLeast(
      `throughput, ${label} (vs curl -o + fsync + sha256sum, the same work)`,
      mbps(median(ourMs)),
      mbps(median(curlDurableMs)),
      THROUGHPUT_TARGET,
      'MB/s'
    ),
    // Informational: curl alone skips the fsync and the hash Songshelf must pay.
    atLeast(
      `throughput, ${label} (vs plain curl -o, informational)`,
      mbps(median(ourMs)),
      mbps(median(curlMs)),
      INFORMATIONAL,
      'MB/s'
    ),
    result(
      'CPU per MB of that download (vs the bare fetch → file loop)',
      cpuPerMb(ourCpu),
      cpuPerMb(bareCpu),
      1,
      'ms/MB'
    ),
    result(
      `peak RSS growth during that download (budget ${RSS_BUDGET_MB} MB)`,
      growth / MiB,
      RSS_BUDGET_MB,
      1,
      'MB'
    ),
    atLeast(
      `throughput, ${label} (vs a bare fetch → file loop)`,
      mbps(median(ourMs)),
      mbps(median(bareMs)),
      THROUGHPUT_TARGET,
      'MB/s'
    ),
    result(
      `peak RSS growth (vs the same bare fetch → file loop)`,
      growth / MiB,
      bareGrowth / MiB,
      1.25,
      'MB'
    )
  ]
}
