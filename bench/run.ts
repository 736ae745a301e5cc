import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { BenchResult } from './kit'
import { jsonLine, table } from './report'

// The benchmark runner, run by scripts/bench.mjs from the bundle in out/bench/. Every
// `*.bench.js` there exports `run(): Promise<BenchResult[]>`; each figure is measured
// beside its baseline in the same run and judged as a ratio. A missed target is printed
// with ✗ and does not fail the run; only a suite that crashes makes the exit code
// non-zero (after the other suites have run).

const ORDER = ['download', 'sync-memory', 'polling', 'queue', 'cli', 'library', 'renderer']

interface Suite {
  name: string
  file: string
}

function suites(dir: string): Suite[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.bench.js'))
    .map((file) => ({ name: file.slice(0, -'.bench.js'.length), file: join(dir, file) }))
    .sort((a, b) => {
      const rank = (s: Suite): number => (ORDER.includes(s.name) ? ORDER.indexOf(s.name) : 99)
      return rank(a) - rank(b) || a.name.localeCompare(b.name)
    })
}

/** The row that stands in for every figure of a suite that crashed. */
function missingFigures(suite: string, error: unknown): BenchResult {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
  return {
    name: `${suite}: FIGURES MISSING — the suite crashed (${reason.slice(0, 120)})`,
    value: Number.NaN,
    unit: '',
    baseline: Number.NaN,
    ratio: Number.NaN,
    target: Number.NaN,
    ok: false
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true }
    },
    strict: true
  })
  const dir = dirname(fileURLToPath(import.meta.url))
  // Read by the suites: where their child-process entries are, and how big to go.
  process.env['SONGSHELF_BENCH_DIR'] = dir
  if (values.quick) process.env['SONGSHELF_BENCH_QUICK'] = '1'
  // In --json mode stdout carries only result lines; everything else goes to stderr.
  const say = (line: string): void =>
    void (values.json ? process.stderr : process.stdout).write(`${line}\n`)

  const wanted = suites(dir).filter((s) => !values.only || values.only.includes(s.name))
  for (const missing of ['library', 'renderer']) {
    if (!wanted.some((s) => s.name === missing) && !values.only) {
      say(`! bench/${missing}.bench.ts is missing: its figures are not in this run.`)
    }
  }
  const all: BenchResult[] = []
  const crashed: string[] = []
  const started = Date.now()
  for (const suite of wanted) {
    const t0 = Date.now()
    say(`▶ ${suite.name}${values.quick ? ' (quick)' : ''}`)
    try {
      const mod = (await import(pathToFileURL(suite.file).href)) as {
        run?: () => Promise<BenchResult[]>
      }
      if (typeof mod.run !== 'function') throw new Error('it exports no run() function')
      const results = (await mod.run()).map((r) => ({ ...r, name: `${suite.name}: ${r.name}` }))
      all.push(...results)
      if (values.json) for (const r of results) process.stdout.write(`${jsonLine(r)}\n`)
      say(`  ${results.length} figure(s) in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
    } catch (error) {
      crashed.push(suite.name)
      // Never silently dropped: the table and the JSON lines carry a failed row that says
      // the suite's figures are missing from this run.
      const missing = missingFigures(suite.name, error)
      all.push(missing)
      if (values.json) process.stdout.write(`${jsonLine(missing)}\n`)
      say(
        `✗ ${suite.name} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
      )
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  if (!values.json) {
    say('')
    say(table(all))
    say('')
  }
  const measured = all.filter((r) => !Number.isNaN(r.value))
  const missed = measured.filter((r) => !r.ok).length
  say(
    `${measured.length} figures, ${missed} target(s) missed, ${crashed.length} suite(s) crashed` +
      `${crashed.length > 0 ? ` (${crashed.join(', ')}: their figures are MISSING)` : ''}; ${seconds} s on ` +
      `Node ${process.versions.node}, ${process.platform}`
  )
  return crashed.length > 0 ? 1 : 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  }
)
