import { performance } from 'node:perf_hooks'

// Small helpers shared by the benchmarks: one result shape, timing, percentiles and a
// seeded random source so every run measures the same data.

/** One measured number beside its baseline. `ratio` = value / baseline; `ok` when the
 * ratio is within `target` (lower is better for every timing here). */
export interface BenchResult {
  name: string
  value: number
  unit: string
  baseline: number
  ratio: number
  target: number
  ok: boolean
  /** Set by report.ts's atLeast(): more is better (throughput), so the target is a floor.
   * Absent: less is better, the target is a ceiling. */
  higherIsBetter?: true
}

/** The target of a figure shown for context only (never missed): the report prints "—"
 * in its target column and the JSON line has `"target": null`. */
export const INFORMATIONAL = Number.POSITIVE_INFINITY

export function result(
  name: string,
  value: number,
  baseline: number,
  target: number,
  unit = 'ms'
): BenchResult {
  const ratio = baseline > 0 ? value / baseline : Number.POSITIVE_INFINITY
  return {
    name,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: round(ratio),
    target,
    ok: ratio <= target
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

/** Milliseconds taken by `fn` (sync or async). */
export async function time(fn: () => unknown): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

/** Runs `fn` `runs` times and returns every timing, in ms. */
export async function sample(runs: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < runs; i++) out.push(await time(() => fn(i)))
  return out
}

/** Times `a` and `b` `runs` times each, alternating which goes first. */
export async function paired(
  runs: number,
  a: (i: number) => unknown,
  b: (i: number) => unknown
): Promise<[number[], number[]]> {
  const ta: number[] = []
  const tb: number[] = []
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      ta.push(await time(() => a(i)))
      tb.push(await time(() => b(i)))
    } else {
      tb.push(await time(() => b(i)))
      ta.push(await time(() => a(i)))
    }
  }
  return [ta, tb]
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]
}

export const median = (values: number[]): number => percentile(values, 50)

/** mulberry32: tiny, fast, good enough to make synthetic libraries reproducible. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]
}

export function printResults(title: string, results: BenchResult[]): void {
  console.log(`\n${title}`)
  for (const r of results) {
    const mark = r.ok ? 'ok  ' : 'SLOW'
    console.log(
      `${mark} ${r.name.padEnd(58)} ${String(r.value).padStart(10)} ${r.unit}  ` +
        `baseline ${String(r.baseline).padStart(10)}  ratio ${r.ratio.toFixed(3)} ` +
        (Number.isFinite(r.target) ? `(≤ ${r.target})` : '(informational)')
    )
  }
}
