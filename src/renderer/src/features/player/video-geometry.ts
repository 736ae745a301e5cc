import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react'

// Where the floating video panel sits and how wide it is (issue 13, defect 13): moved by
// its header, resized by its corner, remembered in localStorage (UI geometry, not a
// setting), and always kept inside the window, also when the window shrinks. The height
// follows the video; the panel's measured height is used to keep its bottom inside.

export interface PanelBounds {
  x: number
  y: number
  width: number
}

export const VIDEO_BOUNDS_KEY = 'songshelf.videoPanel'
export const MIN_PANEL_WIDTH = 240
const MARGIN = 8

function clampNumber(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max))
}

/** The bounds moved inside a viewport, for a panel `height` tall. Pure. */
export function clampBounds(
  bounds: PanelBounds,
  viewport: { width: number; height: number },
  height: number
): PanelBounds {
  const width = clampNumber(bounds.width, MIN_PANEL_WIDTH, viewport.width - 2 * MARGIN)
  return {
    width,
    x: clampNumber(bounds.x, MARGIN, viewport.width - width - MARGIN),
    y: clampNumber(bounds.y, MARGIN, viewport.height - height - MARGIN)
  }
}

/** Stored bounds, or null when there are none (or they are not numbers). */
export function readBounds(raw: string | null): PanelBounds | null {
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof PanelBounds, unknown>>
    const { x, y, width } = value
    if ([x, y, width].every((n) => typeof n === 'number' && Number.isFinite(n)))
      return { x: x as number, y: y as number, width: width as number }
  } catch {
    // Not JSON: start from the default place.
  }
  return null
}

function load(): PanelBounds | null {
  try {
    return readBounds(localStorage.getItem(VIDEO_BOUNDS_KEY))
  } catch {
    return null
  }
}

function save(bounds: PanelBounds): void {
  try {
    localStorage.setItem(VIDEO_BOUNDS_KEY, JSON.stringify(bounds))
  } catch {
    // No storage: the panel goes back to its default place next time.
  }
}

function viewport(): { width: number; height: number } {
  return { width: window.innerWidth, height: window.innerHeight }
}

export interface PanelGeometry {
  /** Null until the user moved or resized it: the stylesheet's default place. */
  bounds: PanelBounds | null
  /** Moves/resizes from the panel's current box; `save` remembers the result. */
  change: (next: (from: PanelBounds) => PanelBounds, remember: boolean) => void
}

export function usePanelGeometry(ref: RefObject<HTMLElement | null>): PanelGeometry {
  const [bounds, setBounds] = useState<PanelBounds | null>(load)

  const current = useCallback((): PanelBounds | null => {
    const box = ref.current?.getBoundingClientRect()
    return box ? { x: box.left, y: box.top, width: box.width } : null
  }, [ref])

  const change = useCallback(
    (next: (from: PanelBounds) => PanelBounds, remember: boolean): void => {
      const from = current()
      if (!from) return
      const height = ref.current?.offsetHeight ?? 0
      const clamped = clampBounds(next(from), viewport(), height)
      setBounds(clamped)
      if (remember) save(clamped)
    },
    [current, ref]
  )

  // A remembered place from a bigger window, or a window made smaller: back inside.
  useLayoutEffect(() => {
    if (bounds === null) return
    const height = ref.current?.offsetHeight ?? 0
    const inside = clampBounds(bounds, viewport(), height)
    if (inside.x !== bounds.x || inside.y !== bounds.y || inside.width !== bounds.width)
      setBounds(inside)
  }, [bounds, ref])

  useEffect(() => {
    const onResize = (): void => {
      setBounds((b) => (b ? clampBounds(b, viewport(), ref.current?.offsetHeight ?? 0) : b))
    }
    window.addEventListener('resize', onResize)
    // The video's own height arrives with its metadata.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : null
    if (ref.current) observer?.observe(ref.current)
    return () => {
      window.removeEventListener('resize', onResize)
      observer?.disconnect()
    }
  }, [ref])

  return { bounds, change }
}
