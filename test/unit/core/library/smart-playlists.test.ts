import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SMART_PRESETS } from '../../../../src/shared/playlists'
import type { LibraryStore } from '../../../../src/main/core/library/types'
import { T0, clip, downloadAll, task, tempLibrary, type TempLibrary } from './helpers'

// Smart playlists are saved queries over the library's filter language, evaluated live:
// a song that starts to match appears without anyone editing the playlist.

const DAY = 86_400_000
let lib: TempLibrary
let store: LibraryStore

beforeEach(async () => {
  lib = await tempLibrary()
  store = lib.store
  store.recordTaskResults(
    [
      task('old', [
        clip('old-vocal', { title: 'Old vocal', styleTags: 'pop, female vocals' }),
        clip('old-inst', { title: 'Old instrumental', styleTags: 'ambient', durationSec: 60 })
      ])
    ],
    T0 - 40 * DAY,
    { downloadVideo: false }
  )
  store.recordTaskResults(
    [
      task('new', [
        clip('new-vocal', { title: 'New vocal', styleTags: 'synthwave, male vocals' }),
        clip('new-inst', { title: 'New instrumental', styleTags: 'lofi', videoUrl: null })
      ])
    ],
    T0 - 2 * DAY,
    { downloadVideo: true }
  )
  await downloadAll(store)
})
afterEach(async () => {
  await lib.cleanup()
})

const ids = (id: string): string[] =>
  store.playlists
    .query(id)
    .rows.map((r) => r.id)
    .sort()

describe('smart playlists', () => {
  it('"favourites with vocals from the last month" follows the library as it changes', async () => {
    const p = await store.playlists.create({
      name: 'Fresh vocal favourites',
      rule: { filter: { favorite: true, styleTag: 'vocals' }, addedWithinDays: 30 }
    })
    expect(ids(p.id)).toEqual([])
    store.setFavorite(['new-vocal', 'old-vocal', 'new-inst'], true)
    expect(ids(p.id)).toEqual(['new-vocal'])
    expect(store.playlists.get(p.id).count).toBe(1)
    store.setFavorite(['new-vocal'], false)
    expect(ids(p.id)).toEqual([])
  })

  it('combine search text, user tags, model, video and duration with the same filter language', async () => {
    store.tagClips(['old-inst', 'new-inst'], { add: ['Focus'] })
    const p = await store.playlists.create({
      name: 'Focus',
      rule: { filter: { userTags: ['focus'], hasVideo: false, durationMin: 100 } }
    })
    expect(ids(p.id)).toEqual(['new-inst'])
    await store.playlists.setRule(p.id, { filter: { search: 'instrumental', durationMax: 90 } })
    expect(ids(p.id)).toEqual(['old-inst'])
  })

  it('"Never played", "Most played" and "played within" count plays', async () => {
    const never = await store.playlists.create({ name: 'Never', rule: SMART_PRESETS.neverPlayed })
    const most = await store.playlists.create({ name: 'Most', rule: SMART_PRESETS.mostPlayed })
    const recent = await store.playlists.create({
      name: 'Recent',
      rule: { filter: {}, playedWithinDays: 7 }
    })
    expect(ids(never.id)).toHaveLength(4)
    expect(ids(most.id)).toEqual([])
    store.recordPlay('old-vocal', T0 - 20 * DAY)
    store.recordPlay('new-vocal', T0 - DAY)
    store.recordPlay('new-vocal', T0 - DAY / 2)
    expect(ids(never.id)).toEqual(['new-inst', 'old-inst'])
    expect(store.playlists.query(most.id).rows.map((r) => r.id)).toEqual(['new-vocal', 'old-vocal'])
    expect(ids(recent.id)).toEqual(['new-vocal'])
  })

  it('a limit caps the list and its pages', async () => {
    const p = await store.playlists.create({
      name: 'First three by title',
      rule: { filter: {}, sort: 'title', dir: 'asc', limit: 3 }
    })
    expect(store.playlists.get(p.id).count).toBe(3)
    const second = store.playlists.query(p.id, 2, 10)
    expect(second.rows.map((r) => r.id)).toEqual(['old-inst'])
    expect(store.playlists.clipIds(p.id)).toEqual(['new-inst', 'new-vocal', 'old-inst'])
  })
})
