import { useEffect, useRef } from 'react'
import { useLibraryStore } from '../../store/library-store'

/** How often a continuous scroll may ask for pages; the last range is always asked for
 * once the scroll stops. A fast fling across 100 000 rows thus costs a handful of
 * queries, not one per frame. */
const THROTTLE_MS = 120

/** Keeps the page cache in step with the rows on screen (first..last, inclusive). */
export function useRangeLoader(first: number, last: number, enabled: boolean): void {
  const ensureRange = useLibraryStore((s) => s.actions.ensureRange)
  const queryVersion = useLibraryStore((s) => s.queryVersion)
  const lastFired = useRef(0)
  useEffect(() => {
    if (!enabled || last < first) return
    const fire = (): void => {
      lastFired.current = performance.now()
      void ensureRange({ start: first, end: last })
    }
    const wait = THROTTLE_MS - (performance.now() - lastFired.current)
    if (wait <= 0) {
      fire()
      return
    }
    const timer = setTimeout(fire, wait)
    return () => clearTimeout(timer)
  }, [first, last, enabled, ensureRange, queryVersion])
}
