import type { TaskState } from '../../../../shared/domain'
import type { StoredTask } from '../../sync/store-port'
import { int, intOrNull, oneOf, text, textOrNull, type DbRow } from './read'

// The typed reader of the tasks table: the one place its columns and their types are
// spelt for reads (tasks.ts for the poller, queries/task-list.ts for the task list).

export const TASK_STATES: readonly TaskState[] = ['pending', 'succeeded', 'failed', 'not_found']

export const TASK_COLUMNS = `id, state, upstream_status, fail_reason, added_at, last_polled_at,
  next_poll_at, not_found_count, stale`

/** A row selected with TASK_COLUMNS (or more). */
export function readTask(row: DbRow): StoredTask {
  return {
    id: text(row, 'id'),
    state: oneOf(row, 'state', TASK_STATES),
    upstreamStatus: text(row, 'upstream_status'),
    failReason: textOrNull(row, 'fail_reason'),
    addedAt: int(row, 'added_at'),
    lastPolledAt: intOrNull(row, 'last_polled_at'),
    nextPollAt: intOrNull(row, 'next_poll_at'),
    notFoundCount: int(row, 'not_found_count'),
    stale: int(row, 'stale') !== 0
  }
}

/** What the task list shows beyond the poller's columns. */
export const TASK_LIST_COLUMNS = `${TASK_COLUMNS}, lyrics_title, lyrics_text, unreadable_answers,
  unreadable_json, refused_clips`

export interface ListedTask extends StoredTask {
  lyricsTitle: string | null
  lyricsText: string | null
  unreadableAnswers: number
  unreadableJson: string | null
  refusedClipsJson: string | null
}

/** A row selected with TASK_LIST_COLUMNS. */
export function readListedTask(row: DbRow): ListedTask {
  return {
    ...readTask(row),
    lyricsTitle: textOrNull(row, 'lyrics_title'),
    lyricsText: textOrNull(row, 'lyrics_text'),
    unreadableAnswers: int(row, 'unreadable_answers'),
    unreadableJson: textOrNull(row, 'unreadable_json'),
    refusedClipsJson: textOrNull(row, 'refused_clips')
  }
}
