import { beforeEach, describe, expect, it } from 'vitest'
import { usePlayerStore } from '../../../../src/renderer/src/store/player-store'
import { installFakeQueue, type FakeQueue } from '../support/fake-queue'
import { clip, useRendererTestSetup } from './helpers'

// Issue 13, defect 4: clips without playable audio stay out of the queue, and a file that
// fails to play is skipped, so playback carries on.

const player = (): ReturnType<typeof usePlayerStore.getState> => usePlayerStore.getState()
let q: FakeQueue

describe('player store: clips without audio', () => {
  useRendererTestSetup()
  beforeEach(() => {
    q = installFakeQueue()
  })

  it('never sends failed generations and unfinished downloads to the queue', async () => {
    const list = [
      clip('a'),
      clip('failed', { hasAudio: false, generationFailed: true, downloadState: 'absent' }),
      clip('b'),
      clip('pending', { hasAudio: false, downloadState: 'pending' }),
      clip('c')
    ]
    q.register(list)
    await player().actions.playList(list, 2)
    expect(q.ids()).toEqual(['a', 'b', 'c'])
    expect(player().current?.id).toBe('b')
    // Asking to start on a clip without audio starts on the next one that has it.
    await player().actions.playList(list, 1)
    expect(player().current?.id).toBe('b')
    const x = clip('x', { hasAudio: false })
    const y = clip('y', { generationFailed: true })
    q.register([x, y])
    await player().actions.enqueue([x])
    await player().actions.playNext([y])
    expect(q.ids()).toEqual(['a', 'b', 'c'])
    await player().actions.playList([clip('z', { hasAudio: false })], 0)
    expect(q.ids()).toEqual(['a', 'b', 'c'])
  })

  it('a file that cannot be played is skipped while the queue has more', async () => {
    const list = [clip('a'), clip('b'), clip('c')]
    q.register(list)
    await player().actions.playList(list, 0)
    await player().actions.reportError('media')
    expect(player().current?.id).toBe('b')
    expect(player().playing).toBe(true)
    expect(player().error).toBeNull()
    await player().actions.next()
    await player().actions.reportError('media')
    // The last one: nothing left to skip to, so the error shows.
    expect(player().current?.id).toBe('c')
    expect(player().playing).toBe(false)
    expect(player().error).toBe('media')
  })
})
