import type { ClipStatus, NormalizedClip } from '../../../shared/domain'
import { sanitizeRecord } from './sanitize'
import { mediaUrlsMp3, upstreamFields } from './normalize-upstream'
import { classifyMediaUrl } from './urls'
import {
  asFields,
  duration,
  field,
  firstOf,
  numeric,
  tagText,
  text,
  unixMs,
  verbatim,
  type Fields
} from './normalize-values'

// One clip from any of the shapes in docs/GATEWAY.md#clip-shapes: raw Suno (with
// `metadata`), flattened, sunoapi.org camelCase and, tolerated, Udio songs. Field
// precedence: `metadata.*` first, then the flat field.

const CLIP_STATUSES: Readonly<Record<string, ClipStatus>> = {
  submitted: 'submitted',
  queued: 'queued',
  pending: 'queued',
  streaming: 'streaming',
  complete: 'complete',
  completed: 'complete',
  // The flattened shape says `state: "succeeded"` next to `status: "complete"`.
  succeeded: 'complete',
  success: 'complete',
  error: 'error',
  failed: 'error',
  failure: 'error'
}

/** Lower-cases and maps a clip status; anything that says fail/error is an error. */
export function clipStatusOf(value: unknown): ClipStatus | null {
  if (typeof value === 'boolean') return value ? 'complete' : null // Udio `finished`
  if (typeof value !== 'string') return null
  const folded = value.trim().toLowerCase()
  if (folded === '') return null
  const known = CLIP_STATUSES[folded]
  if (known !== undefined && Object.hasOwn(CLIP_STATUSES, folded)) return known
  return folded.includes('fail') || folded.includes('error') ? 'error' : 'unknown'
}

/** What a clip says about itself, before the task's state fills in the gaps. */
export interface ParsedClip {
  clip: NormalizedClip
  /** True when the clip carried its own status (not filled in from the task). */
  explicitStatus: boolean
}

/**
 * Parses one clip; null when it has no usable id (nothing could be stored for it).
 * `keyId` is the clip's key when the gateway sent clips as a map keyed by clip id (GoAPI,
 * docs/GATEWAY.md#clip-shapes); it stands in for a missing `id`.
 */
export function parseClip(value: unknown, taskId: string, keyId?: string): ParsedClip | null {
  const obj = asFields(value)
  if (obj === null) return null
  const meta = asFields(field(obj, 'metadata'))
  const both = [meta, obj]
  const id = text(firstOf([obj], ['id', 'clip_id', 'clipId'])) ?? text(keyId)
  if (id === null) return null

  const status =
    clipStatusOf(field(obj, 'status')) ??
    clipStatusOf(field(obj, 'state')) ??
    clipStatusOf(field(obj, 'finished'))
  const links = audioLinks(obj)
  const clip: NormalizedClip = {
    id,
    taskId,
    title: text(field(obj, 'title')) ?? '',
    status: status ?? 'unknown',
    audioUrl: links.audioUrl,
    streamAudioUrl: links.streamAudioUrl,
    videoUrl: text(firstOf([obj], ['video_url', 'videoUrl', 'video_path'])),
    imageUrl: text(firstOf([obj], ['image_url', 'imageUrl', 'image_path'])),
    imageLargeUrl: text(firstOf([obj], ['image_large_url', 'imageLargeUrl'])),
    lyrics: verbatim(firstOf(both, ['prompt', 'lyrics'])),
    styleTags: tagText(firstOf(both, ['tags'])),
    descriptionPrompt: verbatim(firstOf(both, ['gpt_description_prompt', 'gptDescriptionPrompt'])),
    durationSec: duration(firstOf(both, ['duration'])),
    model: text(firstOf([obj, meta], ['model_name', 'mv', 'modelName'])),
    majorModelVersion: text(firstOf([obj, meta], ['major_model_version', 'majorModelVersion'])),
    createdAt: unixMs(firstOf([obj], ['created_at', 'create_time', 'createTime', 'createdAt'])),
    continueClipId: text(firstOf([obj, meta], ['continue_clip_id', 'continueClipId'])),
    continueAt: numeric(firstOf([obj, meta], ['continue_at', 'continueAt'])),
    errorMessage: errorMessageOf(obj, meta),
    clipType: text(firstOf([meta, obj], ['type'])),
    raw: sanitizeRecord(obj),
    ...upstreamFields(obj, meta)
  }
  return { clip, explicitStatus: status !== null }
}

/**
 * While streaming, `audio_url` is an audiopipe link that is replaced by the final mp3
 * (GATEWAY.md#media-links)
 * later, so stream links go to `streamAudioUrl` and never to `audioUrl`. Forbidden or
 * invalid links stay in `audioUrl` so the library can report them in plain words.
 */
function audioLinks(obj: Fields): { audioUrl: string | null; streamAudioUrl: string | null } {
  let audioUrl: string | null = null
  let streamAudioUrl: string | null = null
  for (const key of ['audio_url', 'audioUrl', 'song_path']) {
    const link = text(field(obj, key))
    if (link === null) continue
    if (classifyMediaUrl(link)?.kind === 'stream') streamAudioUrl ??= link
    else audioUrl ??= link
  }
  streamAudioUrl ??= text(firstOf([obj], ['stream_audio_url', 'streamAudioUrl']))
  // Upstream `media_urls`: the mp3 there beats a stream link or no link at all.
  if (audioUrl === null) audioUrl = mediaUrlsMp3(obj)
  return { audioUrl, streamAudioUrl }
}

/** `metadata.error_message` → `msg`; a flattened `msg` of "success" is not an error. */
function errorMessageOf(obj: Fields, meta: Fields | null): string | null {
  const own = verbatim(
    firstOf([meta, obj], ['error_message', 'errorMessage', 'error_detail', 'error_type'])
  )
  if (own !== null) return own
  const msg = verbatim(field(obj, 'msg'))
  if (msg === null || /^(success|succeeded|ok|complete)$/i.test(msg.trim())) return null
  return msg
}
