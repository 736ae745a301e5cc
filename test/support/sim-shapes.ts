import { hash32 } from './sim-random'
import type { SimMediaKind } from './sim-media'
import type { SimTask } from './sim-tasks'

// The clip shapes of GATEWAY.md#clip-shapes, as the simulator sends them: raw Suno
// (with `metadata` and leaked personal fields), flattened, sunoapi.org camelCase and the
// LYRICS object (tags as an array, like one vendor).

export type ClipPhase = 'waiting' | 'queued' | 'streaming' | 'complete' | 'failed'

export interface RenderContext {
  cdnUrl: string
  flavor: 'new-api' | 'one-hub'
  nowMs: number
}

export interface ClipInput {
  clipId: string
  index: number
  phase: ClipPhase
  failReason: string
}

const TITLES = ['City Lights', 'Neon Rain', '夜の海', 'Paper Moon', 'Golden Hour', 'Static Hearts']
const DEFAULT_LYRICS = '[Verse]\nCity lights are calling me home\n[Chorus]\nOh, oh, neon glow'
const DEFAULT_TAGS = 'synthwave, dreamy, female vocals'

/** Pathname of a clip's media file on the CDN origin. */
export function mediaPath(clipId: string, kind: SimMediaKind): string {
  const id = encodeURIComponent(clipId)
  if (kind === 'audio') return `/media/${id}.mp3`
  if (kind === 'video') return `/media/${id}.mp4`
  if (kind === 'videoCover') return `/media/video_cover_${id}.mp4`
  return kind === 'cover' ? `/media/image_${id}.jpeg` : `/media/image_large_${id}.jpeg`
}

/** The audiopipe stream link a streaming clip carries (GATEWAY.md#media-links). */
export function streamPath(clipId: string): string {
  return `/audiopipe/?item_id=${encodeURIComponent(clipId)}`
}

export function titleOf(task: SimTask, index: number): string {
  return (
    task.spec.titles?.[index] ??
    task.spec.title ??
    (TITLES[hash32(task.id) % TITLES.length] as string)
  )
}

function durationOf(task: SimTask, input: ClipInput): number {
  return task.spec.durations?.[input.index] ?? 90 + (hash32(input.clipId) % 12000) / 100
}

interface Links {
  audio: string
  stream: string
  video: string
  image: string | null
  imageLarge: string | null
  /** Absent (undefined) unless the task asks for animated covers. */
  videoCover: string | undefined
}

function wantsVideoCover(task: SimTask, index: number): boolean {
  const want = task.spec.videoCover
  return want === true || (Array.isArray(want) && want.includes(index))
}

function linksOf(task: SimTask, input: ClipInput, cdn: string): Links {
  const { clipId, phase } = input
  const complete = phase === 'complete'
  const visible = complete || phase === 'streaming'
  const finalAudio =
    task.spec.links === 'forbidden' ? `${cdn}/api/forbidden` : `${cdn}${mediaPath(clipId, 'audio')}`
  return {
    audio: complete ? finalAudio : phase === 'streaming' ? `${cdn}${streamPath(clipId)}` : '',
    stream: visible ? `${cdn}${streamPath(clipId)}` : '',
    video: complete && task.spec.video !== false ? `${cdn}${mediaPath(clipId, 'video')}` : '',
    image: visible ? `${cdn}${mediaPath(clipId, 'cover')}` : null,
    imageLarge: visible ? `${cdn}${mediaPath(clipId, 'coverLarge')}` : null,
    videoCover: !wantsVideoCover(task, input.index)
      ? undefined
      : complete
        ? `${cdn}${mediaPath(clipId, 'videoCover')}`
        : ''
  }
}

const CLIP_STATUS: Readonly<Record<ClipPhase, string>> = {
  waiting: 'submitted',
  queued: 'queued',
  streaming: 'streaming',
  complete: 'complete',
  failed: 'error'
}

