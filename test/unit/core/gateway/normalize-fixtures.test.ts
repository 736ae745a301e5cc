import { describe, expect, it } from 'vitest'
import { normalizeTask } from '../../../../src/main/core/gateway/normalize'
import { gatewayFixture } from './gateway-fixtures'

// The four clip shapes gateways answer with (docs/GATEWAY.md#clip-shapes), each as a
// whole task answer in test/fixtures/gateway: snake_case SunoSong, the camelCase
// "official" channel, GoAPI's `clips` map keyed by clip id, and an upstream clip carrying
// every field the normaliser is asked to keep.

describe('the four clip shapes', () => {
  it('snake_case: both takes, complete, with their mp3s', () => {
    const task = normalizeTask(gatewayFixture('snake-case'))
    expect(task?.state).toBe('succeeded')
    expect(task?.clips.map((c) => [c.status, c.audioUrl?.endsWith('.mp3')])).toEqual([
      ['complete', true],
      ['complete', true]
    ])
  })

  it('camelCase "official": both takes, complete once the task succeeds, times in ms', () => {
    const task = normalizeTask(gatewayFixture('camel-official'))
    expect(task?.state).toBe('succeeded')
    expect(task?.submitTime).toBe(1764590000123)
    expect(task?.clips.map((c) => c.status)).toEqual(['complete', 'complete'])
  })

  it('GoAPI map: every clip of the map is a song, and the key fills a missing id', () => {
    const task = normalizeTask(gatewayFixture('goapi-map'))
    expect(task?.state).toBe('succeeded')
    expect(task?.kind).toBe('music')
    expect(task?.clips.map((c) => [c.id, c.status, c.title, c.durationSec])).toEqual([
      ['b7e10000-0000-4000-8000-000000000001', 'complete', 'Sea Glass', 150.5],
      ['b7e10000-0000-4000-8000-000000000002', 'complete', 'Sea Glass', 148.25]
    ])
    expect(task?.clips[1]?.audioUrl).toBe(
      'https://cdn1.suno.ai/b7e10000-0000-4000-8000-000000000002.mp3'
    )
  })

  it('upstream clip with every field: one complete clip, no personal field kept', () => {
    const task = normalizeTask(gatewayFixture('upstream-full'))
    expect(task?.clips).toHaveLength(1)
    expect(task?.clips[0]?.status).toBe('complete')
    const text = JSON.stringify(task)
    for (const leak of ['u-123', 'Someone', 'someone', 'defaultPink']) {
      expect(text).not.toContain(leak)
    }
  })
})

describe('clips as a map at every depth the normaliser searches', () => {
  const song = (title: string): Record<string, unknown> => ({
    status: 'complete',
    title,
    audio_url: `https://cdn1.suno.ai/${title}.mp3`
  })
  const map = { 'id-one': song('one'), 'id-two': { ...song('two'), id: 'own-id' } }
  const wrap = (data: unknown): Record<string, unknown> => ({
    task_id: 't-map',
    action: 'MUSIC',
    status: 'SUCCESS',
    data
  })

  it.each([
    ['data.clips', wrap({ clips: map })],
    ['data.songs', wrap({ songs: map })],
    ['data.sunoData', wrap({ sunoData: map })],
    ['data.data.clips', wrap({ data: { clips: map } })],
    ['data.data.data.clips', wrap({ data: { data: { clips: map } } })],
    ['data as a JSON string', wrap(JSON.stringify({ clips: map }))],
    ['response.sunoData', { ...wrap(null), response: { sunoData: map } }]
  ])('%s', (_where, answer) => {
    const task = normalizeTask(answer)
    expect(task?.clips.map((c) => [c.id, c.title, c.status])).toEqual([
      ['id-one', 'one', 'complete'],
      ['own-id', 'two', 'complete']
    ])
  })

  it('skips map entries that are not clips and keeps the rest', () => {
    const task = normalizeTask(wrap({ clips: { a: song('a'), b: 'nonsense', c: null, d: [1] } }))
    expect(task?.clips.map((c) => c.id)).toEqual(['a'])
  })
})

