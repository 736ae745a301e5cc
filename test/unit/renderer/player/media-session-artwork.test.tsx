import { act, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PlayerBar } from '../../../../src/renderer/src/features/player/PlayerBar'
import { setBridgeApi } from '../../../../src/renderer/src/lib/bridge'
import { usePlayerStore } from '../../../../src/renderer/src/store/player-store'
import { installFakeApi } from '../support/fake-api'
import { clip, useRendererTestSetup } from './helpers'

// In Electron the cover lives at songshelf-media://clip/<id>/cover, a scheme Chromium's
// MediaSession drops ("MediaImage src can only be of http/https/data/blob scheme"), so
// the OS media controls never showed art. The hook must hand over a blob: URL instead.

describe('MediaSession artwork in Electron', () => {
  useRendererTestSetup()
  const session = {
    metadata: null as MediaMetadata | null,
    playbackState: 'none' as MediaSessionPlaybackState,
    setActionHandler: vi.fn(),
    setPositionState: vi.fn()
  }
  const fetched: string[] = []
  const revoked: string[] = []

  beforeEach(() => {
    fetched.length = 0
    revoked.length = 0
    const api = installFakeApi({ recordPlay: () => ({ ok: true }) })
    setBridgeApi(api.api, { base: 'songshelf-media://clip', query: '' })
    Object.defineProperty(navigator, 'mediaSession', { value: session, configurable: true })
    vi.stubGlobal(
      'MediaMetadata',
      class {
        constructor(readonly init: MediaMetadataInit) {}
        get artwork(): readonly MediaImage[] | undefined {
          return this.init.artwork
        }
      }
    )
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url)
      return new Response(new Uint8Array([0xff, 0xd8, 0xff]), {
        headers: { 'Content-Type': 'image/jpeg' }
      })
    })
    let n = 0
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:songshelf-app://app/${++n}`)
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  const artwork = (): readonly MediaImage[] =>
    (session.metadata as unknown as { artwork: MediaImage[] }).artwork

  it('hands the OS a blob: URL of the cover, never the songshelf-media: URL', async () => {
    await act(() =>
      usePlayerStore
        .getState()
        .actions.playList([clip('a', { hasCover: true }), clip('b', { hasCover: true })], 0)
    )
    render(<PlayerBar />)
    await vi.waitFor(() => expect(artwork()[0]?.src).toBe('blob:songshelf-app://app/1'))
    expect(fetched).toEqual(['songshelf-media://clip/a/cover'])
    for (const image of artwork()) expect(image.src).toMatch(/^(https?|data|blob):/)

    // The next song replaces the art and frees the old blob.
    act(() => usePlayerStore.getState().actions.next())
    await vi.waitFor(() => expect(artwork()[0]?.src).toBe('blob:songshelf-app://app/2'))
    expect(revoked).toContain('blob:songshelf-app://app/1')
  })
})
