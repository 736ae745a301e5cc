import { extractTaskIds } from '../../../../shared/task-ids'

// Files dropped on the window (issue 15). A text file (a log, the JSON a generate call
// returned, a list) is read here and its task ids go through the same extraction as a
// paste. Only small text files are read: the bridge takes at most 2,000,000 characters
// of text, and a multi-megabyte file dropped by mistake should not freeze the window.

export const MAX_TEXT_BYTES = 2_000_000
const TEXT_NAME = /\.(?:txt|json|jsonl|log|md|csv|tsv|ndjson)$/iu
const AUDIO_NAME = /\.(?:mp3|m4a|mp4|wav|flac|ogg|opus|aac)$/iu

export type DroppedKind = 'text' | 'audio' | 'tooLarge' | 'other'

export function kindOfFile(file: { name: string; type: string; size: number }): DroppedKind {
  const text =
    TEXT_NAME.test(file.name) || file.type.startsWith('text/') || file.type === 'application/json'
  if (text) return file.size > MAX_TEXT_BYTES ? 'tooLarge' : 'text'
  if (AUDIO_NAME.test(file.name) || file.type.startsWith('audio/')) return 'audio'
  return 'other'
}

export interface DropReading {
  ids: string[]
  /** Text files read. */
  read: string[]
  tooLarge: string[]
  audio: string[]
  other: string[]
}

/** Reads the text files among `files` and gathers their task ids, in order, once each. */
export async function readDroppedFiles<F extends { name: string; type: string; size: number }>(
  files: readonly F[],
  readText: (file: F) => Promise<string>
): Promise<DropReading> {
  const out: DropReading = { ids: [], read: [], tooLarge: [], audio: [], other: [] }
  const seen = new Set<string>()
  for (const file of files) {
    const kind = kindOfFile(file)
    if (kind === 'tooLarge') out.tooLarge.push(file.name)
    else if (kind === 'audio') out.audio.push(file.name)
    else if (kind === 'other') out.other.push(file.name)
    else {
      out.read.push(file.name)
      for (const id of extractTaskIds(await readText(file)).ids) {
        if (!seen.has(id)) {
          seen.add(id)
          out.ids.push(id)
        }
      }
    }
  }
  return out
}
