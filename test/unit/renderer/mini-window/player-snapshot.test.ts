import { describe, expect, it } from 'vitest'
import { playerStateArgs } from '../../../../src/shared/mini-player-schemas'
import {
  playerSnapshot,
  worthPublishing
} from '../../../../src/renderer/src/features/mini-window/player-state-publisher'
import { usePlayerStore, type PlayerState } from '../../../../src/renderer/src/store/player-store'
import type { ClipRow } from '../../../../src/shared/domain'

// What the main window tells the mini window (issue 15) always passes the relay's schema,
// whatever its player holds, and the position is sent at most every half second.

const row = (over: Partial<ClipRow> = {}): ClipRow =>
  ({
    id: 'a06015d0-1111-4222-8333-444455556666',
    title: 'City Lights',
    hasCover: true,
    take: 1,
    takes: 2,
    ...over
  }) as ClipRow

const state = (over: Partial<PlayerState>): PlayerState => ({
  ...usePlayerStore.getState(),
  current: row(),
  index: 0,
  length: 2,
  playing: true,
  position: 3,
  duration: 94,
  repeat: 'off',
  ...over
})

describe('the player snapshot for the mini window', () => {
  it('passes the relay schema even for odd player states', () => {
    for (const s of [
      state({}),
      state({ current: null, index: -1, length: 0 }),
      state({ position: Number.NaN, duration: Infinity }),
      state({ position: -4, duration: 1e9 }),
      state({ current: row({ title: 'x'.repeat(5000), take: null, takes: 0 }) }),
      state({ current: row({ take: 2.5, takes: 99_999 }) })
    ]) {
      expect(playerStateArgs.safeParse(playerSnapshot(s)).success).toBe(true)
    }
  })

  it('says whether there is a next song, with repeat all too', () => {
    expect(playerSnapshot(state({ index: 0, length: 2 })).hasNext).toBe(true)
    expect(playerSnapshot(state({ index: 1, length: 2 })).hasNext).toBe(false)
    expect(playerSnapshot(state({ index: 1, length: 2, repeat: 'all' })).hasNext).toBe(true)
    expect(playerSnapshot(state({ current: null, index: -1 })).hasPrevious).toBe(false)
  })

  it('publishes a new song or play state at once, the position every half second', () => {
    const before = state({ position: 10 })
    expect(worthPublishing(state({ position: 10.3 }), before)).toBe(false)
    expect(worthPublishing(state({ position: 10.5 }), before)).toBe(true)
    expect(worthPublishing(state({ position: 10, playing: false }), before)).toBe(true)
    expect(worthPublishing(state({ position: 10, current: row({ id: 'other' }) }), before)).toBe(
      true
    )
  })
})
