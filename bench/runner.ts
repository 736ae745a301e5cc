import type { BenchResult } from './kit'
import { jsonLine, table } from './report'

// Runs bench suites one after another and reports every one of them: a suite that throws,
// exports no run() or returns no figures stands in the table (and the JSON lines) as a
// failed "FIGURES MISSING" row, and makes the exit code non-zero after the other suites
// have run (issue 14 §1). run.ts is the command; this is the part a test can drive.

export interface Suite {
  name: string
  load: () => Promise<{ run?: () => Promise<BenchResult[]> }>
}

export interface RunnerIo {
  json: boolean
  quick: boolean
  /** Human lines (stderr in --json mode). */
  say: (line: string) => void
  /** One JSON result line (stdout in --json mode). */
  emit: (line: string) => void
}

/** The row that stands in for every figure of a suite that crashed. */
export function missingFigures(suite: string, error: unknown): BenchResult {
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

/** Runs the suites; resolves to the exit code (1 when any suite's figures are missing). */
export async function runSuites(suites: readonly Suite[], io: RunnerIo): Promise<number> {
  const all: BenchResult[] = []
  const crashed: string[] = []
  const started = Date.now()
  for (const suite of suites) {
    const t0 = Date.now()
    io.say(`▶ ${suite.name}${io.quick ? ' (quick)' : ''}`)
    try {
      const mod = await suite.load()
      if (typeof mod.run !== 'function') throw new Error('it exports no run() function')
      const figures = await mod.run()
      if (figures.length === 0) throw new Error('it returned no figures')
      const results = figures.map((r) => ({ ...r, name: `${suite.name}: ${r.name}` }))
      all.push(...results)
      if (io.json) for (const r of results) io.emit(jsonLine(r))
      io.say(`  ${results.length} figure(s) in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
    } catch (error) {
      crashed.push(suite.name)
      const missing = missingFigures(suite.name, error)
      all.push(missing)
      if (io.json) io.emit(jsonLine(missing))
      io.say(
        `✗ ${suite.name} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
      )
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  if (!io.json) {
    io.say('')
    io.say(table(all))
    io.say('')
  }
  const measured = all.filter((r) => !Number.isNaN(r.value))
  const missed = measured.filter((r) => !r.ok).length
  io.say(
    `${measured.length} figures, ${missed} target(s) missed, ${crashed.length} suite(s) crashed` +
      `${crashed.length > 0 ? ` (${crashed.join(', ')}: their figures are MISSING)` : ''}; ${seconds} s on ` +
      `Node ${process.versions.node}, ${process.platform}`
  )
  return crashed.length > 0 ? 1 : 0
}
