import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { CdnChildReport } from './cdn-child'
import { capture, runBenchChild } from './child-process'
import { cdnClips, cdnPaths } from './cdn-clips'
import { startFileServer } from './file-server'
import { result, type BenchResult } from './kit'

// Downloads are never the bottleneck of a real sync (issue 14 §5): 200 clips (mp3 4–8 MB
// and a cover each, an mp4 of 20–40 MB for one in four) from a CDN simulator with 40 ms
// latency and 100 Mbit/s per connection, fetched by Songshelf's downloadFile at the app's
// default concurrency (3) with every check and the index updated, against `curl
// --parallel --parallel-max 3` fetching the same files from the same server, in turn.

const CONCURRENCY = 3
const PACE = { latencyMs: 40, bytesPerSecond: 100_000_000 / 8 }
const TARGET = 1.1

async function curlAll(origin: string, paths: string[], dir: string): Promise<number> {
  const config = join(dir, 'curl.config')
  await writeFile(
    config,
    paths.map((p, i) => `url = "${origin}/${p}"\noutput = "${join(dir, `f${i}`)}"\n`).join('')
  )
  const started = performance.now()
  const { code, err } = await capture('curl', [
    '-sS',
    '--fail',
    '--parallel',
    '--parallel-max',
    String(CONCURRENCY),
    '-K',
    config
  ])
  const ms = performance.now() - started
  if (code !== 0) throw new Error(`curl --parallel failed (${code}): ${err.trim()}`)
  const files = (await readdir(dir)).filter((f) => f.startsWith('f'))
  if (files.length !== paths.length)
    throw new Error(`curl fetched ${files.length} of ${paths.length} files`)
  return ms
}

async function songshelfAll(
  origin: string,
  clips: number,
  scale: number,
  root: string
): Promise<CdnChildReport> {
  const report = await runBenchChild<CdnChildReport>('cdn-child', [
    origin,
    root,
    String(clips),
    String(CONCURRENCY),
    String(scale)
  ])
  if (!report.ok) throw new Error(`the sync failed: ${report.problem}`)
  return report
}

export async function run(): Promise<BenchResult[]> {
  const quick = process.env['SONGSHELF_BENCH_QUICK'] === '1'
  const clips = quick ? 8 : 200
  const scale = quick ? 0.05 : 1
  const paths = cdnPaths(cdnClips(clips, scale))
  const server = await startFileServer(1024 * 1024, PACE)
  const base = await mkdtemp(join(tmpdir(), 'songshelf-bench-cdn-'))
  try {
    const curlDir = join(base, 'curl')
    await mkdir(curlDir)
    const curlMs = await curlAll(server.origin, paths, curlDir)
    const curlBytes = await folderBytes(curlDir)
    await rm(curlDir, { recursive: true, force: true })
    const ours = await songshelfAll(server.origin, clips, scale, join(base, 'songshelf'))
    if (ours.files !== paths.length || ours.bytes !== curlBytes) {
      throw new Error(
        `Songshelf fetched ${ours.files} files, ${ours.bytes} bytes; curl ${paths.length}, ${curlBytes}`
      )
    }
    const label = `${clips} clips, ${paths.length} files, ${Math.round(curlBytes / 1e6)} MB`
    return [
      result(
        `library sync from a CDN at 40 ms and 100 Mbit/s per connection, ${label}, wall (vs curl --parallel --parallel-max ${CONCURRENCY})`,
        ours.ms,
        curlMs,
        TARGET
      )
    ]
  } finally {
    await server.close()
    await rm(base, { recursive: true, force: true })
  }
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0
  for (const name of await readdir(dir)) {
    if (name.startsWith('f')) total += (await stat(join(dir, name))).size
  }
  return total
}
