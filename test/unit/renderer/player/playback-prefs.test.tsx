import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { PlaybackSection } from '../../../../src/renderer/src/features/settings/PlaybackSection'
import { usePlaybackPrefs } from '../../../../src/renderer/src/store/playback-prefs-store'
import { useRendererTestSetup } from './helpers'

// The crossfade setting (issue 15): off by default, off / 2 s / 5 s only, kept in this
// window's storage like the volume, and nothing else read back from it.

describe('crossfade setting', () => {
  useRendererTestSetup()
  afterEach(() => {
    usePlaybackPrefs.setState({ crossfadeSec: 0 })
    localStorage.clear()
  })

  it('is off by default and offers off, 2 s and 5 s', () => {
    render(<PlaybackSection />)
    const select = screen.getByTestId('setting-crossfade') as HTMLSelectElement
    expect(select.value).toBe('0')
    expect([...select.options].map((o) => o.textContent)).toEqual(['Off', '2 seconds', '5 seconds'])
    fireEvent.change(select, { target: { value: '5' } })
    expect(usePlaybackPrefs.getState().crossfadeSec).toBe(5)
    expect(JSON.parse(localStorage.getItem('songshelf-playback') ?? '{}')).toMatchObject({
      state: { crossfadeSec: 5 }
    })
  })

  it('reads back only a listed choice', async () => {
    for (const [stored, expected] of [
      [2, 2],
      [3, 0],
      ['5', 0],
      [null, 0]
    ] as const) {
      localStorage.setItem(
        'songshelf-playback',
        JSON.stringify({ state: { crossfadeSec: stored }, version: 1 })
      )
      await usePlaybackPrefs.persist.rehydrate()
      expect(usePlaybackPrefs.getState().crossfadeSec).toBe(expected)
    }
  })
})
