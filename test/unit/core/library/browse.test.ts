import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY, ids, seed } from './seed'
import { T0, clip, task, tempLibrary, type TempLibrary } from './helpers'

describe('browsing the library', () => {
  let lib: TempLibrary
  beforeAll(async () => {
    lib = await tempLibrary()
    await seed(lib.store)
  })
  afterAll(async () => lib.cleanup())

  it('sorts by every key in both directions, with a stable order for ties', () => {
    const { store } = lib
    expect(ids(store, {})).toEqual(['c-city', 'c-night', 'c-cafe', 'c-jp', 'c-rock'])
    expect(ids(store, { sort: 'title' })).toEqual(['c-rock', 'c-cafe', 'c-city', 'c-night', 'c-jp'])
    expect(ids(store, { sort: 'title', dir: 'desc' })).toEqual([
      'c-jp',
      'c-night',
      'c-city',
      'c-cafe',
      'c-rock'
    ])
    expect(ids(store, { sort: 'duration', dir: 'desc' }).slice(0, 3)).toEqual([
      'c-city',
      'c-jp',
      'c-cafe'
    ])
    expect(ids(store, { sort: 'plays', dir: 'desc' }).slice(0, 2)).toEqual(['c-rock', 'c-city'])
    expect(ids(store, { sort: 'lastPlayed', dir: 'desc' }).slice(0, 2)).toEqual([
      'c-rock',
      'c-city'
    ])
    // All added at the same moment: ties fall back to the clip id.
    expect(ids(store, { sort: 'added', dir: 'asc' })).toEqual([
      'c-cafe',
      'c-city',
      'c-jp',
      'c-night',
      'c-rock'
    ])
  })

  it('pages through results without overlap', () => {
    const { store } = lib
    const all = ids(store, { sort: 'title' })
    const pages = [0, 2, 4].flatMap((offset) => ids(store, { sort: 'title', offset, limit: 2 }))
    expect(pages).toEqual(all)
    expect(store.query({ limit: 10_000 }).rows).toHaveLength(5)
    expect(store.query({ offset: 4, limit: 2 })).toMatchObject({ total: 5, offset: 4 })
  })

  it('filters by tags, style, model, favourite, video, dates and duration', () => {
    const { store } = lib
    expect(ids(store, { userTags: ['chill'] }).sort()).toEqual(['c-cafe', 'c-city'])
    expect(ids(store, { userTags: ['Chill', 'road trip'] })).toEqual(['c-city'])
    expect(ids(store, { styleTag: 'synth' }).sort()).toEqual(['c-city', 'c-rock'])
    expect(ids(store, { styleTag: 'pop' }).sort()).toEqual(['c-jp', 'c-night'])
    expect(ids(store, { model: 'chirp-v3-5' })).toEqual(['c-night'])
    expect(ids(store, { favorite: true }).sort()).toEqual(['c-cafe', 'c-night'])
    expect(ids(store, { hasVideo: true }).sort()).toEqual(['c-city', 'c-night', 'c-rock'])
    expect(ids(store, { createdFrom: T0 - DAY, createdTo: T0 })).toEqual(['c-city', 'c-night'])
    expect(ids(store, { durationMin: 100, durationMax: 199 })).toEqual(['c-cafe', 'c-jp'])
    expect(ids(store, { addedSince: T0 + 1 })).toEqual([])
    expect(ids(store, { downloadState: 'done' })).toHaveLength(5)
    expect(ids(store, { generationFailed: true })).toEqual([])
    expect(ids(store, { generationFailed: false })).toHaveLength(5)
    expect(ids(store, { search: 'city', favorite: true })).toEqual([])
  })

  it('returns slim rows: no lyrics or raw JSON in the list', () => {
    const row = lib.store.query({ search: 'city lights' }).rows[0]
    expect(row).toEqual({
      id: 'c-city',
      taskId: 't1',
      title: 'City Lights',
      styleTags: 'dreamy synthwave, female vocals',
      model: 'chirp-v4',
      durationSec: 200,
      createdAt: T0,
      addedAt: T0,
      favorite: false,
      plays: 1,
      lastPlayedAt: T0 + 5,
      userTags: ['Chill', 'Road trip'],
      hasAudio: true,
      hasVideo: true,
      hasCover: true,
      hasVideoCover: false,
      downloadState: 'done',
      generationFailed: false,
      take: null,
      takes: 2,
      instrumental: false,
      originalTitle: null
    })
  })

  it('counts facets under the current filter', () => {
    const { store } = lib
    const all = store.facets({})
    expect(all).toMatchObject({ total: 5, favorites: 2, withVideo: 3 })
    expect(all.userTags).toEqual([
      { value: 'Chill', count: 2 },
      { value: 'Road trip', count: 1 }
    ])
    expect(all.models).toEqual([
      { value: 'chirp-v4', count: 4 },
      { value: 'chirp-v3-5', count: 1 }
    ])
    expect(all.styleTags).toContainEqual({ value: 'synth', count: 1 })
    const fav = store.facets({ favorite: true })
    expect(fav).toMatchObject({ total: 2, favorites: 2, withVideo: 1 })
    expect(fav.userTags).toEqual([{ value: 'Chill', count: 1 }])
    expect(fav.styleTags.map((s) => s.value).sort()).toEqual(['ballad', 'c-pop', 'jazz', 'lo-fi'])
  })

  it('shows a clip in detail: lyrics, family and files with absolute paths', () => {
    const { store } = lib
    store.recordTaskResult(
      task('t3', [
        clip('c-ext', {
          title: 'City Lights (Extended)',
          continueClipId: 'c-city',
          continueAt: 120
        })
      ]),
      T0,
      { downloadVideo: false }
    )
    const ext = store.getClip('c-ext')
    expect(ext).toMatchObject({
      parent: { id: 'c-city', title: 'City Lights' },
      continueAt: 120,
      siblings: []
    })
    const city = store.getClip('c-city')
    expect(city).toMatchObject({
      lyrics: expect.stringContaining('Neon'),
      extendedBy: [{ id: 'c-ext', title: 'City Lights (Extended)' }],
      siblings: [{ id: 'c-night', title: '夜晚城市' }]
    })
    const audio = city?.files.find((f) => f.kind === 'audio')
    expect(audio?.path).toBe(store.getFilePath('c-city', 'audio'))
    expect(audio?.path?.startsWith(lib.libraryDir)).toBe(true)
    expect(store.getClip('missing')).toBeNull()
  })

  it('lists clips for the CLI with lyrics, tags and every file', () => {
    const clips = lib.store.listClipsForCli({ userTags: ['chill'], limit: 1 })
    expect(clips).toHaveLength(1)
    expect(clips[0]).toMatchObject({
      id: 'c-city',
      taskId: 't1',
      lyrics: expect.any(String),
      createdAt: T0,
      userTags: ['Chill', 'Road trip'],
      favorite: false
    })
    expect(clips[0].files.map((f) => [f.kind, f.state])).toEqual([
      ['audio', 'done'],
      ['video', 'done'],
      ['cover', 'done'],
      ['sidecar', 'done']
    ])
    expect(clips[0].files.every((f) => f.path?.startsWith(lib.libraryDir))).toBe(true)
    expect(lib.store.listClipsForCli({})).toHaveLength(6)
  })
})
