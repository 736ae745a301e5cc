import { describe, expect, it } from 'vitest'
import { normalizeTask } from '../../../../src/main/core/gateway/normalize'

// The other shapes of docs/GATEWAY.md#clip-shapes: flattened clips (apiai.apifox.cn),
// sunoapi.org camelCase, the LYRICS object (docs.yutoai.net, eronmind), Udio songs
// and the empty `data` of a task that has not started.

describe('normalizeTask: flattened clips (GATEWAY.md#clip-shapes)', () => {
  const flattened = {
    task_id: 'task_01HZX3',
    action: 'MUSIC',
    status: 'SUCCESS',
    fail_reason: '',
    submit_time: 1717236900,
    start_time: 1717236915,
    finish_time: 1717237020,
    progress: '100%',
    data: [
      {
        id: 'c1',
        clip_id: 'c1',
        task_id: 'task_01HZX3_1',
        mv: 'chirp-v4',
        state: 'succeeded',
        status: 'complete',
        msg: 'success',
        title: 'Golden Hour',
        tags: 'lofi, chill',
        prompt: '[Verse]\nwarm light',
        gpt_description_prompt: 'a chill lofi song about sunsets',
        duration: 219,
        audio_url: 'https://cdn1.suno.ai/c1.mp3',
        image_url: 'https://cdn2.suno.ai/image_c1.jpeg',
        video_url: 'https://cdn1.suno.ai/c1.mp4',
        image_large_url: 'https://cdn2.suno.ai/image_large_c1.jpeg',
        continue_at: 30,
        continue_clip_id: 'c0',
        create_time: '2024-06-01 10:15:30',
        update_time: '2024-06-01 10:17:00'
      }
    ]
  }

  it('reads flat fields: mv as the model, prompt as lyrics, lineage, and no error for "success"', () => {
    const clip = normalizeTask(flattened)?.clips[0]
    expect(clip).toMatchObject({
      id: 'c1',
      taskId: 'task_01HZX3',
      title: 'Golden Hour',
      status: 'complete',
      model: 'chirp-v4',
      lyrics: '[Verse]\nwarm light',
      styleTags: 'lofi, chill',
      descriptionPrompt: 'a chill lofi song about sunsets',
      durationSec: 219,
      continueClipId: 'c0',
      continueAt: 30,
      errorMessage: null
    })
    expect(clip?.createdAt).toBeTypeOf('number')
  })

  it('counts a task as done when every clip is complete even if the status says otherwise', () => {
    const lagging = { ...flattened, status: 'FIRST_SUCCESS' }
    expect(normalizeTask(lagging)?.state).toBe('succeeded')
  })
})

describe('normalizeTask: sunoapi.org camelCase (GATEWAY.md#clip-shapes)', () => {
  const camel = {
    task_id: 'so-7781',
    action: 'MUSIC',
    status: 'TEXT_SUCCESS',
    fail_reason: '',
    submit_time: 1717236900123,
    start_time: 0,
    finish_time: 0,
    progress: '0%',
    data: [
      {
        id: 'k1',
        audioUrl: '',
        streamAudioUrl: 'https://mfile.erweima.ai/audiopipe/k1',
        imageUrl: 'https://cdn.example/k1.jpeg',
        prompt: 'la la la',
        modelName: 'chirp-v4',
        title: 'Static Hearts',
        tags: ['synthwave', 'dreamy'],
        createTime: 1717236900456,
        duration: '185.4'
      }
    ]
  }

  it('reads times in milliseconds, numeric strings and tag arrays; TEXT_SUCCESS is not done', () => {
    const task = normalizeTask(camel)
    expect(task?.state).toBe('pending')
    expect(task?.submitTime).toBe(1717236900123)
    expect(task?.clips[0]).toMatchObject({
      status: 'streaming',
      audioUrl: null,
      streamAudioUrl: 'https://mfile.erweima.ai/audiopipe/k1',
      model: 'chirp-v4',
      styleTags: 'synthwave, dreamy',
      durationSec: 185.4,
      createdAt: 1717236900456
    })
  })

  it('marks clips complete once the task succeeds with final links', () => {
    const done = {
      ...camel,
      status: 'SUCCESS',
      data: [{ ...camel.data[0], audioUrl: 'https://cdn.example/k1.mp3' }]
    }
    expect(normalizeTask(done)?.clips[0]).toMatchObject({
      status: 'complete',
      audioUrl: 'https://cdn.example/k1.mp3'
    })
  })
})

describe('normalizeTask: lyrics, Udio and empty data (GATEWAY.md#clip-shapes)', () => {
  it('reads a LYRICS object as lyrics with a title', () => {
    const task = normalizeTask({
      task_id: 'ly-1',
      action: '',
      status: 'SUCCESS',
      progress: '100%',
      submit_time: 1717236900,
      data: {
        id: 'x',
        status: 'complete',
        title: ' Moon Song ',
        text: '[Verse]\n月亮',
        tags: ['ballad']
      }
    })
    expect(task).toMatchObject({
      kind: 'lyrics',
      state: 'succeeded',
      clips: [],
      lyrics: { title: 'Moon Song', text: '[Verse]\n月亮' }
    })
  })

  it('keeps a task that has no data yet as pending with no clips', () => {
    for (const data of [null, [], {}]) {
      const task = normalizeTask({
        task_id: 't',
        action: 'MUSIC',
        status: 'NOT_START',
        progress: '0%',
        data
      })
      expect(task).toMatchObject({ state: 'pending', clips: [], lyrics: null, kind: 'music' })
    }
  })

  it('tolerates Udio songs nested in data.data', () => {
    const task = normalizeTask({
      task_id: 'u1',
      action: 'udio-generate',
      status: 'SUCCESS',
      data: {
        data: {
          songs: [
            {
              id: 's1',
              title: 'Udio song',
              song_path: 'https://storage.googleapis.com/udio/s1.mp3',
              image_path: 'https://storage.googleapis.com/udio/s1.jpg',
              video_path: null,
              duration: 130.5,
              lyrics: 'words',
              tags: ['rock', 'live'],
              finished: true
            }
          ]
        }
      }
    })
    expect(task?.clips[0]).toMatchObject({
      id: 's1',
      status: 'complete',
      audioUrl: 'https://storage.googleapis.com/udio/s1.mp3',
      imageUrl: 'https://storage.googleapis.com/udio/s1.jpg',
      styleTags: 'rock, live',
      lyrics: 'words'
    })
  })

  it('returns null without a task id', () => {
    expect(normalizeTask({ status: 'SUCCESS', data: [] })).toBeNull()
    expect(normalizeTask({ task_id: '   ' })).toBeNull()
    expect(normalizeTask('task_1')).toBeNull()
  })
})