export function renderClip(
  task: SimTask,
  input: ClipInput,
  ctx: RenderContext
): Record<string, unknown> {
  const { spec } = task
  const links = linksOf(task, input, ctx.cdnUrl)
  const complete = input.phase === 'complete'
  const duration = complete ? durationOf(task, input) : null
  const lyrics = spec.lyrics ?? DEFAULT_LYRICS
  const tags = spec.tags ?? DEFAULT_TAGS
  const model = spec.model ?? 'chirp-v4'
  const title = titleOf(task, input.index)
  const error = input.phase === 'failed' ? input.failReason : null

  if (spec.shape === 'camel') {
    return {
      id: input.clipId,
      audioUrl: complete ? links.audio : '',
      streamAudioUrl: links.stream,
      imageUrl: links.image ?? '',
      prompt: lyrics,
      modelName: model,
      title,
      tags,
      createTime: task.submitMs,
      duration
    }
  }
  if (spec.shape === 'flattened') {
    return {
      id: input.clipId,
      clip_id: input.clipId,
      task_id: `${task.id}_${input.index + 1}`,
      mv: model,
      state: complete ? 'succeeded' : input.phase === 'failed' ? 'failed' : 'running',
      status: CLIP_STATUS[input.phase],
      msg: error ?? '',
      title,
      tags,
      prompt: lyrics,
      gpt_description_prompt: '',
      duration: duration === null ? null : Math.round(duration),
      audio_url: links.audio,
      image_url: links.image ?? '',
      video_url: links.video,
      image_large_url: links.imageLarge ?? '',
      ...(links.videoCover === undefined ? {} : { video_cover_url: links.videoCover }),
      continue_at: spec.continueAt ?? null,
      continue_clip_id: spec.continueClipId ?? '',
      create_time: Math.floor(task.submitMs / 1000),
      update_time: Math.floor(ctx.nowMs / 1000)
    }
  }
  const personal =
    ctx.flavor === 'one-hub' ? {} : { user_id: `user-${hash32(task.id).toString(16)}` }
  const vocals =
    spec.instrumental === undefined ? {} : { has_vocal: !spec.instrumental.includes(input.index) }
  const take = spec.instrumental === undefined ? {} : { batch_index: input.index }
  return {
    id: input.clipId,
    video_url: links.video,
    audio_url: links.audio,
    image_url: links.image,
    image_large_url: links.imageLarge,
    ...(links.videoCover === undefined ? {} : { video_cover_url: links.videoCover }),
    is_video_pending: !complete,
    major_model_version: 'v4',
    model_name: model,
    metadata: {
      tags,
      prompt: lyrics,
      gpt_description_prompt: null,
      audio_prompt_id: null,
      history: null,
      concat_history: null,
      type: spec.continueClipId === undefined ? 'gen' : 'extend',
      duration,
      refund_credits: false,
      stream: true,
      continue_clip_id: spec.continueClipId ?? null,
      continue_at: spec.continueAt ?? null,
      error_type: error === null ? null : 'generation_failed',
      error_message: error,
      ...vocals
    },
    ...take,
    is_liked: false,
    ...personal,
    display_name: 'Sim Person',
    handle: 'simperson',
    is_handle_updated: false,
    avatar_image_url: 'https://cdn1.suno.ai/defaultPink.webp',
    is_trashed: false,
    reaction: null,
    created_at: new Date(task.submitMs).toISOString(),
    status: CLIP_STATUS[input.phase],
    title,
    ...(spec.takes === true ? { batch_index: input.index } : {}),
    play_count: 0,
    upvote_count: 0,
    is_public: false
  }
}

export function renderLyrics(task: SimTask): Record<string, unknown> {
  return {
    id: task.clipIds[0] ?? task.id,
    status: 'complete',
    title: titleOf(task, 0),
    text: task.spec.lyrics ?? DEFAULT_LYRICS,
    tags: (task.spec.tags ?? DEFAULT_TAGS).split(',').map((tag) => tag.trim())
  }
}
