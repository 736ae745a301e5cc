import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { extractTaskIds } from '../../../src/shared/task-ids'

const A = '0b7c1f5e-8a11-4f2a-9d3e-1c2b3a4d5e6f'
const B = 'a06015d0-1111-4222-8333-944455556666'

describe('extractTaskIds', () => {
  it('finds UUIDs and task_ ids in pasted JSON and logs, in order, once each', () => {
    const text = `{"code":"success","data":"${A}"}\nlog: submitted ${B.toUpperCase()} ok\n${A}\ntask_Xy12345abc`
    expect(extractTaskIds(text).ids).toEqual([A, B, 'task_Xy12345abc'])
  })

  it('reports things that look like a cut-off id', () => {
    const result = extractTaskIds(`${A}, 0b7c1f5e-8a11-4f2a-9d3e, hello world`)
    expect(result.ids).toEqual([A])
    expect(result.invalid).toEqual(['0b7c1f5e-8a11-4f2a-9d3e'])
  })

  it('finds nothing in plain prose and never throws on any text', () => {
    expect(extractTaskIds('just some words, nothing to see').ids).toEqual([])
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const { ids } = extractTaskIds(text)
        expect(new Set(ids).size).toBe(ids.length)
      })
    )
  })
})

// RELIABILITY.md#hostile-input: 680 KB of id-like noise froze the core for 19 s (the schema allows 2 MB,
// and the renderer runs the same code on every paste): the near-miss list was
// de-duplicated with `includes` and the ends were trimmed with a backtracking regex, both
// quadratic. Megabytes of each pathological shape must now be routine. The time is not
// asserted here (bench/paste.bench.ts compares 1 MB with 2 MB as a ratio); the old code
// needed minutes for these inputs, far past the test's timeout.
describe('extractTaskIds on megabytes of hostile text', () => {
  const MB = 1024 * 1024
  const hex = (i: number): string => i.toString(16).padStart(16, '0')

  it('reports 2 MB of distinct near-miss hex tokens once each, in order', () => {
    const tokens: string[] = []
    for (let size = 0, i = 0; size < 2 * MB; i++) {
      tokens.push(hex(i * 7919))
      size += 17
    }
    const result = extractTaskIds(tokens.join(' '))
    expect(result.ids).toEqual([])
    expect(result.invalid).toEqual(tokens)
    const twice = extractTaskIds(`${tokens.join('\n')}\n${tokens.join(',')}`)
    expect(twice.invalid).toEqual(tokens)
  }, 30_000)

  it('trims 2 MB of separators and dots around a token', () => {
    const dots = '.'.repeat(2 * MB)
    expect(extractTaskIds(`${dots}a`)).toEqual({ ids: [], invalid: [] })
    expect(extractTaskIds(`${'='.repeat(MB)}${'0'.repeat(20)}${'.'.repeat(MB)}`).invalid).toEqual([
      '0'.repeat(20)
    ])
    expect(extractTaskIds(`:${dots}:`).invalid).toEqual([])
  }, 30_000)

  it('finds the real ids hidden in megabytes of noise, in order', () => {
    const noise = Array.from({ length: 30_000 }, (_, i) => `${hex(i)} task_ ${'/'.repeat(20)}`)
    const text = `${A} ${noise.join(' ')} task_Real123456 ${noise.join(' ')} ${B.toUpperCase()} ${A}`
    expect(text.length).toBeGreaterThan(2 * MB)
    const result = extractTaskIds(text)
    expect(result.ids).toEqual([A, 'task_Real123456', B])
    expect(result.invalid.length).toBe(30_000 + 1)
  }, 30_000)
})
