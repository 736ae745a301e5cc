import type { ClipRow, LibraryFilter, SortDir, SortKey } from './domain'

// The play queue, held by the core in the index (issues 13 and 14 §3). A queue is a
// reference to what the user chose to play (a library view with its filter and sort, a
// playlist, or a hand-picked list) plus a cursor, and the explicit entries that "play
// next" and "add to queue" put in front of the rest. The renderer never holds the whole
// queue: it asks for the window it shows.

export type RepeatMode = 'off' | 'all' | 'one'

/** What a queue plays. `library` stays a live reference to the view (new clips that match
 * join it); `playlist` and `clips` are read once, in order, when the queue starts. */
export type QueueSource =
  | {
      kind: 'library'
      filter: LibraryFilter
      sort?: SortKey
      dir?: SortDir
      /** Clips of the view left out (a "select all" with a few ctrl-clicked away). */
      exclude?: string[]
    }
  | { kind: 'playlist'; id: string }
  | { kind: 'clips'; ids: string[] }

export interface QueueState {
  /** Grows with every change of the queue's entries or order (not with the position). */
  revision: number
  /** Entries in the queue, explicit ones included. */
  length: number
  /** Index of the current entry, -1 when nothing is current. */
  index: number
  current: ClipRow | null
  /** The current entry came from "play next" / "add to queue". */
  currentExplicit: boolean
  /** What the queue was started from; null for an empty queue. */
  source: QueueSource | null
  shuffle: boolean
  repeat: RepeatMode
  /** Where the current clip was paused, in ms (kept across restarts). */
  positionMs: number
  /** Set by a step past the last entry with repeat off: nothing after it. */
  ended?: boolean
}

export interface QueueEntry {
  index: number
  clip: ClipRow
  /** Put there by "play next" / "add to queue": it can be moved and removed. */
  explicit: boolean
}

export interface QueueWindow {
  revision: number
  length: number
  offset: number
  entries: QueueEntry[]
}
