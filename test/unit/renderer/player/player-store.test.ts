import { describe, expect, it } from 'vitest'
import { attachMediaElement } from '../../../../src/renderer/src/store/player-media'
import { flushPlayerStorage } from '../../../../src/renderer/src/store/player-storage'
import { usePlayerStore } from '../../../../src/renderer/src/store/player-store'
import { clip, clips, useRendererTestSetup } from './helpers'

const player = (): ReturnType<typeof usePlayerStore.getState> => usePlayerStore.getState()
const ids = (): string[] => player().queue.map((c) => c.id)

describe('player store: the queue', () => {
  useRendererTestSetup()

  it('plays a list from the chosen song and walks forward and back through it', () => {
    player().actions.playList(clips(3), 1)
    expect(player().current?.id).toBe('c1')
    expect(player().playing).toBe(true)
    player().actions.next()
    expect(player().current?.id).toBe('c2')
    player().actions.previous()
    expect(player().current?.id).toBe('c1')
  })

  it('"play next" goes right after the current song; "add to queue" goes last', () => {
    player().actions.playList(clips(3), 0)
    player().actions.enqueue([clip('tail')])
    player().actions.playNext([clip('soon')])
    expect(ids()).toEqual(['c0', 'soon', 'c1', 'c2', 'tail'])
  })

  it('adding to an empty queue makes the song current without starting to play', () => {
    player().actions.enqueue([clip('a'), clip('b')])
    expect(player().current?.id).toBe('a')
    expect(player().playing).toBe(false)
  })

  it('reorders, removes and clears while keeping the playing song where it is', () => {
    player().actions.playList(clips(4), 1)
    player().actions.moveInQueue(3, 0)
    expect(ids()).toEqual(['c3', 'c0', 'c1', 'c2'])
    expect(player().current?.id).toBe('c1')
    expect(player().index).toBe(2)
    player().actions.removeFromQueue(0)
    expect(ids()).toEqual(['c0', 'c1', 'c2'])
    expect(player().index).toBe(1)
    player().actions.removeFromQueue(1)
    expect(player().current?.id).toBe('c2')
    player().actions.clearQueue()
    expect(ids()).toEqual(['c2'])
    expect(player().current?.id).toBe('c2')
  })

  it('stops at the end of the queue when repeat is off', () => {
    player().actions.playList(clips(2), 1)
    player().actions.trackEnded()
    expect(player().playing).toBe(false)
    expect(player().current?.id).toBe('c1')
    expect(player().position).toBe(0)
  })

  it('repeat all wraps around; repeat one plays the same song again as a new play', () => {
    player().actions.playList(clips(2), 1)
    player().actions.cycleRepeat()
    expect(player().repeat).toBe('all')
    player().actions.trackEnded()
    expect(player().current?.id).toBe('c0')
    expect(player().playing).toBe(true)

    player().actions.cycleRepeat()
    expect(player().repeat).toBe('one')
    const seq = player().playSeq
    player().actions.trackEnded()
    expect(player().current?.id).toBe('c0')
    expect(player().playSeq).toBe(seq + 1)
    expect(player().playing).toBe(true)
    // "Next" by hand still moves on under repeat one.
    player().actions.next()
    expect(player().current?.id).toBe('c1')
    player().actions.cycleRepeat()
    expect(player().repeat).toBe('off')
  })

  it('previous restarts the song when more than 3 s have played, otherwise goes back', () => {
    player().actions.playList(clips(3), 2)
    player().actions.reportPosition(42)
    player().actions.previous()
    expect(player().current?.id).toBe('c2')
    expect(player().position).toBe(0)
    player().actions.reportPosition(2)
    player().actions.previous()
    expect(player().current?.id).toBe('c1')
  })

  it('seeking moves the real media element and stays inside the song', () => {
    const audio = document.createElement('audio')
    Object.defineProperty(audio, 'readyState', { value: 4 })
    const detach = attachMediaElement(audio)
    player().actions.playList([clip('a', { durationSec: 100 })], 0)
    player().actions.seek(61.5)
    expect(audio.currentTime).toBe(61.5)
    expect(player().position).toBe(61.5)
    player().actions.seek(500)
    expect(player().position).toBe(100)
    player().actions.seek(-4)
    expect(player().position).toBe(0)
    detach()
  })

  it('video mode plays the clip from the queue or puts it right after the current song', () => {
    player().actions.playList(clips(2), 0)
    player().actions.playVideo(clip('v', { hasVideo: true }))
    expect(ids()).toEqual(['c0', 'v', 'c1'])
    expect(player().current?.id).toBe('v')
    expect(player().mode).toBe('video')
    // A song without video continues as audio.
    player().actions.next()
    expect(player().mode).toBe('audio')
    // No video file: nothing to show.
    player().actions.playVideo(clip('novideo'))
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
})

describe('player store: shuffle', () => {
  useRendererTestSetup()

  it('keeps the current song first, plays every song once, and turning it off restores the order', () => {
    player().actions.playList(clips(20), 5)
    player().actions.toggleShuffle()
    expect(player().shuffle).toBe(true)
    expect(player().current?.id).toBe('c5')
    expect(player().index).toBe(0)
    expect([...ids()].sort()).toEqual(
      clips(20)
        .map((c) => c.id)
        .sort()
    )

    const heard = [player().current?.id]
    for (let i = 0; i < 19; i += 1) {
      player().actions.next()
      heard.push(player().current?.id)
    }
    expect(new Set(heard).size).toBe(20)

    player().actions.toggleShuffle()
    expect(ids()).toEqual(clips(20).map((c) => c.id))
    expect(player().current?.id).toBe(heard[19])
  })

  it('a list started while shuffle is on begins with the chosen song', () => {
    player().actions.toggleShuffle()
    player().actions.playList(clips(10), 7)
    expect(player().current?.id).toBe('c7')
    expect(player().index).toBe(0)
    player().actions.enqueue([clip('late')])
    player().actions.toggleShuffle()
    expect(ids()).toEqual([...clips(10).map((c) => c.id), 'late'])
  })
})

describe('player store: persistence', () => {
  useRendererTestSetup()

  it('remembers the queue, the song and the position across a restart, but never "playing"', async () => {
    player().actions.playList(clips(3), 1)
    player().actions.reportPosition(73)
    player().actions.setVolume(0.4)
    expect(player().playing).toBe(true)
    flushPlayerStorage()

    const saved = localStorage.getItem('songshelf-player')
    expect(saved).not.toBeNull()
    expect(saved).not.toContain('"playing"')

    // A fresh start: the in-memory state is gone, localStorage is what is left.
    usePlayerStore.setState({ queue: [], index: -1, current: null, playing: true, position: 0 })
    flushPlayerStorage()
    localStorage.setItem('songshelf-player', saved ?? '')
    await usePlayerStore.persist.rehydrate()
    expect(player().current?.id).toBe('c1')
    expect(ids()).toEqual(['c0', 'c1', 'c2'])
    expect(player().position).toBe(73)
    expect(player().volume).toBe(0.4)
    expect(player().playing).toBe(false)
    expect(player().mode).toBe('audio')
  })

  it('survives garbage in localStorage', async () => {
    localStorage.setItem(
      'songshelf-player',
      JSON.stringify({ state: { queue: [{ nope: 1 }, 7], index: 9, volume: 'loud' }, version: 1 })
    )
    await usePlayerStore.persist.rehydrate()
    expect(player().queue).toEqual([])
    expect(player().current).toBeNull()
    expect(player().volume).toBe(1)
  })
})
