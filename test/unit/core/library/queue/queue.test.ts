import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DB_FILE } from '../../../../../src/main/core/library/store'
import type { LibraryStore } from '../../../../../src/main/core/library/types'
import type { QueueState } from '../../../../../src/shared/queue'
import { T0, clip, populate, task, tempLibrary, type TempLibrary } from '../helpers'

// The play queue is a reference to what the user played (a view with its filter and
// sort) plus a cursor, kept in the index: it never holds the view's ids, survives a
// restart, follows the clip it is on when the live view changes, and skips clips that
// cannot play (issue 13 defect 4, issues 13 and 14 §3).

const MIN = 60_000
let lib: TempLibrary
let store: LibraryStore

/** c00 is the newest: the default sort (created, newest first) plays c00, c01, … */
const ids = Array.from({ length: 12 }, (_, i) => `c${String(i).padStart(2, '0')}`)

beforeEach(async () => {
  lib = await tempLibrary()
  store = lib.store
  await populate(store, [
    task(
      't1',
      ids.map((id, i) =>
        clip(id, {
          title: `Song ${i}`,
          createdAt: T0 - i * MIN,
          styleTags: i % 2 ? 'jazz' : 'rock'
        })
      )
    )
  ])
})
afterEach(async () => {
  await lib.cleanup()
})

const view = {
  kind: 'library' as const,
  filter: {},
  sort: 'created' as const,
  dir: 'desc' as const
}

function titles(offset = 0, limit = 50): string[] {
  return store.queue.window(offset, limit).entries.map((e) => e.clip.id)
}

/** Ids the queue materialised, read through a second connection to the index. */
function materialised(): number {
  const db = new DatabaseSync(join(lib.dataDir, DB_FILE), { readOnly: true })
  try {
    return Number((db.prepare('SELECT count(*) AS n FROM queue_order').get() as { n: number }).n)
  } finally {
    db.close()
  }
}

describe('a queue held by reference', () => {
  it('plays a view from the double-clicked row and walks it in the view order', () => {
    const state = store.queue.play({ source: view, at: 4, clipId: 'c04' })
    expect(state).toMatchObject({ length: 12, index: 4, shuffle: false })
    expect(state.current?.id).toBe('c04')
    expect(store.queue.step(1).current?.id).toBe('c05')
    expect(store.queue.step(-1).current?.id).toBe('c04')
    expect(titles(3, 3)).toEqual(['c03', 'c04', 'c05'])
    // A reference: the view's ids are not copied anywhere.
    expect(materialised()).toBe(0)
  })

  it('filters like the view, and a view that moved under the click still starts on the clicked clip', () => {
    const jazz = { ...view, filter: { styleTag: 'jazz' } }
    // The renderer saw c05 at index 1, but the view has changed since (a stale page).
    const state = store.queue.play({ source: jazz, at: 1, clipId: 'c07' })
    expect(state.current?.id).toBe('c07')
    expect(state.index).toBe(3)
    expect(state.length).toBe(6)
    expect(titles()).toEqual(['c01', 'c03', 'c05', 'c07', 'c09', 'c11'])
  })

  it('keeps following its clip when a new clip sorts before it in the live view', async () => {
    store.queue.play({ source: view, at: 2, clipId: 'c02' })
    await populate(store, [task('t2', [clip('new', { title: 'Newest', createdAt: T0 + MIN })])])
    const state = store.queue.state()
    expect(state.current?.id).toBe('c02')
    expect(state.index).toBe(3)
    expect(state.length).toBe(13)
    expect(store.queue.step(1).current?.id).toBe('c03')
  })

  it('leaves out clips without playable audio: a failed generation and one still downloading', async () => {
    store.recordTaskResults(
      [
        task('t3', [
          clip('failed', { status: 'error', audioUrl: null, createdAt: T0 + 2 * MIN }),
          clip('pending', { createdAt: T0 + 3 * MIN })
        ])
      ],
      T0,
      { downloadVideo: false }
    )
    const state = store.queue.play({ source: view })
    expect(state.length).toBe(12)
    expect(state.current?.id).toBe('c00')
    expect(titles()).not.toContain('failed')
    expect(titles()).not.toContain('pending')
    // Asked to start on a clip that cannot play, it starts on a playable one.
    expect(store.queue.play({ source: view, at: 0, clipId: 'pending' }).current?.id).toBe('c00')
    // A view where nothing can play (the failed generations) leaves the queue as it was.
    store.queue.step(1)
    const failedOnly = { ...view, filter: { generationFailed: true } }
    const kept = store.queue.play({ source: failedOnly })
    expect(kept).toMatchObject({ length: 12, index: 1 })
    expect(kept.current?.id).toBe('c01')
  })

  it('survives a restart: same source, clip, position, repeat and shuffle', async () => {
    store.queue.play({ source: view, at: 5, clipId: 'c05' })
    store.queue.setOptions({ repeat: 'all', positionMs: 42_000 })
    await store.close()
    const again = lib.open()
    const state = again.queue.state()
    expect(state).toMatchObject({ index: 5, repeat: 'all', positionMs: 42_000, shuffle: false })
    expect(state.current?.id).toBe('c05')
    expect(state.source).toEqual(view)
    expect(again.queue.step(1).current?.id).toBe('c06')
    store = again
  })

  it('ends after the last entry with repeat off, and wraps with repeat all', () => {
    store.queue.play({ source: view, at: 11, clipId: 'c11' })
    const end = store.queue.step(1)
    expect(end.ended).toBe(true)
    expect(end.current?.id).toBe('c11')
    store.queue.setOptions({ repeat: 'all' })
    expect(store.queue.step(1).current?.id).toBe('c00')
    expect(store.queue.step(-1).current?.id).toBe('c11')
  })
})

