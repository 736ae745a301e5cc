import { describe, expect, it } from 'vitest'
import { normalizeTask } from '../../../../src/main/core/gateway/normalize'

// Raw Suno clips through new-api + Suno-API (GATEWAY.md#clip-shapes), modelled on
// the vendor examples it cites (gpt-best, xiaotian.apifox.cn).

const RAW_CLIP = {
  id: 'a06015d0-3f2b-4c7e-9a51-2b8f4c1d9e77',
  video_url: 'https://cdn1.suno.ai/a06015d0-3f2b-4c7e-9a51-2b8f4c1d9e77.mp4',
  audio_url: 'https://cdn1.suno.ai/a06015d0-3f2b-4c7e-9a51-2b8f4c1d9e77.mp3',
  image_url: 'https://cdn2.suno.ai/image_a06015d0-3f2b-4c7e-9a51-2b8f4c1d9e77.jpeg',
  image_large_url: 'https://cdn2.suno.ai/image_large_a06015d0-3f2b-4c7e-9a51-2b8f4c1d9e77.jpeg',
  is_video_pending: false,
  major_model_version: 'v3.5',
  model_name: 'chirp-v3-5',
  metadata: {
    tags: 'city pop, female vocals',
    prompt: '[Verse]\n霓虹灯下 我们走过\n[Chorus]\nCity lights',
    gpt_description_prompt: null,
    audio_prompt_id: null,
    history: null,
    concat_history: null,
    type: 'gen',
    duration: 128.92,
    refund_credits: null,
    stream: true,
    error_type: null,
    error_message: null
  },
  is_liked: false,
  user_id: '0b9c5e2a-1111-4222-8333-444455556666',
  display_name: 'Mei Chen',
  handle: 'meichen',
  is_handle_updated: false,
  avatar_image_url: 'https://cdn1.suno.ai/defaultPink.webp',
  is_trashed: false,
  reaction: null,
  created_at: '2024-06-01T10:15:30.123Z',
  status: 'complete',
  title: '  City Lights  ',
  play_count: 0,
  upvote_count: 0,
  is_public: false
}

const RAW_TASK = {
  task_id: 'f4a9c7e2-8d31-4b6a-9c05-7e2d1b3a4f60',
  notify_hook: '',
  action: 'MUSIC',
  status: 'SUCCESS',
  fail_reason: '',
  submit_time: 1717236900,
  start_time: 1717236915,
  finish_time: 1717237020,
  progress: '100%',
  data: [RAW_CLIP, { ...RAW_CLIP, id: 'b17126e1-0000-4000-8000-000000000002' }]
}

describe('normalizeTask: raw Suno clips (GATEWAY.md#clip-shapes)', () => {
  it('keeps lyrics, style, model, covers and duration of a finished song', () => {
    const task = normalizeTask(RAW_TASK)
    expect(task).not.toBeNull()
    expect(task?.state).toBe('succeeded')
    expect(task?.kind).toBe('music')
    expect(task?.progress).toBe(100)
    expect(task?.submitTime).toBe(1717236900_000)
    expect(task?.finishTime).toBe(1717237020_000)
    expect(task?.clips).toHaveLength(2)
    const clip = task?.clips[0]
    expect(clip).toMatchObject({
      id: RAW_CLIP.id,
      taskId: RAW_TASK.task_id,
      title: 'City Lights',
      status: 'complete',
      audioUrl: RAW_CLIP.audio_url,
      streamAudioUrl: null,
      videoUrl: RAW_CLIP.video_url,
      imageUrl: RAW_CLIP.image_url,
      imageLargeUrl: RAW_CLIP.image_large_url,
      lyrics: RAW_CLIP.metadata.prompt,
      styleTags: 'city pop, female vocals',
      durationSec: 128.92,
      model: 'chirp-v3-5',
      majorModelVersion: 'v3.5',
      createdAt: Date.parse('2024-06-01T10:15:30.123Z'),
      clipType: 'gen',
      errorMessage: null
    })
  })

  it('never keeps who made the song in raw data', () => {
    const task = normalizeTask(RAW_TASK)
    const text = JSON.stringify(task)
    for (const secret of ['0b9c5e2a-1111', 'Mei Chen', 'meichen', 'defaultPink']) {
      expect(text).not.toContain(secret)
    }
    expect(task?.clips[0]?.raw).toHaveProperty('play_count', 0)
    expect(task?.raw).not.toHaveProperty('data')
  })

  it('puts an audiopipe link of a streaming clip aside, not into the download link', () => {
    const streaming = {
      ...RAW_TASK,
      status: 'IN_PROGRESS',
      progress: '0%',
      finish_time: 0,
      data: [
        {
          ...RAW_CLIP,
          status: 'streaming',
          audio_url: 'https://audiopipe.suno.ai/?item_id=a06015d0-3f2b-4c7e-9a51-2b8f4c1d9e77',
          video_url: '',
          metadata: { ...RAW_CLIP.metadata, duration: null }
        }
      ]
    }
    const task = normalizeTask(streaming)
    expect(task?.state).toBe('pending')
    expect(task?.finishTime).toBeNull()
    expect(task?.clips[0]).toMatchObject({
      status: 'streaming',
      audioUrl: null,
      streamAudioUrl: 'https://audiopipe.suno.ai/?item_id=a06015d0-3f2b-4c7e-9a51-2b8f4c1d9e77',
      videoUrl: null,
      durationSec: null
    })
  })

  it('keeps forbidden links as the audio link so the library can say why it cannot download', () => {
    const forbidden = {
      ...RAW_TASK,
      data: [{ ...RAW_CLIP, audio_url: 'https://studio-api.prod.suno.com/api/forbidden' }]
    }
    expect(normalizeTask(forbidden)?.clips[0]?.audioUrl).toBe(
      'https://studio-api.prod.suno.com/api/forbidden'
    )
  })

  it('keeps a Chinese failure reason verbatim and marks the clips as errors', () => {
    const failed = {
      ...RAW_TASK,
      status: 'FAILURE',
      fail_reason: '获取渠道信息失败，请联系管理员，渠道ID：7',
      data: [
        { ...RAW_CLIP, status: 'error', metadata: { ...RAW_CLIP.metadata, error_message: null } }
      ]
    }
    const task = normalizeTask(failed)
    expect(task?.state).toBe('failed')
    expect(task?.failReason).toBe('获取渠道信息失败，请联系管理员，渠道ID：7')
    expect(task?.clips[0]).toMatchObject({
      status: 'error',
      errorMessage: '获取渠道信息失败，请联系管理员，渠道ID：7'
    })
  })

  it('takes the failure reason from the clip when the task gives none', () => {
    const failed = {
      ...RAW_TASK,
      status: 'FAILURE',
      fail_reason: '',
      data: [
        {
          ...RAW_CLIP,
          status: 'error',
          metadata: { ...RAW_CLIP.metadata, error_message: 'Lyrics contain artist names' }
        }
      ]
    }
    expect(normalizeTask(failed)?.failReason).toBe('Lyrics contain artist names')
  })

  it('records lineage of an extended clip from metadata', () => {
    const extended = {
      ...RAW_TASK,
      data: [
        {
          ...RAW_CLIP,
          metadata: { ...RAW_CLIP.metadata, continue_clip_id: 'parent-clip', continue_at: '62.5' }
        }
      ]
    }
    expect(normalizeTask(extended)?.clips[0]).toMatchObject({
      continueClipId: 'parent-clip',
      continueAt: 62.5
    })
  })
})
