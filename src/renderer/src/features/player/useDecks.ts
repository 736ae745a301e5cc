import { useEffect, useRef, useState, type RefObject } from 'react'
import { markFading } from './media-element'
import { usePlaybackPrefs } from '../../store/playback-prefs-store'
import { usePlayerStore } from '../../store/player-store'
import { finishListen } from './useMediaBinding'

// Gapless playback and the optional crossfade (issue 15). Two <audio> decks: the active
// one plays the current clip, the other waits with the core queue's next clip loaded
// (preload="auto"). When the current clip ends, the waiting deck starts at once and the
// queue steps on; its deck then becomes the active one without loading anything. With a
// crossfade of N seconds the waiting deck starts N seconds before the end, and the two
// element volumes ramp across (out from the store's volume to 0, in from 0 to it).

export type DeckIndex = 0 | 1

interface DeckState {
  clips: [string | null, string | null]
  active: DeckIndex
  /** The clip the decks were last arranged for. */
  placed: string | null
  /** The inactive deck is still fading out its clip: leave it alone until it is done. */
  fadingOut: boolean
}

const other = (deck: DeckIndex): DeckIndex => (deck === 0 ? 1 : 0)
const FADE_TICK_MS = 50

/** Puts `clipId` on a deck: where it already is (a preloaded next clip: the decks swap
 * roles), or on the active deck. */
function place(s: DeckState, clipId: string | null): DeckState {
  if (clipId === null)
    return { clips: [null, null], active: s.active, placed: null, fadingOut: false }
  if (s.clips[s.active] === clipId) return { ...s, placed: clipId }
  const waiting = other(s.active)
  if (s.clips[waiting] === clipId) return { ...s, active: waiting, placed: clipId }
  const clips: DeckState['clips'] = [...s.clips]
  clips[s.active] = clipId
  return { ...s, clips, placed: clipId }
}

export interface Decks {
  clips: [string | null, string | null]
  active: DeckIndex
  refs: [RefObject<HTMLAudioElement | null>, RefObject<HTMLAudioElement | null>]
}

export function useDecks(currentId: string | null, nextId: string | null): Decks {
  const crossfadeSec = usePlaybackPrefs((s) => s.crossfadeSec)
  const ref0 = useRef<HTMLAudioElement>(null)
  const ref1 = useRef<HTMLAudioElement>(null)
  const refs: Decks['refs'] = [ref0, ref1]
  const [state, setState] = useState<DeckState>({
    clips: [null, null],
    active: 0,
    placed: null,
    fadingOut: false
  })

  // Derived while rendering (React's "adjusting state when a prop changes"), so the
  // active deck never renders one frame with the wrong clip.
  let s = state
  if (s.placed !== currentId) s = place(s, currentId)
  const waiting = other(s.active)
  if (currentId !== null && !s.fadingOut && nextId !== null && s.clips[waiting] !== nextId) {
    const clips: DeckState['clips'] = [...s.clips]
    clips[waiting] = nextId
    s = { ...s, clips }
  }
  if (s !== state) setState(s)

  const { active, clips, fadingOut } = s
  const fade = useRef<(() => void) | null>(null)

  // A waiting deck is silent: a deck started for a handoff that did not happen (the queue
  // moved elsewhere meanwhile) is stopped, and one that will be next starts from 0.
  useEffect(() => {
    const idle = (waiting === 0 ? ref0 : ref1).current
    if (idle && !fadingOut && !idle.paused) idle.pause()
    if (idle && !fadingOut && idle.currentTime > 0 && !idle.ended) idle.currentTime = 0
  }, [waiting, fadingOut, clips])

  useEffect(() => {
    const current = (active === 0 ? ref0 : ref1).current
    const next = (active === 0 ? ref1 : ref0).current
    if (!current || !next || nextId === null || clips[other(active)] !== nextId) return

    const startNext = (volume: number): void => {
      const { muted } = usePlayerStore.getState()
      next.volume = volume
      next.muted = muted
      void next.play().catch(() => undefined)
    }
    // Gapless: the next clip starts the moment this one ends; the binding's own `ended`
    // steps the queue, which makes the started deck the active one.
    const onEnded = (): void => {
      if (fade.current === null) startNext(usePlayerStore.getState().volume)
    }
    const onTimeUpdate = (): void => {
      if (crossfadeSec === 0 || fade.current !== null) return
      const duration = current.duration
      // A clip shorter than the fade and a second is not cross-faded: it only ends.
      if (!Number.isFinite(duration) || duration <= crossfadeSec + 1) return
      if (duration - current.currentTime > crossfadeSec || next.readyState < 2) return
      beginFade(current, next, crossfadeSec)
    }
    const beginFade = (from: HTMLMediaElement, to: HTMLMediaElement, sec: number): void => {
      const unmark = [markFading(from), markFading(to)]
      const started = performance.now()
      startNext(0)
      const finish = (): void => {
        clearInterval(timer)
        from.removeEventListener('ended', finish)
        from.pause()
        to.volume = usePlayerStore.getState().volume
        for (const off of unmark) off()
        fade.current = null
        setState((now) => ({ ...now, fadingOut: false }))
      }
      const tick = (): void => {
        const { volume, playing } = usePlayerStore.getState()
        const t = Math.min(1, (performance.now() - started) / (sec * 1000))
        from.volume = volume * (1 - t)
        to.volume = volume * t
        if (t >= 1 || !playing) finish()
      }
      const timer = setInterval(tick, FADE_TICK_MS)
      from.addEventListener('ended', finish)
      fade.current = finish
      setState((now) => ({ ...now, fadingOut: true }))
      // The song that fades out was heard to its end; the queue moves on now, so the title
      // and the position follow the song fading in.
      finishListen()
      void usePlayerStore.getState().actions.trackEnded()
    }
    current.addEventListener('ended', onEnded)
    current.addEventListener('timeupdate', onTimeUpdate)
    return () => {
      current.removeEventListener('ended', onEnded)
      current.removeEventListener('timeupdate', onTimeUpdate)
    }
  }, [active, clips, nextId, crossfadeSec])

  // A fade still running when the player goes away is finished, not left half-way.
  useEffect(() => () => fade.current?.(), [])

  return { clips, active, refs }
}
