import { useLayoutEffect, useState, type RefObject } from 'react'

// The search box's placeholder says what can be searched ("Search titles, styles, lyrics,
// prompts, tags"), and a placeholder is never scrolled: in a narrow toolbar the browser
// cut it mid-word (issue 13, at 1280×800 with the filters open). The box shows the longest
// of its wordings that fits, measured in its own font, so it shortens by whole phrases.

/** Room a search input keeps at its end for its clear (×) button, even while it is empty
 * and the button hidden (Chromium: without it the last letters were cut). */
export const CLEAR_BUTTON_PX = 18

/** The first (longest) of `candidates` whose width fits `room`; the last one otherwise. */
export function pickFitting(
  candidates: readonly string[],
  width: (text: string) => number,
  room: number
): string {
  for (const text of candidates) if (width(text) <= room) return text
  return candidates[candidates.length - 1] ?? ''
}

/** The text width in the element's font, and the room inside its padding. */
function measureIn(element: HTMLElement): { width: (text: string) => number; room: number } {
  const style = getComputedStyle(element)
  const context = document.createElement('canvas').getContext('2d')
  const room =
    element.clientWidth -
    parseFloat(style.paddingLeft) -
    parseFloat(style.paddingRight) -
    CLEAR_BUTTON_PX
  if (!context) return { width: () => 0, room }
  context.font = style.font
  return { width: (text) => context.measureText(text).width, room }
}

/** The longest wording that fits the input, followed as it is resized. Without layout
 * (jsdom) the first wording is kept. */
export function useFittingText(
  ref: RefObject<HTMLElement | null>,
  candidates: readonly string[]
): string {
  const key = candidates.join('\u0000')
  const [text, setText] = useState(candidates[0] ?? '')
  useLayoutEffect(() => {
    const element = ref.current
    const list = key.split('\u0000')
    if (!element || typeof ResizeObserver === 'undefined') {
      setText(list[0] ?? '')
      return
    }
    const fit = (): void => {
      if (element.clientWidth === 0) return
      const { width, room } = measureIn(element)
      setText(pickFitting(list, width, room))
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref, key])
  return text
}
