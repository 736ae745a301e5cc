import { usePlayerStore } from '../../store/player-store'

// The one media element that is playing right now: the <audio> of the player bar, or the
// <video> of the video panel. The player store holds only data: a seek is a request in
// its state (`seekRequest`), and the attached element carries it out at once (setting
// currentTime), so the store never reaches into the DOM (issue 11).

let active: HTMLMediaElement | null = null

export function attachMediaElement(element: HTMLMediaElement): () => void {
  active = element
  const stop = usePlayerStore.subscribe((state, before) => {
    const request = state.seekRequest
    if (request === null || request === before.seekRequest || active !== element) return
    if (element.readyState >= 1) element.currentTime = request.sec
  })
  return () => {
    stop()
    if (active === element) active = null
  }
}

export function activeMediaElement(): HTMLMediaElement | null {
  return active
}

// Elements in a crossfade: their volume follows the fade's ramp, not the store's volume,
// until the fade is done (features/player/useDecks.ts).
const fading = new WeakSet<HTMLMediaElement>()

export function markFading(element: HTMLMediaElement): () => void {
  fading.add(element)
  return () => fading.delete(element)
}

export function isFading(element: HTMLMediaElement): boolean {
  return fading.has(element)
}
