import { useEffect } from 'react'
import type { MiniPlayerCommand, MiniPlayerState } from '../../../../shared/mini-player'
import { displayTitle } from '../../../../shared/clip-label'
import { useBridgeEvent } from '../../hooks/useBridgeEvent'
import { call } from '../../lib/bridge'
import { usePlayerStore, type PlayerState } from '../../store/player-store'

// The main window's side of the mini player window (issue 15): while a mini window
// listens, it publishes what its player does (the song, playing, and the position at most
// every half second of playback), and it carries out the mini window's commands with the
// player's own actions. The audio stays here; the mini window only shows and asks.

const POSITION_STEP_SEC = 0.5
const MAX_SEC = 86_400

const seconds = (value: number): number =>
  Number.isFinite(value) ? Math.min(MAX_SEC, Math.max(0, value)) : 0

/** What the mini window is told: plain, bounded data (the relay's schema refuses more). */
export function playerSnapshot(s: PlayerState): MiniPlayerState {
  const c = s.current
  const count = (n: number | null | undefined): number | null =>
    typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 1000 ? n : null
  return {
    clip: c
      ? {
          id: c.id,
          title: displayTitle(c).slice(0, 1000),
          take: count(c.take),
          takes: count(c.takes),
          hasCover: c.hasCover
        }
      : null,
    playing: s.playing,
    position: seconds(s.position),
    duration: seconds(s.duration),
    hasNext: s.index >= 0 && (s.index + 1 < s.length || s.repeat === 'all'),
    hasPrevious: c !== null
  }
}

/** Whether the change from `before` to `s` is worth telling the mini window. */
export function worthPublishing(s: PlayerState, before: PlayerState): boolean {
  return (
    s.current?.id !== before.current?.id ||
    s.current?.title !== before.current?.title ||
    s.current?.hasCover !== before.current?.hasCover ||
    s.playing !== before.playing ||
    s.duration !== before.duration ||
    s.length !== before.length ||
    s.index !== before.index ||
    s.repeat !== before.repeat ||
    Math.abs(s.position - before.position) >= POSITION_STEP_SEC
  )
}

/** Whether a mini window is listening: from its first `hello` (it asks when it opens)
 * until the desktop app says it closed. Nothing is published while none is. */
let listening = false

const publish = (s: PlayerState): void =>
  void call('publishPlayerState', playerSnapshot(s)).catch(() => undefined)

/** Carries out one command from the mini window. */
export function runPlayerCommand(command: MiniPlayerCommand): void {
  const { actions } = usePlayerStore.getState()
  switch (command.command) {
    case 'toggle':
      return actions.togglePlay()
    case 'next':
      return void actions.next()
    case 'previous':
      return void actions.previous()
    case 'seek':
      return actions.seek(command.sec)
    case 'hello':
      listening = true
      return publish(usePlayerStore.getState())
  }
}

export function usePlayerStatePublisher(): void {
  useEffect(() => {
    let last = usePlayerStore.getState()
    return usePlayerStore.subscribe((s) => {
      if (!listening || !worthPublishing(s, last)) return
      last = s
      publish(s)
    })
  }, [])
  useBridgeEvent('player-command', runPlayerCommand)
  useBridgeEvent('mini-player', ({ open }) => {
    listening = open
  })
}
