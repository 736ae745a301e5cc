import { describe, expect, it } from 'vitest'
import { usePlayerStore } from '../../../../src/renderer/src/store/player-store'
import { clip, useRendererTestSetup } from './helpers'

// Issue 13, defect 4: clips without playable audio stay out of the queue, and a file that
// fails to play is skipped, so playback carries on.

const player = (): ReturnType<typeof usePlayerStore.getState> => usePlayerStore.getState()
const ids = (): string[] => player().queue.map((c) => c.id)

describe('player store: clips without audio', () => {
  useRendererTestSetup()

  it('leaves failed generations and unfinished downloads out of the queue', () => {
    const list = [
      clip('a'),
      clip('failed', { hasAudio: false, generationFailed: true, downloadState: 'absent' }),
      clip('b'),
      clip('pending', { hasAudio: false, downloadState: 'pending' }),
      clip('c')
    ]
    player().actions.playList(list, 2)
    expect(ids()).toEqual(['a', 'b', 'c'])
    expect(player().current?.id).toBe('b')
    // Asking to start on a clip without audio starts on the next one that has it.
    player().actions.playList(list, 1)
    expect(player().current?.id).toBe('b')
    player().actions.enqueue([clip('x', { hasAudio: false })])
    player().actions.playNext([clip('y', { generationFailed: true })])
    expect(ids()).toEqual(['a', 'b', 'c'])
    player().actions.playList([clip('z', { hasAudio: false })], 0)
    expect(ids()).toEqual(['a', 'b', 'c'])
  })

  it('a file that cannot be played is skipped while the queue has more', () => {
    player().actions.playList([clip('a'), clip('b'), clip('c')], 0)
    player().actions.reportError('media')
    expect(player().current?.id).toBe('b')
    expect(player().playing).toBe(true)
    expect(player().error).toBeNull()
    player().actions.next()
    player().actions.reportError('media')
    // The last one: nothing left to skip to, so the error shows.
    expect(player().current?.id).toBe('c')
    expect(player().playing).toBe(false)
    expect(player().error).toBe('media')
  })
})
