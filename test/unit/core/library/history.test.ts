import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SMART_PRESETS } from '../../../../src/shared/playlists'
import type { LibraryStore } from '../../../../src/main/core/library/types'
import { T0, clip, populate, task, tempLibrary, type TempLibrary } from './helpers'

// The listening history keeps start, skip, finish and seek events; plays and "last played"
// count only what was really heard, so a skip in the first seconds of a short clip is not
// a play.

let lib: TempLibrary
let store: LibraryStore
beforeEach(async () => {
  lib = await tempLibrary()
  store = lib.store
  await populate(store, [
    task('t1', [clip('short', { durationSec: 40 }), clip('long', { durationSec: 200 })])
  ])
})
afterEach(async () => {
  await lib.cleanup()
})

const row = (id: string): { plays: number; lastPlayedAt: number | null } => {
  const detail = store.getClip(id)
  return { plays: detail?.plays ?? -1, lastPlayedAt: detail?.lastPlayedAt ?? null }
}

describe('listening history', () => {
  it('a skip in the first seconds is not a play; a finish or 10 s of listening is', () => {
    store.recordListen({ clipId: 'short', kind: 'start', at: T0 })
    store.recordListen({ clipId: 'short', kind: 'skip', at: T0 + 3000, listenedMs: 3000 })
    expect(row('short')).toEqual({ plays: 0, lastPlayedAt: null })

    store.recordListen({ clipId: 'short', kind: 'start', at: T0 + 10_000 })
    store.recordListen({ clipId: 'short', kind: 'seek', at: T0 + 11_000, positionMs: 30_000 })
    store.recordListen({ clipId: 'short', kind: 'finish', at: T0 + 20_000, listenedMs: 9000 })
    // "Last played" is when that play began.
    expect(row('short')).toEqual({ plays: 1, lastPlayedAt: T0 + 10_000 })

    store.recordListen({ clipId: 'long', kind: 'start', at: T0 + 30_000 })
    store.recordListen({ clipId: 'long', kind: 'skip', at: T0 + 45_000, listenedMs: 15_000 })
    expect(row('long')).toEqual({ plays: 1, lastPlayedAt: T0 + 30_000 })
  })

  it('lists events newest first, pages back, and says which ended a counted play', () => {
    store.recordListen({ clipId: 'short', kind: 'start', at: T0 })
    store.recordListen({ clipId: 'short', kind: 'skip', at: T0 + 2000, listenedMs: 2000 })
    store.recordListen({ clipId: 'long', kind: 'start', at: T0 + 3000 })
    store.recordListen({ clipId: 'long', kind: 'finish', at: T0 + 9000, listenedMs: 200_000 })
    expect(store.recordListen({ clipId: 'gone', kind: 'start', at: T0 })).toBe(false)
    const all = store.listHistory()
    expect(all.map((e) => [e.clipId, e.kind, e.counted])).toEqual([
      ['long', 'finish', true],
      ['long', 'start', false],
      ['short', 'skip', false],
      ['short', 'start', false]
    ])
    expect(all[0]?.title).toBe('City Lights')
    const older = store.listHistory({ limit: 2, before: all[1]?.id })
    expect(older.map((e) => e.kind)).toEqual(['skip', 'start'])
  })

  it('"Recently played" and "Never played" follow the history; clearing it forgets it', async () => {
    const recent = await store.playlists.create({
      name: 'Recently played',
      rule: { filter: {}, playedWithinDays: 30, sort: 'lastPlayed' }
    })
    const never = await store.playlists.create({ name: 'Never', rule: SMART_PRESETS.neverPlayed })
    store.recordListen({ clipId: 'long', kind: 'start', at: T0 })
    store.recordListen({ clipId: 'long', kind: 'finish', at: T0 + 1000, listenedMs: 200_000 })
    store.recordListen({ clipId: 'short', kind: 'start', at: T0 + 2000 })
    store.recordListen({ clipId: 'short', kind: 'skip', at: T0 + 3000, listenedMs: 1000 })
    expect(store.playlists.query(recent.id).rows.map((r) => r.id)).toEqual(['long'])
    expect(store.playlists.query(never.id).rows.map((r) => r.id)).toEqual(['short'])

    expect(store.clearHistory()).toBe(4)
    expect(store.listHistory()).toEqual([])
    expect(store.playlists.query(recent.id).total).toBe(0)
    expect(row('long')).toEqual({ plays: 1, lastPlayedAt: null })
    store.clearHistory({ resetCounts: true })
    expect(row('long').plays).toBe(0)
  })
})
