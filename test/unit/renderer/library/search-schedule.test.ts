import { describe, expect, it } from 'vitest'
import {
  SEARCH_QUIET_MS,
  searchSchedule,
  type ScheduleClock
} from '../../../../src/renderer/src/features/library/search-schedule'

// When the search box's text becomes the library's search (issue 14 §2): at once when the
// box was idle, once at the end of a fast burst. A hand-driven clock: no real time passes.

function manualClock(): ScheduleClock & { advance(ms: number): void } {
  let now = 1000
  let timers: { at: number; fn: () => void; id: number }[] = []
  let nextId = 1
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++
      timers.push({ at: now + ms, fn, id })
      return id
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t.id !== handle)
    },
    advance(ms) {
      const until = now + ms
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0]
        if (due === undefined) break
        timers = timers.filter((t) => t !== due)
        now = due.at
        due.fn()
      }
      now = until
    }
  }
}

function setup(): {
  clock: ReturnType<typeof manualClock>
  applied: string[]
  schedule: ReturnType<typeof searchSchedule>
} {
  const clock = manualClock()
  const applied: string[] = []
  const schedule = searchSchedule((text) => applied.push(text), SEARCH_QUIET_MS, clock)
  return { clock, applied, schedule }
}

describe('the search schedule', () => {
  it('searches a key typed into an idle box at once, with no wait', () => {
    const { applied, schedule } = setup()
    schedule.change('n')
    expect(applied).toEqual(['n'])
  })

  it('searches each key at once when the keys are further apart than the quiet time', () => {
    const { clock, applied, schedule } = setup()
    for (const text of ['n', 'ne', 'neo', 'neon']) {
      schedule.change(text)
      expect(applied.at(-1)).toBe(text)
      clock.advance(SEARCH_QUIET_MS + 20)
    }
    expect(applied).toEqual(['n', 'ne', 'neo', 'neon'])
  })

  it('searches a fast burst once, when its keys pause, with the last text', () => {
    const { clock, applied, schedule } = setup()
    schedule.change('s')
    for (const text of ['sa', 'sat', 'sate']) {
      clock.advance(SEARCH_QUIET_MS / 2)
      schedule.change(text)
    }
    expect(applied).toEqual(['s'])
    clock.advance(SEARCH_QUIET_MS - 1)
    expect(applied).toEqual(['s'])
    clock.advance(1)
    expect(applied).toEqual(['s', 'sate'])
    clock.advance(10 * SEARCH_QUIET_MS)
    expect(applied).toEqual(['s', 'sate'])
  })

  it('searches at once again after a burst has ended and the box was idle', () => {
    const { clock, applied, schedule } = setup()
    schedule.change('a')
    clock.advance(10)
    schedule.change('ab')
    clock.advance(SEARCH_QUIET_MS * 4)
    schedule.change('abc')
    expect(applied).toEqual(['a', 'ab', 'abc'])
  })

  it('flush searches now and drops the burst still waiting', () => {
    const { clock, applied, schedule } = setup()
    schedule.change('r')
    clock.advance(5)
    schedule.change('ri')
    schedule.flush('riv')
    expect(applied).toEqual(['r', 'riv'])
    clock.advance(SEARCH_QUIET_MS * 2)
    expect(applied).toEqual(['r', 'riv'])
  })

  it('cancel drops the waiting search (the box unmounts, or the search changed elsewhere)', () => {
    const { clock, applied, schedule } = setup()
    schedule.change('x')
    clock.advance(5)
    schedule.change('xy')
    schedule.cancel()
    clock.advance(SEARCH_QUIET_MS * 2)
    expect(applied).toEqual(['x'])
  })
})
