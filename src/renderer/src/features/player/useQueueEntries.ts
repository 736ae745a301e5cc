import { useCallback, useEffect, useRef, useState } from 'react'
import type { QueueEntry } from '../../../../shared/queue'
import { call, onEvent } from '../../lib/bridge'
import { usePlayerStore } from '../../store/player-store'

// The queue panel's rows, read from the core a chunk at a time around what is on screen:
// a queue of 100,000 clips costs the panel the 100 rows it shows, never the whole list.

const CHUNK = 100

export interface QueueEntries {
  /** The entry at `index`, once its chunk has arrived. */
  entryAt(index: number): QueueEntry | undefined
  /** Asks for the chunks covering first..last (the visible range). Stable until the
   * queue changes, so it can be an effect's dependency. */
  want(first: number, last: number): void
}

interface Loaded {
  key: string
  map: ReadonlyMap<number, QueueEntry>
}

export function useQueueEntries(): QueueEntries {
  const revision = usePlayerStore((s) => s.revision)
  const length = usePlayerStore((s) => s.length)
  // A live view can move under the queue without a new revision (a clip added or gone).
  const [libraryGen, setLibraryGen] = useState(0)
  useEffect(() => onEvent('library-changed', () => setLibraryGen((g) => g + 1)), [])
  const key = `${revision}:${length}:${libraryGen}`
  const [loaded, setLoaded] = useState<Loaded>({ key: '', map: new Map() })
  const asked = useRef<{ key: string; chunks: Set<number> }>({ key: '', chunks: new Set() })

  const want = useCallback(
    (first: number, last: number): void => {
      if (asked.current.key !== key) asked.current = { key, chunks: new Set() }
      const chunks = asked.current.chunks
      for (let c = Math.floor(first / CHUNK); c <= Math.floor(last / CHUNK); c += 1) {
        if (chunks.has(c)) continue
        chunks.add(c)
        void call('queueWindow', { offset: c * CHUNK, limit: CHUNK })
          .then((win) =>
            setLoaded((before) => {
              // Rows of an older queue stay on screen until the new ones arrive.
              const next = new Map(before.key === key ? before.map : [])
              if (before.key !== key) {
                for (const [i, entry] of before.map) next.set(i, entry)
              }
              for (const entry of win.entries) next.set(entry.index, entry)
              return { key, map: next }
            })
          )
          .catch(() => chunks.delete(c))
      }
    },
    [key]
  )

  return { entryAt: (index) => loaded.map.get(index), want }
}
