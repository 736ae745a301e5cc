import { describe, expect, it } from 'vitest'
import {
  createListenRecorder,
  type ListenReport
} from '../../../../src/renderer/src/store/listen-recorder'

// What the player tells the listening history: start, seek, finish, and a skip (with how
// long it was heard) when another play begins before the end.

function listen(r: ReturnType<typeof createListenRecorder>, from: number, to: number): void {
  for (let t = from; t <= to + 1e-9; t += 0.25) r.tick(t)
}

describe('the listen recorder', () => {
  it('reports a start, a seek and a finish with the time really listened', () => {
    const sent: ListenReport[] = []
    const r = createListenRecorder((report) => sent.push(report))
    r.begin('a', 1)
    listen(r, 0, 5)
    r.tick(30)
    listen(r, 30.25, 35)
    r.ended()
    expect(sent.map((s) => s.kind)).toEqual(['start', 'seek', 'finish'])
    expect(sent[1]).toMatchObject({ clipId: 'a', positionMs: 30_000 })
    expect(sent[2]?.listenedMs).toBe(10_000)
    // Nothing more after the end, even if the element reports its position again.
    r.tick(35)
    r.ended()
    expect(sent).toHaveLength(3)
  })

  it('a new play before the end is a skip of the old one, then a start', () => {
    const sent: ListenReport[] = []
    const r = createListenRecorder((report) => sent.push(report))
    r.begin('a', 1)
    listen(r, 0, 2)
    r.begin('a', 1) // the same play re-rendered: nothing
    r.begin('b', 2)
    expect(sent.map((s) => [s.clipId, s.kind])).toEqual([
      ['a', 'start'],
      ['a', 'skip'],
      ['b', 'start']
    ])
    expect(sent[1]?.listenedMs).toBe(2000)
    // Restarting the same clip (repeat one) is a new play too.
    r.ended()
    r.begin('b', 3)
    expect(sent.map((s) => s.kind).slice(-2)).toEqual(['finish', 'start'])
  })
})
