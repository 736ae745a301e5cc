import { INFORMATIONAL, type BenchResult } from './kit'

// Results where more is better (throughput), the shared table printer and the JSON line
// format of `npm run bench -- --json`. kit.ts's result() covers "less is better".

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

/** value / baseline must be at least `target` (e.g. throughput ≥ 0.9× curl's); with
 * kit.ts's INFORMATIONAL as the target the figure is context only and never missed. */
export function atLeast(
  name: string,
  value: number,
  baseline: number,
  target: number,
  unit: string
): BenchResult {
  const ratio = baseline > 0 ? value / baseline : 0
  return {
    name,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: round(ratio),
    target,
    ok: target === INFORMATIONAL || ratio >= target,
    higherIsBetter: true
  }
}

/** The comparison a result is judged by: a floor for throughput, a ceiling otherwise. */
export function comparator(r: BenchResult): '≤' | '≥' {
  return r.higherIsBetter ? '≥' : '≤'
}

/** One result as a JSON line. A number that is not one (an informational target, the
 * figures of a crashed suite) is `null`, as JSON has no Infinity or NaN. */
export function jsonLine(r: BenchResult): string {
  const { name, value, unit, baseline, ratio, target, ok } = r
  const n = (x: number): number | null => (Number.isFinite(x) ? x : null)
  return JSON.stringify({
    name,
    value: n(value),
    unit,
    baseline: n(baseline),
    ratio: n(ratio),
    target: n(target),
    ok
  })
}

function num(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3).replace(/\.?0+$/, '')
}

/** A table cell: "—" where there is no figure (an informational target, a crashed
 * suite's row), never "Infinity" or "NaN". */
const cell = (value: number, suffix: string): string =>
  Number.isFinite(value) ? `${num(value)}${suffix}` : '—'

/** A Markdown table, so the same text goes to the terminal and into docs/PERFORMANCE.md. */
export function table(results: BenchResult[]): string {
  const rows = results.map((r) => [
    r.ok ? '✓' : '✗',
    r.name,
    cell(r.value, ` ${r.unit}`),
    cell(r.baseline, ` ${r.unit}`),
    cell(r.ratio, '×'),
    Number.isFinite(r.target) ? `${comparator(r)} ${num(r.target)}×` : '—'
  ])
  const head = ['', 'measure', 'value', 'baseline', 'ratio', 'target']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)))
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
