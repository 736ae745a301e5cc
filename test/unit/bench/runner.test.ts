import { describe, expect, it } from 'vitest'
import { result } from '../../../bench/kit'
import { runSuites, type Suite } from '../../../bench/runner'

// `npm run bench` must never drop a suite silently (issue 14 §1): one that crashes, exports
// no run() or returns no figures is a failed row saying its figures are missing, in the
// table and in the JSON lines, and the run exits non-zero after running the others.

const good: Suite = {
  name: 'good',
  load: async () => ({ run: async () => [result('first page', 2, 4, 1)] })
}
const crashing: Suite = {
  name: 'renderer',
  load: async () => ({
    run: async () => {
      throw new Error('page.goto: Timeout 30000ms exceeded')
    }
  })
}
const empty: Suite = { name: 'empty', load: async () => ({ run: async () => [] }) }
const noRun: Suite = { name: 'norun', load: async () => ({}) }

async function capture(
  suites: Suite[],
  json: boolean
): Promise<{ code: number; said: string[]; emitted: string[] }> {
  const said: string[] = []
  const emitted: string[] = []
  const code = await runSuites(suites, {
    json,
    quick: true,
    say: (line) => void said.push(line),
    emit: (line) => void emitted.push(line)
  })
  return { code, said, emitted }
}

describe('the bench runner', () => {
  it('reports a crashed suite as missing figures in the table and fails the run', async () => {
    const { code, said } = await capture([crashing, good], false)
    expect(code).toBe(1)
    const text = said.join('\n')
    expect(text).toMatch(/\| ✗ \| renderer: FIGURES MISSING — the suite crashed \(page\.goto/)
    expect(text).toContain('good: first page')
    expect(said.at(-1)).toContain('1 suite(s) crashed (renderer: their figures are MISSING)')
  })

  it('writes the missing row as a JSON line too', async () => {
    const { code, emitted } = await capture([good, crashing], true)
    expect(code).toBe(1)
    const rows = emitted.map((line) => JSON.parse(line) as { name: string; ok: boolean })
    expect(rows.map((r) => [r.name.split(':')[0], r.ok])).toEqual([
      ['good', true],
      ['renderer', false]
    ])
    expect(rows[1]?.name).toContain('FIGURES MISSING')
  })

  it('counts a suite with no run() or no figures as missing, never as passed', async () => {
    const { code, said } = await capture([empty, noRun], false)
    expect(code).toBe(1)
    const text = said.join('\n')
    expect(text).toContain('empty: FIGURES MISSING — the suite crashed (it returned no figures)')
    expect(text).toContain(
      'norun: FIGURES MISSING — the suite crashed (it exports no run() function)'
    )
  })

  it('exits 0 when every suite gave its figures, even with targets missed', async () => {
    const missed: Suite = {
      name: 'slow',
      load: async () => ({ run: async () => [result('search p95', 30, 10, 1)] })
    }
    const { code, said } = await capture([good, missed], false)
    expect(code).toBe(0)
    expect(said.at(-1)).toContain('2 figures, 1 target(s) missed, 0 suite(s) crashed')
  })
})