describe('a success with nothing readable (issue 16)', () => {
  const success = (data: unknown, action = 'MUSIC'): Record<string, unknown> => ({
    task_id: 't-empty',
    action,
    status: 'SUCCESS',
    fail_reason: '',
    data
  })

  it.each([
    ['no data at all', success(null)],
    ['an empty clip list', success([])],
    ['an empty map', success({ clips: {} })],
    ['clips without any id', success([{ title: 'x', status: 'complete' }])],
    ['clips in a shape nobody reads, without an action', success({ clips: [{ a: 1 }] }, '')]
  ])('%s is not done: still pending, with the answer kept', (_what, answer) => {
    const task = normalizeTask(answer)
    expect(task?.state).toBe('pending')
    expect(task?.clips).toEqual([])
    expect(task?.unreadable).toMatchObject({ task_id: 't-empty', status: 'SUCCESS' })
  })

  it('keeps the answer without personal fields, e-mails or credentials', () => {
    const answer = {
      ...success([{ user_id: 'u-9', email: 'jo@example.com', note: 'hi' }]),
      token: 'abc',
      api_key: 'sk-live-123',
      fail_reason: 'ask jo@example.com, key sk-abcdefghijklmnop, Bearer abc.def.ghi'
    }
    const kept = JSON.stringify(normalizeTask(answer)?.unreadable)
    expect(kept).toContain('"note":"hi"')
    for (const leak of ['u-9', 'jo@example.com', 'abc"', 'sk-live', 'sk-abcdefgh', 'abc.def'])
      expect(kept).not.toContain(leak)
    expect(kept).toContain('[email]')
    expect(kept).toContain('[token]')
  })

  it('leaves lyrics tasks, readable successes and unfinished tasks alone', () => {
    const lyrics = normalizeTask(success({ id: 'l', status: 'complete', text: 'la' }, 'LYRICS'))
    expect([lyrics?.state, lyrics?.unreadable]).toEqual(['succeeded', null])
    const lyricsWithout = normalizeTask(success(null, 'LYRICS'))
    expect([lyricsWithout?.state, lyricsWithout?.unreadable]).toEqual(['succeeded', null])
    const music = normalizeTask(gatewayFixture('snake-case'))
    expect([music?.state, music?.unreadable]).toEqual(['succeeded', null])
    const running = normalizeTask({ ...success(null), status: 'IN_PROGRESS' })
    expect([running?.state, running?.unreadable]).toEqual(['pending', null])
  })
})

describe('upstream fields the gateways pass through (issue 16)', () => {
  const clip = (): NonNullable<ReturnType<typeof normalizeTask>>['clips'][number] => {
    const found = normalizeTask(gatewayFixture('upstream-full'))?.clips[0]
    if (found === undefined) throw new Error('no clip')
    return found
  }

  it('prefers the mp3 of media_urls over a stream link, and keeps the take and animated cover', () => {
    expect(clip()).toMatchObject({
      audioUrl: 'https://cdn1.suno.ai/c0ffee00-0000-4000-8000-000000000001.mp3',
      batchIndex: 1,
      videoCoverUrl: 'https://cdn1.suno.ai/video_cover_c0ffee00-0000-4000-8000-000000000001.mp4',
      videoUrl: 'https://cdn1.suno.ai/c0ffee00-0000-4000-8000-000000000001.mp4',
      hasVocal: false
    })
  })

  it('reads stems metadata, with stem_type_id 91.0 as the integer 91', () => {
    expect(clip().stem).toEqual({
      hasStem: true,
      fromId: '5e000000-0000-4000-8000-000000000005',
      typeId: 91,
      typeGroupName: 'Instrumental'
    })
  })

  it('turns edits, stems and history entries (ids or objects) into typed lineage edges', () => {
    expect(clip().lineage).toEqual([
      { kind: 'cover', clipId: 'c0000000-0000-4000-8000-00000000000c', atSec: null },
      { kind: 'remaster', clipId: '9a000000-0000-4000-8000-000000000009', atSec: null },
      { kind: 'upsample', clipId: 'a0000000-0000-4000-8000-00000000000a', atSec: null },
      { kind: 'speed', clipId: '5d000000-0000-4000-8000-00000000005d', atSec: null },
      { kind: 'edit', clipId: 'ed000000-0000-4000-8000-00000000000e', atSec: null },
      { kind: 'stem', clipId: '5e000000-0000-4000-8000-000000000005', atSec: null },
      { kind: 'extend', clipId: '1d000000-0000-4000-8000-000000000001', atSec: null },
      { kind: 'infill', clipId: '2d000000-0000-4000-8000-000000000002', atSec: 83.2 },
      { kind: 'concat', clipId: '3d000000-0000-4000-8000-000000000003', atSec: 83 },
      { kind: 'concat', clipId: '4d000000-0000-4000-8000-000000000004', atSec: null }
    ])
  })

  it('keeps everything the gateway sent (minus personal fields) in raw', () => {
    const raw = clip().raw as { metadata: Record<string, unknown>; media_urls: unknown[] }
    expect(raw.media_urls).toHaveLength(2)
    expect(raw.metadata.stem_type_id).toBe(91)
    expect(raw.metadata.history).toHaveLength(2)
    expect(raw).toHaveProperty('clip_roots')
  })

  it('answers null and no edges when the fields are absent or odd', () => {
    const plain = normalizeTask(gatewayFixture('snake-case'))?.clips[0]
    expect(plain).toMatchObject({
      batchIndex: null,
      videoCoverUrl: null,
      hasVocal: null,
      stem: null,
      lineage: []
    })
    const odd = normalizeTask({
      task_id: 't',
      status: 'SUCCESS',
      data: [
        {
          id: 'x',
          status: 'complete',
          batch_index: -1,
          metadata: {
            stem_type_id: 'ninety',
            history: [null, 5, {}, { id: '' }],
            has_vocal: 'maybe'
          }
        }
      ]
    })?.clips[0]
    expect(odd).toMatchObject({ batchIndex: null, hasVocal: null, stem: null })
    expect(odd?.lineage).toEqual([{ kind: 'extend', clipId: '5', atSec: null }])
  })
})
