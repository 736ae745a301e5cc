import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { BenchResult } from './kit'
import { runSuites } from './runner'

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
  return runSuites(
    wanted.map((s) => ({
      name: s.name,
      load: async () =>
        (await import(pathToFileURL(s.file).href)) as { run?: () => Promise<BenchResult[]> }
    })),
    {
      json: values.json,
      quick: values.quick,
      say,
      emit: (line) => void process.stdout.write(`${line}\n`)
    }
  )
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