describe('play next and add to queue', () => {
  it('play next goes right after the current clip, add to queue after those, then the view resumes', () => {
    store.queue.play({ source: view, at: 0, clipId: 'c00' })
    store.queue.add(['c09'], true)
    store.queue.add(['c10', 'c11'], false)
    const state = store.queue.add(['c08'], true)
    expect(state.length).toBe(16)
    expect(titles(0, 7)).toEqual(['c00', 'c08', 'c09', 'c10', 'c11', 'c01', 'c02'])
    const window = store.queue.window(0, 6)
    expect(window.entries.map((e) => e.explicit)).toEqual([false, true, true, true, true, false])
    expect(store.queue.step(1)).toMatchObject({ currentExplicit: true, index: 1 })
    expect(store.queue.state().current?.id).toBe('c08')
    // Past the explicit entries, the view carries on from where it was.
    for (let i = 0; i < 4; i += 1) store.queue.step(1)
    expect(store.queue.state().current?.id).toBe('c01')
  })

  it('removes and moves entries; a removed view entry leaves the view, the cursor stays on its clip', () => {
    store.queue.play({ source: view, at: 3, clipId: 'c03' })
    store.queue.add(['c11'], true)
    // [c00 c01 c02 c03* c11 c04 …]
    expect(store.queue.remove(1)).toMatchObject({ index: 2, length: 12 })
    expect(titles(0, 5)).toEqual(['c00', 'c02', 'c03', 'c11', 'c04'])
    const moved = store.queue.move(3, 0)
    expect(moved.current?.id).toBe('c03')
    expect(titles(0, 5)).toEqual(['c11', 'c00', 'c02', 'c03', 'c04'])
    expect(moved.index).toBe(3)
    // Moving the current entry keeps it current.
    const again = store.queue.move(3, 1)
    expect(again).toMatchObject({ index: 1 })
    expect(again.current?.id).toBe('c03')
    expect(titles(0, 4)).toEqual(['c11', 'c03', 'c00', 'c02'])
  })

  it('removing the current entry makes the next one current', () => {
    store.queue.play({ source: view, at: 2, clipId: 'c02' })
    const state = store.queue.remove(2)
    expect(state.current?.id).toBe('c03')
    expect(state.index).toBe(2)
  })

  it('adding to an empty queue starts a hand-built queue on the first added clip', () => {
    const state = store.queue.add(['c04', 'c02'], false)
    expect(state).toMatchObject({ length: 2, index: 0 })
    expect(state.current?.id).toBe('c04')
    expect(store.queue.add(['c07'], false).length).toBe(3)
    expect(titles()).toEqual(['c04', 'c02', 'c07'])
    expect(store.queue.add(['c09'], true).length).toBe(4)
    expect(titles()).toEqual(['c04', 'c09', 'c02', 'c07'])
  })

  it('clear keeps only what plays', () => {
    store.queue.play({ source: view, at: 6, clipId: 'c06' })
    store.queue.add(['c01'], true)
    const state = store.queue.clear()
    expect(state).toMatchObject({ length: 1, index: 0 })
    expect(state.current?.id).toBe('c06')
  })
})

describe('shuffle', () => {
  const sorted = (list: string[]): string[] => [...list].sort()

  it('shuffle all plays every clip of the view once, in a new order', () => {
    const state = store.queue.play({ source: view, shuffle: true })
    expect(state).toMatchObject({ length: 12, index: 0, shuffle: true })
    const order = titles()
    expect(sorted(order)).toEqual(ids)
    expect(order[0]).toBe(state.current?.id)
  })

  it('turning shuffle on keeps the clip playing first; off puts the view order back at that clip', () => {
    store.queue.play({ source: view, at: 7, clipId: 'c07' })
    const on = store.queue.setOptions({ shuffle: true })
    expect(on).toMatchObject({ index: 0, shuffle: true, length: 12 })
    expect(on.current?.id).toBe('c07')
    expect(sorted(titles())).toEqual(ids)
    const next = store.queue.step(1).current?.id
    const off = store.queue.setOptions({ shuffle: false })
    expect(off.shuffle).toBe(false)
    expect(off.current?.id).toBe(next)
    expect(titles()).toEqual(ids)
    expect(off.index).toBe(ids.indexOf(next as string))
  })

  it('a shuffled queue is the same queue after a restart', async () => {
    store.queue.play({ source: view, shuffle: true })
    const before = titles()
    const current: QueueState = store.queue.step(1)
    await store.close()
    store = lib.open()
    expect(titles()).toEqual(before)
    expect(store.queue.state().current?.id).toBe(current.current?.id)
  })
})

describe('other sources', () => {
  it('plays a playlist in its order and a hand-picked list', async () => {
    const list = await store.playlists.create({ name: 'Mix', clipIds: ['c05', 'c01', 'c09'] })
    const state = store.queue.play({
      source: { kind: 'playlist', id: list.id },
      at: 1,
      clipId: 'c01'
    })
    expect(state).toMatchObject({ length: 3, index: 1 })
    expect(titles()).toEqual(['c05', 'c01', 'c09'])
    store.queue.play({ source: { kind: 'clips', ids: ['c03', 'c02'] } })
    expect(titles()).toEqual(['c03', 'c02'])
  })

  it('a "select all" with exceptions is a reference too', () => {
    const state = store.queue.play({ source: { ...view, exclude: ['c00', 'c01'] } })
    expect(state.length).toBe(10)
    expect(state.current?.id).toBe('c02')
  })
})
