import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { openLibrary } from '../src/main/core/library/store'
import { INFORMATIONAL, median, printResults, result, type BenchResult } from './kit'
import { syntheticTasks } from './library-data'
import { ensureBuilt } from '../test/support/build'

// CLI start-up (issue 14 §6): `songshelf list --limit 50 --json` as a whole process
// (needs `npm run build:app`: it runs bin/songshelf.cjs → out/main/cli.js), against the
// same query and JSON on a bare node:sqlite connection in a fresh process
// (bench/cli-bare-child.ts), alternating, on a 100 000-clip library. Goal ≤ 2×. CPU is
// each process's own getrusage at exit (bench/cpu-at-exit.cjs), in microseconds.

const ROOT = resolve(import.meta.dirname, '..')
const quiet = { warn: (): void => undefined }

/** Preloaded into every timed process; writes its CPU time to fd 3 at exit. */
const CPU_AT_EXIT = join(ROOT, 'bench/cpu-at-exit.cjs')

interface Timed {
  wall: number
  /** User + system CPU of the process, ms, with microsecond resolution (getrusage in the
   * process itself, bench/cpu-at-exit.cjs). */
  cpu: number
}

/** Wall time of a whole process and the CPU it used: on a loaded machine the CPU ratio
 * is the steadier of the two. */
function timed(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Timed> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, ['--require', CPU_AT_EXIT, ...args], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      env
    })
    let out = ''
    let err = ''
    let usage = ''
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
    child.stdio[3]?.on('data', (d: Buffer) => (usage += d.toString()))
    child.once('error', reject)
    // 'close', not 'exit': every pipe, the CPU figure's included, has been read by then.
    child.once('close', (code) => {
      const wall = performance.now() - started
      if (code !== 0) return reject(new Error(`${args[0]} failed (${code}): ${err.trim()}`))
      const parsed = JSON.parse(out) as unknown
      const rows = Array.isArray(parsed) ? parsed : []
      if (rows.length !== 50) return reject(new Error(`${args[0]} printed ${rows.length} rows`))
      const micros = Number(usage.trim())
      if (usage.trim() === '' || !Number.isFinite(micros))
        return reject(new Error(`${args[0]} reported no CPU time`))
      resolvePromise({ wall, cpu: micros / 1000 })
    })
  })
}

export async function run(): Promise<BenchResult[]> {
  // A stale out/ would time a different build than the sources (or refuse a newer index).
  ensureBuilt()
  const quick = process.env['SONGSHELF_BENCH_QUICK'] === '1'
  const clips = quick ? 10_000 : 100_000
  const runs = quick ? 3 : 12
  const root = await mkdtemp(join(tmpdir(), 'songshelf-bench-cli-'))
  const dataDir = join(root, 'data')
  const libraryDir = join(root, 'library')
  try {
    const store = openLibrary({ dataDir, libraryDir, logger: quiet, createLibraryDir: true })
    for (let chunk = 0; chunk < clips / 10_000; chunk++) {
      store.recordTaskResults(syntheticTasks(3000 + chunk, 10_000), Date.UTC(2026, 10, 1), {
        downloadVideo: true
      })
    }
    store.tidySearchIndex()
    await store.close()
    const dir = process.env['SONGSHELF_BENCH_DIR'] ?? dirname(fileURLToPath(import.meta.url))
    const cli = [
      join(ROOT, 'bin/songshelf.cjs'),
      'list',
      '--limit',
      '50',
      '--json',
      '--data-dir',
      dataDir,
      '--library',
      libraryDir
    ]
    const bare = [join(dir, 'cli-bare-child.js'), join(dataDir, 'library.sqlite')]
    const noCache = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' }
    // Warm the OS cache and Node's compile cache once each. The first run also opens the
    // seeded index fully once (its task journal gets the tasks), as any synced library has
    // been; every timed run then reads it through the slim reader (library/reader.ts).
    await timed(cli)
    await timed(bare)
    const ours: Timed[] = []
    const base: Timed[] = []
    const uncached: Timed[] = []
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? [0, 1, 2] : [2, 1, 0]
      for (const which of order) {
        if (which === 0) ours.push(await timed(cli))
        else if (which === 1) base.push(await timed(bare))
        else uncached.push(await timed(cli, noCache))
      }
    }
    const wall = (list: Timed[]): number => median(list.map((t) => t.wall))
    const cpu = (list: Timed[]): number => median(list.map((t) => t.cpu))
    const label = `list --limit 50 --json at ${clips.toLocaleString('en-US')} clips`
    return [
      result(`${label}, wall (vs the bare query in a fresh process)`, wall(ours), wall(base), 2),
      result(`${label}, CPU (vs the bare query in a fresh process)`, cpu(ours), cpu(base), 2),
      result(
        'the same CPU with the compile cache disabled (informational)',
        cpu(uncached),
        cpu(base),
        INFORMATIONAL
      )
    ]
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('cli.bench.ts')) {
  run()
    .then((results) => printResults('cli start-up', results))
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
