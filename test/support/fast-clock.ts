import { performance } from 'node:perf_hooks'

// A clock that runs `factor` times faster than the wall clock, for the engine's `now` and
// `setTimer` seams. The sync engine's waits (poll intervals, backoff with jitter, the
// download queue's 2 s · 2ⁿ retry delays) keep their real proportions, but a soak with
// hundreds of retries finishes in seconds. Nothing is faked: timers still fire in order,
// and network timeouts (which use real time inside the downloader) are untouched.

export interface FastClock {
  now: () => number
  setTimer: (fn: () => void, ms: number) => { cancel(): void }
}

export function fastClock(factor: number): FastClock {
  const startWall = Date.now()
  const startMono = performance.now()
  return {
    now: () => Math.floor(startWall + (performance.now() - startMono) * factor),
    setTimer: (fn, ms) => {
      const handle = setTimeout(fn, Math.max(0, Math.min(ms / factor, 2 ** 31 - 1)))
      return { cancel: () => clearTimeout(handle) }
    }
  }
}
