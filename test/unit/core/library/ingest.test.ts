import { isAbsolute, join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FORBIDDEN_LINK_MESSAGE, STREAM_LINK_MESSAGE } from '../../../../src/main/core/gateway/urls'
import { T0, clip, downloadAll, task, tempLibrary, type TempLibrary } from './helpers'

let lib: TempLibrary
beforeEach(async () => {
  lib = await tempLibrary()
})
afterEach(async () => {
  await lib.cleanup()
})

const video = { downloadVideo: true }

describe('recording what the gateway said', () => {
  it('updates the same clips as a task progresses, never duplicating them', () => {
    const { store } = lib
    store.addTasks(['t1'], T0)
    store.recordTaskResult(
      task('t1', [], { state: 'pending', upstreamStatus: 'NOT_START' }),
      T0,
      video
    )
    expect(store.listTasks()[0]).toMatchObject({ phase: 'waiting', clipIds: [] })

    const streaming = (id: string): ReturnType<typeof clip> =>
      clip(id, {
        status: 'streaming',
        audioUrl: null,
        streamAudioUrl: `https://audiopipe.suno.ai/?item_id=${id}`,
        videoUrl: null,
        durationSec: null,
        lyrics: null
      })
    store.recordTaskResult(
      task('t1', [streaming('c1'), streaming('c2')], {
        state: 'pending',
        upstreamStatus: 'IN_PROGRESS'
      }),
      T0 + 1,
      video
    )
    expect(store.listTasks()[0]).toMatchObject({ phase: 'generating', clipIds: ['c1', 'c2'] })
    // A stream link is reported in plain words and never downloaded.
    expect(store.downloadJobs().filter((j) => j.kind === 'audio')).toEqual([])
    expect(store.getClip('c1')?.files.find((f) => f.kind === 'audio')).toMatchObject({
      state: 'pending',
      error: STREAM_LINK_MESSAGE
    })

    store.recordTaskResult(task('t1', [clip('c1'), clip('c2', { title: 'Second' })]), T0 + 2, video)
    expect(store.query({}).total).toBe(2)
    const detail = store.getClip('c1')
    expect(detail).toMatchObject({
      status: 'complete',
      durationSec: 180,
      lyrics: expect.stringContaining('Neon')
    })
    expect(detail?.addedAt).toBe(T0 + 1)
    expect(store.listTasks()[0]).toMatchObject({
      phase: 'downloading',
      state: 'succeeded',
      filesTotal: 6,
      filesDone: 0
    })
    expect(
      store
        .downloadJobs()
        .map((j) => `${j.clipId}/${j.kind}`)
        .sort()
    ).toEqual(['c1/audio', 'c1/cover', 'c1/video', 'c2/audio', 'c2/cover', 'c2/video'])
  })

  it('queues files with absolute paths inside the library, named by the naming scheme', () => {
    const { store } = lib
    store.recordTaskResult(task('t1', [clip('a06015d0-aaaa-bbbb')]), T0, video)
    const jobs = store.downloadJobs()
    const audio = jobs.find((j) => j.kind === 'audio')
    expect(audio).toMatchObject({
      clipId: 'a06015d0-aaaa-bbbb',
      taskId: 't1',
      url: 'https://cdn1.suno.ai/a06015d0-aaaa-bbbb.mp3',
      targetPath: join(lib.libraryDir, '2026-11', 'City Lights [a06015d0].mp3'),
      attempts: 0
    })
    // The large cover is preferred over the small one.
    expect(jobs.find((j) => j.kind === 'cover')?.url).toContain('image_large_')
    for (const job of jobs) {
      expect(isAbsolute(job.targetPath)).toBe(true)
      expect(relative(lib.libraryDir, job.targetPath).startsWith('..')).toBe(false)
    }
  })

  it('gives two clips with the same title and id prefix different files', () => {
    const { store } = lib
    store.recordTaskResult(
      task('t1', [
        clip('abcdef12-0001', { title: 'Song' }),
        clip('abcdef12-0002', { title: 'song' })
      ]),
      T0,
      video
    )
    const paths = store
      .downloadJobs()
      .filter((j) => j.kind === 'audio')
      .map((j) => j.targetPath.toLowerCase())
    expect(new Set(paths).size).toBe(2)
  })

  it('uses the small cover when there is no large one, and skips video when it is off', () => {
    const { store } = lib
    store.recordTaskResult(task('t1', [clip('c1', { imageLargeUrl: null })]), T0, {
      downloadVideo: false
    })
    const jobs = store.downloadJobs()
    expect(jobs.find((j) => j.kind === 'cover')?.url).toContain('image_c1')
    expect(jobs.some((j) => j.kind === 'video')).toBe(false)
    expect(store.getClip('c1')?.files.find((f) => f.kind === 'video')?.state).toBe('absent')
  })

  it('marks forbidden links as failed with the reason, and missing links as absent', () => {
    const { store } = lib
    store.recordTaskResult(
      task('t1', [clip('c1', { audioUrl: 'https://gw.example/api/forbidden', videoUrl: null })]),
      T0,
      video
    )
    const files = store.getClip('c1')?.files ?? []
    expect(files.find((f) => f.kind === 'audio')).toMatchObject({
      state: 'failed',
      error: FORBIDDEN_LINK_MESSAGE
    })
    expect(files.find((f) => f.kind === 'video')?.state).toBe('absent')
    expect(store.listTasks()[0].fileErrors).toEqual([
      {
        clipId: 'c1',
        kind: 'audio',
        error: FORBIDDEN_LINK_MESSAGE,
        errorCode: 'file_forbidden_link',
        errorParams: {}
      }
    ])
    expect(store.query({ downloadState: 'failed' }).rows.map((r) => r.id)).toEqual(['c1'])
  })

  it('never downgrades a file that is already downloaded', async () => {
    const { store } = lib
    store.recordTaskResult(task('t1', [clip('c1')]), T0, video)
    await downloadAll(store)
    store.recordTaskResult(
      task('t1', [clip('c1', { audioUrl: 'https://gw.example/api/forbidden', videoUrl: null })]),
      T0 + 5,
      { downloadVideo: false }
    )
    store.setFileResult('c1', 'audio', { state: 'failed', error: 'late failure' })
    const files = store.getClip('c1')?.files ?? []
    expect(files.filter((f) => f.kind !== 'sidecar').map((f) => f.state)).toEqual([
      'done',
      'done',
      'done'
    ])
    expect(store.downloadJobs()).toEqual([])
    expect(store.listTasks()[0]).toMatchObject({ phase: 'done', filesDone: 3, filesTotal: 3 })
  })

  it('counts failed attempts, keeps a failed link failed across polls, and retries on request', () => {
    const { store } = lib
    store.recordTaskResult(task('t1', [clip('c1', { videoUrl: null })]), T0, video)
    store.setFileResult('c1', 'audio', { state: 'pending', error: 'Connection reset; retrying.' })
    expect(store.downloadJobs().find((j) => j.kind === 'audio')?.attempts).toBe(1)
    store.setFileResult('c1', 'audio', {
      state: 'failed',
      error: 'The server sent a web page, not a song.'
    })
    store.recordTaskResult(task('t1', [clip('c1', { videoUrl: null })]), T0 + 1, video)
    expect(store.downloadJobs().some((j) => j.kind === 'audio')).toBe(false)
    expect(store.retryFailedFiles(['c1'])).toBe(1)
    expect(store.downloadJobs().find((j) => j.kind === 'audio')?.attempts).toBe(0)
  })

  it('keeps earlier fields when a later answer leaves them out', () => {
    const { store } = lib
    store.recordTaskResult(task('t1', [clip('c1')]), T0, video)
    store.recordTaskResult(
      task('t1', [clip('c1', { title: '', lyrics: null, model: null, durationSec: null })]),
      T0 + 1,
      video
    )
    expect(store.getClip('c1')).toMatchObject({
      title: 'City Lights',
      model: 'chirp-v4',
      durationSec: 180
    })
  })

  it('stores hostile text exactly as given, with the schema intact', () => {
    const { store } = lib
    const title = '\'); DROP TABLE clips; -- "quoted" \u0000 🎵'
    store.recordTaskResult(task('t1', [clip('c1', { title, styleTags: '%_\\' })]), T0, video)
    expect(store.getClip('c1')).toMatchObject({ title, styleTags: '%_\\' })
    expect(store.query({ styleTag: '%' }).total).toBe(1)
    expect(store.query({ styleTag: 'x%' }).total).toBe(0)
    expect(store.query({}).total).toBe(1)
  })

  it('hands out downloads oldest first', () => {
    const { store } = lib
    store.recordTaskResult(
      task('t1', [clip('c1', { videoUrl: null, imageUrl: null, imageLargeUrl: null })]),
      T0,
      video
    )
    store.recordTaskResult(
      task('t2', [clip('c2', { videoUrl: null, imageUrl: null, imageLargeUrl: null })]),
      T0 - 10,
      video
    )
    store.recordTaskResult(
      task('t3', [clip('c3', { videoUrl: null, imageUrl: null, imageLargeUrl: null })]),
      T0 + 10,
      video
    )
    expect(store.downloadJobs().map((j) => j.clipId)).toEqual(['c2', 'c1', 'c3'])
  })

  it('serves only files that are on disk', async () => {
    const { store } = lib
    store.recordTaskResult(task('t1', [clip('c1')]), T0, video)
    expect(store.getFilePath('c1', 'audio')).toBeNull()
    await downloadAll(store, ['audio'])
    expect(store.getFilePath('c1', 'audio')).toBe(
      join(lib.libraryDir, '2026-11', 'City Lights [c1].mp3')
    )
    expect(store.getFilePath('c1', 'video')).toBeNull()
    expect(store.getFilePath('nope', 'audio')).toBeNull()
  })
})
