import { describe, expect, it } from 'vitest'
import { listen } from '../../../../src/renderer/src/lib/listen'

describe('listen', () => {
  it('adds every handler to the target and removes them all with one call', () => {
    const target = new EventTarget()
    const seen: string[] = []
    const off = listen<{ play: Event; pause: Event }>(target, {
      play: (e) => seen.push(e.type),
      pause: (e) => seen.push(e.type)
    })
    target.dispatchEvent(new Event('play'))
    target.dispatchEvent(new Event('pause'))
    off()
    target.dispatchEvent(new Event('play'))
    target.dispatchEvent(new Event('pause'))
    expect(seen).toEqual(['play', 'pause'])
  })
})
