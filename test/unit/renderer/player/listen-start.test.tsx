import { act, fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { PlayerBar } from '../../../../src/renderer/src/features/player/PlayerBar'
import { usePlayerStore } from '../../../../src/renderer/src/store/player-store'
import { installFakeApi, type FakeApi } from '../support/fake-api'
import { clip, useRendererTestSetup } from './helpers'

// The history records a start when a song starts playing. The kept queue loads its song
// paused at every start-up; that was recorded as a start at launch (and, when another
// song was played, a skip of 0 ms), so History listed a song nobody heard, and "last
// played" of a song resumed later was the launch time.

const player = (): ReturnType<typeof usePlayerStore.getState> => usePlayerStore.getState()

let fake: FakeApi
const listens = (): unknown[] =>
  fake.calls.filter((c) => c.method === 'recordListen').map((c) => c.request)

describe('the listening history and a paused current song', () => {
  useRendererTestSetup()
  beforeEach(() => {
    fake = installFakeApi({ recordListen: () => ({ ok: true }) })
  })

  it('records nothing for a song that is current but paused, and a start once it plays', async () => {
    // As the kept queue comes back at start-up: a current song, not playing.
    await act(() => player().actions.playList([clip('kept-1', { title: 'Kept' })], 0))
    act(() => usePlayerStore.setState({ playing: false }))
    render(<PlayerBar />)
    await act(async () => undefined)
    expect(listens()).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: 'Play' }))
    await act(async () => undefined)
    expect(listens()).toEqual([{ id: 'kept-1', kind: 'start' }])

    // Pausing and playing again is the same listen, not a new start.
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }))
    fireEvent.click(screen.getByRole('button', { name: 'Play' }))
    await act(async () => undefined)
    expect(listens()).toHaveLength(1)
  })
})
