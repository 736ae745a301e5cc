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
