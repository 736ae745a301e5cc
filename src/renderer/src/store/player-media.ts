// The one media element that is playing right now: the <audio> of the player bar, or the
// <video> of the video panel. The store keeps the state; seeking has to reach the element
// at once (setting currentTime), so the element registers itself here.

let active: HTMLMediaElement | null = null

export function attachMediaElement(element: HTMLMediaElement): () => void {
  active = element
  return () => {
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
