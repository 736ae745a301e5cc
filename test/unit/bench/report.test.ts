import { describe, expect, it } from 'vitest'
import { INFORMATIONAL, result } from '../../../bench/kit'
import { atLeast, jsonLine, table } from '../../../bench/report'
import { missingFigures } from '../../../bench/runner'

// The bench report (issue 14 §1): a figure shown for context has no target, and a crashed
// suite has no figures; the table says "—" for both, as docs/PERFORMANCE.md does, and
// the JSON lines say null. The CLI's "compile cache disabled" row printed "≤ Infinity×".

/** The cells of the table's only data row. */
function cells(text: string): string[] {
  const row = text.split('\n')[2] ?? ''
  return row
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim())
}

describe('the bench report', () => {
  it('prints an informational figure with "—" as its target, and counts it as met', () => {
    const row = cells(table([result('the same CPU, cache disabled', 70, 30, INFORMATIONAL)]))
    expect(row).toEqual(['✓', 'the same CPU, cache disabled', '70 ms', '30 ms', '2.33×', '—'])
  })

  it('writes an informational target as null in the JSON line', () => {
    const line = JSON.parse(jsonLine(result('x', 70, 30, INFORMATIONAL))) as Record<string, unknown>
    expect(line).toEqual({
      name: 'x',
      value: 70,
      unit: 'ms',
      baseline: 30,
      ratio: 2.333,
      target: null,
      ok: true
    })
  })

  it('prints a crashed suite row with "—" in every figure cell, and null in JSON', () => {
    const missing = missingFigures('cli', new Error('boom'))
    const row = cells(table([missing]))
    expect(row[0]).toBe('✗')
    expect(row.slice(2)).toEqual(['—', '—', '—', '—'])
    const line = JSON.parse(jsonLine(missing)) as Record<string, unknown>
    expect([line['value'], line['baseline'], line['ratio'], line['target'], line['ok']]).toEqual([
      null,
      null,
      null,
      null,
      false
    ])
  })

  it('keeps the comparison and the figures of ordinary rows', () => {
    const text = table([result('wall', 170, 108, 2), atLeast('throughput', 480, 500, 0.9, 'MB/s')])
    expect(text.split('\n')[2]).toContain('| 1.57× | ≤ 2×')
    expect(text.split('\n')[3]).toContain('| 0.96× | ≥ 0.9×')
  })

  it('prints a floor as ≥ even when the ratio sits exactly on it', () => {
    // The old comparator guessed the direction from ok and the ratio, and said "≤ 0.9×"
    // for a throughput of exactly 0.9× its baseline.
    expect(cells(table([atLeast('throughput', 450, 500, 0.9, 'MB/s')]))).toEqual([
      '✓',
      'throughput',
      '450 MB/s',
      '500 MB/s',
      '0.9×',
      '≥ 0.9×'
    ])
  })

  it('prints an informational throughput with "—" as its target (was "≥ 0×")', () => {
    const row = cells(table([atLeast('vs plain curl -o', 300, 900, INFORMATIONAL, 'MB/s')]))
    expect(row).toEqual(['✓', 'vs plain curl -o', '300 MB/s', '900 MB/s', '0.333×', '—'])
  })
})
