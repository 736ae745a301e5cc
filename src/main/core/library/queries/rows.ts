import type { ClipRow, FileState } from '../../../../shared/domain'
import { compareNames } from '../../../../shared/text'
import { splitList } from '../text'

// The slim list row (no lyrics, prompt or raw JSON) and how it is read. User tags come
// joined by char(31), the unit separator, which tag names cannot contain.

export const ROW_COLUMNS = `c.pk, c.id, c.task_id, c.title, c.style_tags, c.model,
  c.duration_sec, c.created_at, c.added_at, c.favorite, c.plays, c.last_played_at,
  c.has_audio, c.has_video, c.has_cover, c.download_state, c.batch_index, c.has_vocal,
  c.has_video_cover,
  (c.status = 'error') AS generation_failed,
  (SELECT count(*) FROM clips k WHERE k.task_id = c.task_id) AS takes,
  (SELECT group_concat(t.name, char(31)) FROM clip_tags ct
   JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_pk = c.pk) AS user_tags`

export interface ClipDbRow {
  pk: number
  id: string
  task_id: string
  title: string
  style_tags: string | null
  model: string | null
  duration_sec: number | null
  created_at: number | null
  added_at: number
  favorite: number
  plays: number
  last_played_at: number | null
  has_audio: number
  has_video: number
  has_cover: number
  download_state: FileState
  generation_failed: number
  batch_index: number | null
  has_vocal: number | null
  takes: number
  has_video_cover: number
  user_tags: string | null
}

export function toClipRow(row: ClipDbRow): ClipRow {
  return {
    id: row.id,
    taskId: row.task_id,
    title: row.title,
    styleTags: row.style_tags,
    model: row.model,
    durationSec: row.duration_sec,
    createdAt: row.created_at,
    addedAt: row.added_at,
    favorite: row.favorite !== 0,
    plays: row.plays,
    lastPlayedAt: row.last_played_at,
    userTags: splitList(row.user_tags).sort(compareNames),
    hasAudio: row.has_audio !== 0,
    hasVideo: row.has_video !== 0,
    hasCover: row.has_cover !== 0,
    hasVideoCover: row.has_video_cover === 1,
    downloadState: row.download_state,
    generationFailed: row.generation_failed === 1,
    // Upstream counts takes from 0; people count them from 1.
    take: row.batch_index === null ? null : row.batch_index + 1,
    // The clips of its generation in the library: "take 1/2" (issue 13).
    takes: row.takes,
    instrumental: row.has_vocal === 0
  }
}
