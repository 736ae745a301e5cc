import type { ClipRow, FileState } from '../../../../shared/domain'
import { displayTitle } from '../../../../shared/clip-title'
import { compareNames } from '../../../../shared/text'
import { splitList } from '../text'
import { flag, int, intOrNull, numOrNull, oneOf, text, textOrNull, type DbRow } from '../rows/read'

// The slim list row (no lyrics, prompt or raw JSON) and how it is read. User tags come
// joined by char(31), the unit separator, which tag names cannot contain.

export const ROW_COLUMNS = `c.pk, c.id, c.task_id, c.title, c.style_tags, c.model,
  c.duration_sec, c.created_at, c.added_at, c.favorite, c.plays, c.last_played_at,
  c.has_audio, c.has_video, c.has_cover, c.download_state, c.batch_index, c.has_vocal,
  c.has_video_cover, c.user_title,
  (c.status = 'error') AS generation_failed,
  (SELECT count(*) FROM clips k WHERE k.task_id = c.task_id) AS takes,
  (SELECT group_concat(t.name, char(31)) FROM clip_tags ct
   JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_pk = c.pk) AS user_tags`

export const FILE_STATES = [
  'done',
  'pending',
  'failed',
  'absent'
] as const satisfies readonly FileState[]

/** The list row from a row selected with ROW_COLUMNS (or more), every column checked: a
 * hand-written reader, because the list reads up to 100 000 of them per scan. */
export function toClipRow(row: DbRow): ClipRow {
  const batchIndex = intOrNull(row, 'batch_index')
  const userTitle = textOrNull(row, 'user_title')
  return {
    id: text(row, 'id'),
    taskId: text(row, 'task_id'),
    // The user's title when they gave one (shared/clip-title.ts); the gateway's stays beside it.
    title: displayTitle(text(row, 'title'), userTitle),
    originalTitle: userTitle === null ? null : text(row, 'title'),
    styleTags: textOrNull(row, 'style_tags'),
    model: textOrNull(row, 'model'),
    durationSec: numOrNull(row, 'duration_sec'),
    createdAt: intOrNull(row, 'created_at'),
    addedAt: int(row, 'added_at'),
    favorite: flag(row, 'favorite'),
    plays: int(row, 'plays'),
    lastPlayedAt: intOrNull(row, 'last_played_at'),
    userTags: splitList(textOrNull(row, 'user_tags')).sort(compareNames),
    hasAudio: flag(row, 'has_audio'),
    hasVideo: flag(row, 'has_video'),
    hasCover: flag(row, 'has_cover'),
    hasVideoCover: int(row, 'has_video_cover') === 1,
    downloadState: oneOf(row, 'download_state', FILE_STATES),
    generationFailed: int(row, 'generation_failed') === 1,
    // Upstream counts takes from 0; people count them from 1.
    take: batchIndex === null ? null : batchIndex + 1,
    // The clips of its generation in the library: "take 1/2" (issue 13).
    takes: int(row, 'takes'),
    instrumental: intOrNull(row, 'has_vocal') === 0
  }
}
