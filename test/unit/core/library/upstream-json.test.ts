import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  LINEAGE_KINDS,
  parseUpstream,
  upstreamJsonOf
} from '../../../../src/main/core/library/upstream'
import { lineageSchema, stemSchema } from '../../../../src/main/core/library/upstream-sidecar'

// The index's upstream JSON (clip_texts.upstream_json) is read by hand, without zod, so
// that `songshelf list` starts without loading it (issue 14 §6). It must read every value
// exactly as the sidecar's zod schemas do: a field of the wrong type reads as absent, a
// lineage with one bad edge reads as none, unknown keys are dropped.

const asSchema = z.object({
  videoCoverUrl: z.string().nullable().catch(null),
  stem: stemSchema.nullable().catch(null),
  lineage: lineageSchema.catch([])
})

const EMPTY = { videoCoverUrl: null, stem: null, lineage: [] }

function bySchema(json: string): unknown {
  try {
    const parsed = asSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : EMPTY
  } catch {
    return EMPTY
  }
}

/** Any JSON value, often near the right shape. */
const anyJson = fc.jsonValue({ maxDepth: 2 })
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> =>
  fc.oneof(arb, anyJson, fc.constant(null))
const stem = fc.record(
  {
    hasStem: maybe(fc.boolean()),
    fromId: maybe(fc.string()),
    typeId: maybe(fc.double({ noNaN: true, noDefaultInfinity: true })),
    typeGroupName: maybe(fc.string()),
    extra: anyJson
  },
  { requiredKeys: [] }
)
const edge = fc.record(
  {
    kind: maybe(fc.constantFrom(...LINEAGE_KINDS)),
    clipId: maybe(fc.string({ maxLength: 3 })),
    atSec: maybe(fc.integer()),
    title: anyJson
  },
  { requiredKeys: [] }
)
const stored = fc.oneof(
  fc.record(
    {
      videoCoverUrl: maybe(fc.webUrl()),
      stem: maybe(stem),
      lineage: maybe(fc.array(maybe(edge), { maxLength: 3 })),
      other: anyJson
    },
    { requiredKeys: [] }
  ),
  anyJson
)

describe('the index upstream JSON', () => {
  it('reads every value as the sidecar schemas read it', () => {
    fc.assert(
      fc.property(stored, (value) => {
        const json = JSON.stringify(value) ?? 'null'
        expect(parseUpstream(json)).toEqual(bySchema(json))
      }),
      { numRuns: 2000, seed: 14 }
    )
  })

  it('reads back what it wrote, and nothing from text that is not JSON', () => {
    const written = {
      videoCoverUrl: 'https://cdn1.suno.ai/v.mp4',
      stem: { hasStem: true, fromId: 'c1', typeId: 91, typeGroupName: 'Instrumental' },
      lineage: [{ kind: 'remaster' as const, clipId: 'c2', atSec: null }]
    }
    expect(parseUpstream(upstreamJsonOf(written))).toEqual(written)
    expect(parseUpstream(null)).toEqual(EMPTY)
    expect(parseUpstream('{"lineage": [')).toEqual(EMPTY)
    expect(parseUpstream('[1, 2]')).toEqual(EMPTY)
  })
})
