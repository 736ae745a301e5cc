import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PlayerBar } from '../../../../src/renderer/src/features/player/PlayerBar'
import { usePlayerStore } from '../../../../src/renderer/src/store/player-store'
import { installFakeApi, type FakeApi } from '../support/fake-api'
import { clip, clips, giveElementsASize, useRendererTestSetup } from './helpers'

const player = (): ReturnType<typeof usePlayerStore.getState> => usePlayerStore.getState()

let fake: FakeApi

describe('player bar', () => {
  useRendererTestSetup()
  beforeEach(() => {
    fake = installFakeApi({ recordPlay: () => ({ ok: true }) })
  })

  it('shows "nothing playing" with play disabled when the queue is empty', async () => {
    render(<PlayerBar />)
    expect(screen.getByTestId('player-title').textContent).toBe('Nothing playing')
    expect(screen.getByRole('button', { name: 'Play' })).toHaveProperty('disabled', true)
    expect(screen.queryByTestId('player-audio')).toBeNull()
  })

  it('plays the current song through one <audio> element pointed at the media URL', async () => {
    await act(() => player().actions.playList([clip('abc', { title: 'City Lights' })], 0))
    render(<PlayerBar />)
    expect(screen.getByTestId('player-title').textContent).toBe('City Lights')
    const audio = screen.getByTestId('player-audio') as HTMLAudioElement
    expect(audio.getAttribute('src')).toBe('/media/clip/abc/audio')
    expect(HTMLMediaElement.prototype.play).toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }))
    expect(player().playing).toBe(false)
    expect(HTMLMediaElement.prototype.pause).toHaveBeenCalled()
  })

  it('the seek slider moves the media element; time updates move the slider', async () => {
    await act(() => player().actions.playList([clip('abc', { durationSec: 200 })], 0))
    render(<PlayerBar />)
    const audio = screen.getByTestId('player-audio') as HTMLAudioElement
    Object.defineProperty(audio, 'readyState', { value: 4 })
    const slider = screen.getByRole('slider', { name: 'Seek' }) as HTMLInputElement
    fireEvent.change(slider, { target: { value: '120' } })
    expect(audio.currentTime).toBe(120)
    expect(screen.getByTestId('player-position').textContent).toBe('2:00')

    audio.currentTime = 130.4
    fireEvent.timeUpdate(audio)
    expect(slider.value).toBe('130.4')
    expect(slider.getAttribute('aria-valuetext')).toMatch(
      /^2 minutes,? 10 seconds of 3 minutes,? 20 seconds$/
    )
  })

  it('the end of a song moves on and a pause from outside (OS, native controls) is reflected', async () => {
    await act(() => player().actions.playList(clips(2), 0))
    render(<PlayerBar />)
    let audio = screen.getByTestId('player-audio') as HTMLAudioElement
    Object.defineProperty(audio, 'readyState', { value: 4, configurable: true })
    fireEvent.ended(audio)
    await waitFor(() => expect(player().current?.id).toBe('c1'))
    audio = screen.getByTestId('player-audio') as HTMLAudioElement
    Object.defineProperty(audio, 'readyState', { value: 4, configurable: true })
    fireEvent.pause(audio)
    expect(player().playing).toBe(false)
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy()
  })

  it('shuffle, repeat and mute say their state to assistive technology', async () => {
    await act(() => player().actions.playList(clips(3), 0))
    render(<PlayerBar />)
    const shuffle = screen.getByRole('button', { name: 'Shuffle' })
    expect(shuffle.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(shuffle)
    await waitFor(() => expect(shuffle.getAttribute('aria-pressed')).toBe('true'))
    fireEvent.click(screen.getByRole('button', { name: 'Repeat: off' }))
    expect(screen.getByRole('button', { name: 'Repeat: the whole queue' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Mute' }))
    expect(screen.getByRole('button', { name: 'Unmute' }).getAttribute('aria-pressed')).toBe('true')
  })

  it('the queue panel reorders with buttons, removes and clears', async () => {
    giveElementsASize()
    await act(() => player().actions.playList(clips(3), 0))
    render(<PlayerBar />)
    fireEvent.click(screen.getByRole('button', { name: 'Queue', expanded: false }))
    expect(screen.getByTestId('queue-panel')).toBeTruthy()
    const ids = (): string[] => fake.queue.ids()
    fireEvent.click(await screen.findByRole('button', { name: 'Move Song c2 (#c2) up' }))
    await waitFor(() => expect(ids()).toEqual(['c0', 'c2', 'c1']))
    fireEvent.click(
      await screen.findByRole('button', { name: 'Remove Song c1 (#c1) from the queue' })
    )
    await waitFor(() => expect(ids()).toEqual(['c0', 'c2']))
    await waitFor(() => expect(screen.queryByText('Song c1')).toBeNull())
    fireEvent.click(await screen.findByRole('button', { name: /Play Song c2/ }))
    await waitFor(() => expect(player().current?.id).toBe('c2'))
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    await waitFor(() => expect(ids()).toEqual(['c2']))
    expect(player().length).toBe(1)
  })

  it('loads the next song only once the current one has started (issue 14 §3)', async () => {
    await act(() => player().actions.playList(clips(3), 0))
    render(<PlayerBar />)
    const audio = screen.getByTestId('player-audio') as HTMLAudioElement
    // Old code: the next song was asked for and loaded beside the first one at once,
    // delaying the first sound of "Play".
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(fake.calls.filter((c) => c.method === 'queueWindow')).toHaveLength(0)
    expect(screen.queryByTestId('player-audio-next')).toBeNull()
    audio.currentTime = 0.3
    fireEvent.timeUpdate(audio)
    await waitFor(() =>
      expect(screen.getByTestId('player-audio-next').getAttribute('src')).toBe(
        '/media/clip/c1/audio'
      )
    )
  })
})

describe('MediaSession', () => {
  useRendererTestSetup()
  const handlers = new Map<string, MediaSessionActionHandler | null>()
  const session = {
    metadata: null as MediaMetadata | null,
    playbackState: 'none' as MediaSessionPlaybackState,
    setActionHandler: (action: string, handler: MediaSessionActionHandler | null) =>
      handlers.set(action, handler),
    setPositionState: vi.fn()
  }

  beforeEach(() => {
    installFakeApi({ recordPlay: () => ({ ok: true }) })
    handlers.clear()
    Object.defineProperty(navigator, 'mediaSession', { value: session, configurable: true })
    vi.stubGlobal(
      'MediaMetadata',
      class {
        constructor(readonly init: MediaMetadataInit) {}
        get title(): string | undefined {
          return this.init.title
        }
        get artist(): string | undefined {
          return this.init.artist
        }
        get artwork(): readonly MediaImage[] | undefined {
          return this.init.artwork
        }
      }
    )
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('tells the OS what plays, with cover art, and obeys media keys', async () => {
    await act(() =>
      player().actions.playList(
        [clip('a', { title: 'First', hasCover: true, model: 'chirp-v4-5' }), clip('b')],
        0
      )
    )
    render(<PlayerBar />)
    const metadata = session.metadata as unknown as {
      title: string
      artist: string
      artwork: MediaImage[]
    }
    // Which take plays, or the short id when the gateway did not say (issue 13).
    expect(metadata.title).toBe('First (#a)')
    expect(metadata.artist).toBe('Suno · chirp-v4-5')
    expect(metadata.artwork[0]?.src).toMatch(/\/media\/clip\/a\/cover$/)
    expect(session.playbackState).toBe('playing')
    for (const action of [
      'play',
      'pause',
      'previoustrack',
      'nexttrack',
      'seekto',
      'seekbackward',
      'seekforward'
    ]) {
      expect(typeof handlers.get(action), action).toBe('function')
    }
    act(() => handlers.get('nexttrack')?.({ action: 'nexttrack' }))
    await waitFor(() => expect(player().current?.id).toBe('b'))
    await act(async () => handlers.get('pause')?.({ action: 'pause' }))
    expect(session.playbackState).toBe('paused')
    expect(session.setPositionState).toHaveBeenCalledWith(
      expect.objectContaining({ duration: 180 })
    )
  })
})
