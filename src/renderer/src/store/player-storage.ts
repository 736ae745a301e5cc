import type { StateStorage } from 'zustand/middleware'

// localStorage behind a short delay: the position changes four times a second and the
// queue can hold thousands of rows, so writing the whole state on every time update would
// serialise megabytes per second. Pending writes are flushed when the page goes away.

const DELAY_MS = 1000
const pending = new Map<string, string>()
let timer: ReturnType<typeof setTimeout> | null = null

function backing(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** Writes every pending value now. */
export function flushPlayerStorage(): void {
  if (timer) clearTimeout(timer)
  timer = null
  const storage = backing()
  for (const [key, value] of pending) {
    try {
      storage?.setItem(key, value)
    } catch {
      // Quota exceeded: the queue is simply not remembered this time.
    }
  }
  pending.clear()
}

export const delayedLocalStorage: StateStorage = {
  getItem: (name) => pending.get(name) ?? backing()?.getItem(name) ?? null,
  setItem: (name, value) => {
    pending.set(name, value)
    if (!timer) timer = setTimeout(flushPlayerStorage, DELAY_MS)
  },
  removeItem: (name) => {
    pending.delete(name)
    backing()?.removeItem(name)
  }
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flushPlayerStorage)
  window.addEventListener('beforeunload', flushPlayerStorage)
}
