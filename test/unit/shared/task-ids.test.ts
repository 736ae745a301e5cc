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
