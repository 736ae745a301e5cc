// When the search box's text becomes the library's search (issue 14 §2). The core answers
// a search at 100,000 clips in under 10 ms, so waiting is what the user would feel: the
// old fixed 150 ms debounce was most of the 208 ms from the last key to the new rows.
//  - A key typed into an idle box searches at once (leading edge).
//  - Keys that follow each other closer than SEARCH_QUIET_MS are a burst (fast typing,
//    a held key): the burst's text is searched once the keys pause for that long
//    (trailing edge), so a burst costs the core one search, not one per key.
// A typist's keys are usually further apart than that, so each key searches at once; an
// answer to an older text never replaces a newer one (the library store's query version).

/** Keys closer together than this are one burst. */
export const SEARCH_QUIET_MS = 50

export interface SearchSchedule {
  /** The box's text changed. */
  change(text: string): void
  /** Searches for `text` now (Enter, ArrowDown), dropping a pending one. */
  flush(text: string): void
  /** Drops a pending search (the box goes away). */
  cancel(): void
}

export interface ScheduleClock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realClock: ScheduleClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

export function searchSchedule(
  apply: (text: string) => void,
  quietMs = SEARCH_QUIET_MS,
  clock: ScheduleClock = realClock
): SearchSchedule {
  let timer: unknown = null
  let lastChange = Number.NEGATIVE_INFINITY
  const cancel = (): void => {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
  }
  return {
    change(text) {
      const now = clock.now()
      const inBurst = timer !== null || now - lastChange < quietMs
      lastChange = now
      cancel()
      if (!inBurst) {
        apply(text)
        return
      }
      timer = clock.setTimeout(() => {
        timer = null
        apply(text)
      }, quietMs)
    },
    flush(text) {
      cancel()
      apply(text)
    },
    cancel
  }
}
