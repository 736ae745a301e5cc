import { describe, expect, it } from 'vitest'
import {
  itemIndex,
  slotAt,
  sourceIndex,
  type ItemRef
} from '../../../../../src/main/core/library/queue/layout'
import { shuffleIds } from '../../../../../src/main/core/library/queue/shuffle'

// Where explicit entries sit among a source's positions, computed without reading the
// source: every index maps to exactly one slot and back.

const item = (id: number, anchor: number, seq = 0): ItemRef => ({
  id,
  anchor,
  seq,
  clipId: `x${id}`
})

describe('queue layout', () => {
  const items = [item(1, -1), item(2, 2), item(3, 2, 1), item(4, 9)]
  const n = 5

  it('maps each index to one slot, in order: items before 0, after 2 and past the end', () => {
    const slots = Array.from({ length: n + items.length }, (_, i) => slotAt(items, n, i))
    expect(slots.map((s) => (s?.kind === 'item' ? `i${s.item.id}` : `s${s?.pos}`))).toEqual([
      'i1',
      's0',
      's1',
      's2',
      'i2',
      'i3',
      's3',
      's4',
      'i4'
    ])
    expect(slotAt(items, n, -1)).toBeNull()
    expect(slotAt(items, n, n + items.length)).toBeNull()
  })

  it('is the inverse of itemIndex and sourceIndex', () => {
    for (let k = 0; k < items.length; k += 1) {
      expect(slotAt(items, n, itemIndex(items, n, k))).toMatchObject({ kind: 'item', k })
    }
    for (let pos = 0; pos < n; pos += 1) {
      expect(slotAt(items, n, sourceIndex(items, n, pos))).toEqual({ kind: 'source', pos })
    }
  })

  it('with no source, the items are the queue', () => {
    const only = [item(1, -1), item(2, -1, 1)]
    expect(slotAt(only, 0, 1)).toMatchObject({ kind: 'item', k: 1 })
  })
})

describe('seeded shuffle', () => {
  const ids = Array.from({ length: 200 }, (_, i) => `c${i}`)
  it('is a permutation, the same for the same seed, different for another', () => {
    const a = shuffleIds(ids, 7)
    expect([...a].sort()).toEqual([...ids].sort())
    expect(shuffleIds(ids, 7)).toEqual(a)
    expect(shuffleIds(ids, 8)).not.toEqual(a)
    expect(a).not.toEqual(ids)
  })
  it('puts the given clip first', () => {
    expect(shuffleIds(ids, 3, 'c42')[0]).toBe('c42')
  })
})
