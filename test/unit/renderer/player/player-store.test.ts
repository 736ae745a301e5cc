import { beforeEach, describe, expect, it } from 'vitest'
import type { ClipRow } from '../../../../src/shared/domain'
import { attachMediaElement } from '../../../../src/renderer/src/features/player/media-element'
import { flushPlayerStorage } from '../../../../src/renderer/src/store/player-storage'
import { usePlayerStore } from '../../../../src/renderer/src/store/player-store'
import { installFakeQueue, type FakeQueue } from '../support/fake-queue'
import { clip, clips, useRendererTestSetup } from './helpers'

// The player store applies the core's queue answers (the queue itself is tested in
// test/unit/core/library/queue): what plays, whether it plays, from where, in which mode.

const player = (): ReturnType<typeof usePlayerStore.getState> => usePlayerStore.getState()
let q: FakeQueue
const known = (rows: ClipRow[]): ClipRow[] => {
  q.register(rows)
  return rows
}

describe('player store: the queue', () => {
  useRendererTestSetup()
  beforeEach(() => {
    q = installFakeQueue()
  })

  it('plays a list from the chosen song and walks forward and back through it', async () => {
    await player().actions.playList(known(clips(3)), 1)
    expect(player().current?.id).toBe('c1')
    expect(player().playing).toBe(true)
    await player().actions.next()
    expect(player().current?.id).toBe('c2')
    await player().actions.previous()
    expect(player().current?.id).toBe('c1')
    expect(player().length).toBe(3)
  })

  it('"play next" and "add to queue" go to the core and the length follows', async () => {
    await player().actions.playList(known(clips(3)), 0)
    await player().actions.enqueue(known([clip('tail')]))
    await player().actions.playNext(known([clip('soon')]))
    expect(q.ids()).toEqual(['c0', 'soon', 'tail', 'c1', 'c2'])
    expect(player().length).toBe(5)
    expect(player().current?.id).toBe('c0')
  })

  it('adding to an empty queue makes the song current without starting to play', async () => {
    await player().actions.enqueue(known([clip('a'), clip('b')]))
    expect(player().current?.id).toBe('a')
    expect(player().playing).toBe(false)
  })

  it('stops at the end of the queue when repeat is off', async () => {
    await player().actions.playList(known(clips(2)), 1)
    await player().actions.trackEnded()
    expect(player().playing).toBe(false)
    expect(player().current?.id).toBe('c1')
    expect(player().position).toBe(0)
  })

  it('repeat all wraps around; repeat one plays the same song again as a new play', async () => {
    await player().actions.playList(known(clips(2)), 1)
    await player().actions.cycleRepeat()
    expect(player().repeat).toBe('all')
    await player().actions.trackEnded()
    expect(player().current?.id).toBe('c0')
    expect(player().playing).toBe(true)

    await player().actions.cycleRepeat()
    expect(player().repeat).toBe('one')
    const seq = player().playSeq
    await player().actions.trackEnded()
    expect(player().current?.id).toBe('c0')
    expect(player().playSeq).toBe(seq + 1)
    expect(player().playing).toBe(true)
    // "Next" by hand still moves on under repeat one.
    await player().actions.next()
    expect(player().current?.id).toBe('c1')
    await player().actions.cycleRepeat()
    expect(player().repeat).toBe('off')
  })

  it('previous restarts the song when more than 3 s have played, otherwise goes back', async () => {
    await player().actions.playList(known(clips(3)), 2)
    player().actions.reportPosition(42)
    await player().actions.previous()
    expect(player().current?.id).toBe('c2')
    expect(player().position).toBe(0)
    player().actions.reportPosition(2)
    await player().actions.previous()
    expect(player().current?.id).toBe('c1')
  })

  it('seeking moves the real media element and stays inside the song', async () => {
    const audio = document.createElement('audio')
    Object.defineProperty(audio, 'readyState', { value: 4 })
    const detach = attachMediaElement(audio)
    await player().actions.playList(known([clip('a', { durationSec: 100 })]), 0)
    player().actions.seek(61.5)
    expect(audio.currentTime).toBe(61.5)
    expect(player().position).toBe(61.5)
    player().actions.seek(500)
    expect(player().position).toBe(100)
    player().actions.seek(-4)
    expect(player().position).toBe(0)
    detach()
  })

  it('video mode plays the clip right after the current song', async () => {
    await player().actions.playList(known(clips(2)), 0)
    await player().actions.playVideo(known([clip('v', { hasVideo: true })])[0] as ClipRow)
    expect(q.ids()).toEqual(['c0', 'v', 'c1'])
    expect(player().current?.id).toBe('v')
    expect(player().mode).toBe('video')
    // A song without video continues as audio.
    await player().actions.next()
    expect(player().mode).toBe('audio')
    // No video file: nothing to show.
    await player().actions.playVideo(known([clip('novideo')])[0] as ClipRow)
    expect(player().current?.id).toBe('c1')
  })

  it('volume stays within 0–1 and moving it unmutes', () => {
    player().actions.toggleMute()
    expect(player().muted).toBe(true)
    player().actions.setVolume(1.7)
    expect(player().volume).toBe(1)
    expect(player().muted).toBe(false)
    player().actions.setVolume(-1)
    expect(player().volume).toBe(0)
  })

  it('shuffle is the core’s: the current song stays current', async () => {
    await player().actions.playList(known(clips(5)), 3)
    await player().actions.toggleShuffle()
    expect(player()).toMatchObject({ shuffle: true, index: 0 })
    expect(player().current?.id).toBe('c3')
    await player().actions.toggleShuffle()
    expect(player()).toMatchObject({ shuffle: false, index: 3 })
  })
})

describe('player store: persistence', () => {
  useRendererTestSetup()
  beforeEach(() => {
    q = installFakeQueue()
  })

  it('the queue and the position are the core’s; localStorage keeps only volume and mute', async () => {
    await player().actions.playList(known(clips(3)), 1)
    player().actions.reportPosition(73)
    player().actions.pause()
    player().actions.setVolume(0.4)
    flushPlayerStorage()
    const saved = localStorage.getItem('songshelf-player') ?? ''
    expect(saved).not.toContain('"playing"')
    expect(saved).not.toContain('c1')

    // A fresh start: the renderer's state is gone; the core still has the queue.
    usePlayerStore.setState({ current: null, index: -1, length: 0, playing: true, position: 0 })
    await player().actions.load()
    expect(player().current?.id).toBe('c1')
    expect(player().length).toBe(3)
    expect(player().position).toBe(73)
    await usePlayerStore.persist.rehydrate()
    expect(player().volume).toBe(0.4)
  })

  it('survives garbage in localStorage', async () => {
    localStorage.setItem(
      'songshelf-player',
      JSON.stringify({ state: { queue: [{ nope: 1 }, 7], index: 9, volume: 'loud' }, version: 1 })
    )
    await usePlayerStore.persist.rehydrate()
    expect(player().current).toBeNull()
    expect(player().volume).toBe(1)
  })
})
