import type { MediaKind, NormalizedClip } from '../../../shared/domain'
import { STREAM_LINK_MESSAGE, classifyMediaUrl, type MediaUrlVerdict } from '../gateway/urls'
import type { Db } from './db'
import type { FileDbRow } from './files'
import { fileErrorColumns } from './file-errors'

// What each answer means for a clip's audio, cover, video and animated cover rows. Links are judged by
// classifyMediaUrl; the merge rules only ever move a file forward (docs/GATEWAY.md
// #media-links: links can arrive late, change, or disappear from later answers).

type Verdict = MediaUrlVerdict | null | 'disabled'

function firstUsable(...links: (string | null)[]): MediaUrlVerdict | null {
  const verdicts = links.map((link) => classifyMediaUrl(link))
  return verdicts.find((v) => v?.kind === 'ok') ?? verdicts.find((v) => v !== null) ?? null
}

export function mediaVerdicts(
  clip: NormalizedClip,
  downloadVideo: boolean
): [MediaKind, Verdict][] {
  let audio = classifyMediaUrl(clip.audioUrl)
  // A stream link is never downloaded: the clip is still being rendered and the final
  // mp3 follows in a later answer.
  if (audio === null && classifyMediaUrl(clip.streamAudioUrl) !== null) {
    audio = { kind: 'stream', message: STREAM_LINK_MESSAGE }
  }
  return [
    ['audio', audio],
    ['cover', firstUsable(clip.imageLargeUrl, clip.imageUrl)],
    ['video', downloadVideo ? classifyMediaUrl(clip.videoUrl) : 'disabled'],
    // The animated cover is a cover (a few seconds, no sound), so it comes whatever the
    // video setting says, like the still one (issue 16).
    ['video_cover', classifyMediaUrl(clip.videoCoverUrl ?? null)]
  ]
}

export interface NextFile {
  state: 'pending' | 'failed' | 'absent'
  source_url: string | null
  error: string | null
  attempts: number
}

/** The file row after this answer, or null to leave it as it is. */
export function nextFileState(current: FileDbRow | undefined, verdict: Verdict): NextFile | null {
  if (current?.state === 'done') return null
  const queued = current?.state === 'pending' && current.source_url !== null
  if (verdict === 'disabled') {
    return current?.state === 'absent'
      ? null
      : { state: 'absent', source_url: null, error: null, attempts: 0 }
  }
  // No link in this answer: keep what an earlier answer gave.
  if (verdict === null) {
    return current ? null : { state: 'absent', source_url: null, error: null, attempts: 0 }
  }
  switch (verdict.kind) {
    case 'ok':
      // Same link: keep its place in the queue, its attempts and any failure (retrying
      // a link that already failed is the user's call, not every poll's).
      if (current?.source_url === verdict.url) return null
      return { state: 'pending', source_url: verdict.url, error: null, attempts: 0 }
    case 'stream':
      if (queued || (current?.state === 'pending' && current.error === verdict.message)) return null
      return { state: 'pending', source_url: null, error: verdict.message, attempts: 0 }
    default:
      // A final link from an earlier answer beats a broken one in a later answer.
      if (queued || (current?.state === 'failed' && current.error === verdict.message)) return null
      return { state: 'failed', source_url: null, error: verdict.message, attempts: 0 }
  }
}

export function writeFile(db: Db, pk: number, kind: MediaKind, next: NextFile, now: number): void {
  const coded = fileErrorColumns(next.error)
  db.run(
    `INSERT INTO files (clip_pk, kind, state, source_url, error, error_code, error_params,
       attempts, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (clip_pk, kind) DO UPDATE SET state = excluded.state,
       source_url = excluded.source_url, error = excluded.error,
       error_code = excluded.error_code, error_params = excluded.error_params,
       attempts = excluded.attempts, updated_at = excluded.updated_at`,
    pk,
    kind,
    next.state,
    next.source_url,
    next.error,
    coded.code,
    coded.params,
    next.attempts,
    now
  )
}

export const GENERATION_FAILED_MESSAGE =
  'The generation failed, so this file will never arrive. See the task for the reason.'

/** A failed task's clips never get their final links: a file still waiting for one (a
 * stream link, or nothing yet) is failed with the task instead of pending forever. */
export function settleForFailedTask(
  current: FileDbRow | undefined,
  next: NextFile | null
): NextFile | null {
  const after = next ?? current
  if (after === undefined || after.state !== 'pending' || after.source_url !== null) return next
  return { state: 'failed', source_url: null, error: GENERATION_FAILED_MESSAGE, attempts: 0 }
}
