import type { z } from 'zod'
import type { listenArgs } from './history-schemas'

// The listening history (issue 15): what was played, skipped, finished or sought, when.

export type ListenKind = z.input<typeof listenArgs>['kind']

export interface HistoryEntry {
  id: number
  clipId: string
  /** Null when the song has left the library since. */
  title: string | null
  kind: ListenKind
  at: number
  positionMs: number | null
  listenedMs: number | null
  /** This event ended a play that counts (plays, last played). */
  counted: boolean
}
