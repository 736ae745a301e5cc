import type { MediaKind } from './domain'

// "Download again" across the bridge (issue 12 §3): a file missing from the library
// folder, or failed, fetched again with a fresh link while the gateway still has it.

/** Why a file was not queued again: the gateway no longer has the song, gives no usable
 * link for the file, the song was imported (no task), or nothing of it is missing. */
export type RedownloadCode = 'gone_upstream' | 'no_link' | 'no_task' | 'not_missing'

export interface RedownloadRefusal {
  clipId: string
  /** Null when the refusal is about the whole clip. */
  kind: MediaKind | null
  code: RedownloadCode
  message: string
}

export interface RedownloadResult {
  /** Files queued with a fresh link. */
  queued: number
  refused: RedownloadRefusal[]
}
