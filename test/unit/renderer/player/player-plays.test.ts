import { describe, expect, it } from 'vitest'
import { createPlayCounter } from '../../../../src/renderer/src/store/player-plays'

function listen(counter: ReturnType<typeof createPlayCounter>, from: number, to: number): void {
  for (let t = from; t <= to + 1e-9; t += 0.25) counter.tick(t)
}

describe('play counting', () => {
  it('counts a play once, after 10 s of listening', () => {
    const plays: [string, number][] = []
    const counter = createPlayCounter((id, ms) => plays.push([id, ms]))
    counter.begin('a', 1)
    listen(counter, 0, 9.5)
    expect(plays).toEqual([])
    listen(counter, 9.75, 30)
    expect(plays).toHaveLength(1)
    expect(plays[0]?.[0]).toBe('a')
    expect(plays[0]?.[1]).toBeGreaterThanOrEqual(10_000)
    counter.ended()
    expect(plays).toHaveLength(1)
  })

  it('seeking is not listening', () => {
    const plays: string[] = []
    const counter = createPlayCounter((id) => plays.push(id))
    counter.begin('a', 1)
    counter.tick(0)
    counter.tick(60)
    counter.tick(120)
    expect(plays).toEqual([])
  })

  it('a short clip counts when it ends; a restart counts again', () => {
    const plays: string[] = []
    const counter = createPlayCounter((id) => plays.push(id))
    counter.begin('short', 1)
    listen(counter, 0, 6)
    counter.ended()
    counter.begin('short', 2)
    listen(counter, 0, 6)
    counter.ended()
    expect(plays).toEqual(['short', 'short'])
  })
})
