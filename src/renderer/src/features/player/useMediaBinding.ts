import { useEffect, type RefObject } from 'react'
import { call } from '../../lib/bridge'
import { listen } from '../../lib/listen'
import { attachMediaElement, isFading } from './media-element'
import { sharedListenRecorder, type ListenReport } from '../../store/listen-recorder'
import { usePlayerStore } from '../../store/player-store'
import { syncPositionState } from './useMediaSession'

const recordListen = ({ clipId, ...report }: ListenReport): void => {
  // A play that cannot be recorded (library gone, clip deleted) is not worth an error.
  void call('recordListen', { id: clipId, ...report }).catch(() => undefined)
}

/** Closes the current listen as heard to its end (a crossfade moves on before `ended`). */
export function finishListen(): void {
  sharedListenRecorder(recordListen).ended()
}

/** Keeps one <audio> or <video> element and the player store in step: the store says what
 * should happen (playing, volume, the position to restore), the element reports what did
 * (time, duration, end, errors, pauses from native controls or the OS). */
export function useMediaBinding(ref: RefObject<HTMLMediaElement | null>, src: string | null): void {
  const playing = usePlayerStore((s) => s.playing)
  const playSeq = usePlayerStore((s) => s.playSeq)
  const volume = usePlayerStore((s) => s.volume)
  const muted = usePlayerStore((s) => s.muted)
  const clipId = usePlayerStore((s) => s.current?.id ?? null)

  useEffect(() => {
    const element = ref.current
    if (!element) return
    const detach = attachMediaElement(element)
    const counter = sharedListenRecorder(recordListen)
    const { actions } = usePlayerStore.getState()

    const onLoadedMetadata = (): void => {
      const { position, duration } = usePlayerStore.getState()
      actions.reportDuration(element.duration)
      // Restore where the listener was (after a restart, or when switching between the
      // audio and the video of the same clip).
      const known = Number.isFinite(element.duration) ? element.duration : duration
      if (
        position > 0.5 &&
        position < known - 0.5 &&
        Math.abs(element.currentTime - position) > 0.5
      ) {
        element.currentTime = position
      }
    }
    const onTimeUpdate = (): void => {
      actions.reportPosition(element.currentTime)
      if (!element.paused) counter.tick(element.currentTime)
    }
    const onDuration = (): void => actions.reportDuration(element.duration)
    const onEnded = (): void => {
      counter.ended()
      void actions.trackEnded()
    }
    const onPlay = (): void => actions.reportPlaying(true)
    // The end of a track also pauses; that is handled by `ended`, not as a user pause.
    const onPause = (): void => {
      if (!element.ended && element.readyState > 0) actions.reportPlaying(false)
    }
    const onError = (): void => void actions.reportError('media')
    const onSeeked = (): void => {
      actions.reportPosition(element.currentTime)
      syncPositionState()
    }

    // A deck that preloaded the next clip has its metadata already (useDecks.ts).
    if (element.readyState >= 1) actions.reportDuration(element.duration)
    const unlisten = listen<HTMLMediaElementEventMap>(element, {
      loadedmetadata: onLoadedMetadata,
      timeupdate: onTimeUpdate,
      durationchange: onDuration,
      ended: onEnded,
      play: onPlay,
      pause: onPause,
      error: onError,
      seeked: onSeeked
    })
    return () => {
      unlisten()
      detach()
    }
  }, [ref, src])

  // A listen begins when the song starts playing, not when it becomes current: the kept
  // queue loads its song paused at every start-up, and that was recorded as a start (and,
  // once another song played, a skip) in the history although nothing was heard.
  useEffect(() => {
    if (clipId && playing) sharedListenRecorder(recordListen).begin(clipId, playSeq)
  }, [clipId, playSeq, playing])

  useEffect(() => {
    const element = ref.current
    if (!element || !src) return
    if (!playing) {
      element.pause()
      return
    }
    let result: Promise<void> | undefined
    try {
      result = element.play()
    } catch {
      result = undefined
    }
    void result?.catch((error: unknown) => {
      const name = error instanceof DOMException ? error.name : ''
      // AbortError: a newer load() or pause() superseded this play(); not a failure.
      if (name === 'NotAllowedError') usePlayerStore.getState().actions.reportError('blocked')
      else if (name !== 'AbortError') usePlayerStore.getState().actions.reportError('media')
    })
  }, [ref, src, playing, playSeq])

  useEffect(() => {
    const element = ref.current
    if (!element || isFading(element)) return
    element.volume = volume
    element.muted = muted
  }, [ref, src, volume, muted])
}
