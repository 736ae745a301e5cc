import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db, Param } from '../../../../../src/main/core/library/db'
import { recordListen } from '../../../../../src/main/core/library/history'
import { orderSql } from '../../../../../src/main/core/library/queries/filter-sql'
import { PLAYABLE } from '../../../../../src/main/core/library/queue/sequence'
import { createPlayQueue, type PlayQueue } from '../../../../../src/main/core/library/queue/store'
import type { SortDir, SortKey } from '../../../../../src/shared/domain'
import type { QueueSource } from '../../../../../src/shared/queue'
import { T0, tempLibrary, type TempLibrary } from '../helpers'
import { SORTS, largestOffset, recordedDb, seedSortTies } from '../sort-ties'

// Issue 14 §3: a step deep in a queue read `LIMIT 1 OFFSET n` (~120 ms at 50,000 of
// 100,000 clips). The queue now walks the sort's index from the clip it was on (keyset).
// These check, on real SQLite, that the walk gives exactly the order OFFSET gives for
// every sort the queue knows, in both directions, with ties and NULLs in every sort
// column and clips that cannot play among them; that a shuffled order walks the same
// way; that a write which moves rows (from this connection or another) is followed; and
// that a step at position n no longer skips n rows.

const N = 240
const DIRS: readonly (SortDir | undefined)[] = ['asc', 'desc', undefined]

let lib: TempLibrary
let db: Db
/** Every statement the queue ran, with its parameters. */
const ran: { sql: string; params: Param[] }[] = []

function queueOn(connection: Db): PlayQueue {
  return createPlayQueue({
    db: connection,
    mode: 'fts5',
    playlistClipIds: () => [],
    seed: () => 12345
  })
}

/** The order by definition: one ORDER BY over every playable clip of the view. */
function expected(sort: SortKey, dir: SortDir | undefined): string[] {
  const raw = new DatabaseSync(lib.store.dbPath, { readOnly: true })
  try {
    return raw
      .prepare(`SELECT c.id FROM clips c WHERE ${PLAYABLE} ORDER BY ${orderSql(sort, dir)}`)
      .all()
      .map((row) => String(row.id))
  } finally {
    raw.close()
  }
}

beforeEach(async () => {
  lib = await tempLibrary()
  await seedSortTies(lib, N)
  ran.length = 0
  db = recordedDb(lib.store.dbPath, ran)
})
afterEach(async () => {
  db.close()
  await lib.cleanup()
})

describe('the queue walks its order from the clip it is on (keyset), as OFFSET would', () => {
  for (const sort of SORTS)
    for (const dir of DIRS)
      it(`${sort} ${dir ?? '(default)'}: Next, Previous and windows give the ORDER BY order`, () => {
        const order = expected(sort, dir)
        expect(order.length).toBeGreaterThan(200)
        const queue = queueOn(db)
        const source: QueueSource = { kind: 'library', filter: {}, sort, ...(dir ? { dir } : {}) }
        const forward = [queue.play({ source }).current?.id]
        for (;;) {
          const state = queue.step(1)
          if (state.ended === true) break
          expect(state.index).toBe(forward.length)
          forward.push(state.current?.id)
        }
        expect(forward).toEqual(order)
        const back: (string | undefined)[] = [queue.state().current?.id]
        for (let i = order.length - 2; i >= 0; i--) {
          const state = queue.step(-1)
          expect(state.index).toBe(i)
          back.push(state.current?.id)
        }
        expect(back.reverse()).toEqual(order)
        // Windows before and after the places read last, as the queue panel scrolls.
        for (const offset of [150, 140, 147, 0, 3, 200, 60, 55, 58])
          expect(queue.window(offset, 7).entries.map((e) => e.clip.id)).toEqual(
            order.slice(offset, offset + 7)
          )
        // Played from a row deep in the view, then onwards.
        expect(queue.play({ source, at: 180, clipId: order[180] }).index).toBe(180)
        expect(queue.step(1).current?.id).toBe(order[181])
      })

  it('a shuffled order walks the same way, with clips that can no longer play left out', () => {
    const queue = queueOn(db)
    const source: QueueSource = { kind: 'library', filter: {} }
    const first = queue.play({ source, shuffle: true })
    const shuffled = (): string[] => {
      const raw = new DatabaseSync(lib.store.dbPath, { readOnly: true })
      try {
        return raw
          .prepare(
            `SELECT c.id FROM queue_order q JOIN clips c ON c.id = q.clip_id
             WHERE ${PLAYABLE} ORDER BY q.pos`
          )
          .all()
          .map((row) => String(row.id))
      } finally {
        raw.close()
      }
    }
    const before = shuffled()
    expect(first.current?.id).toBe(before[0])
    for (let i = 1; i < 100; i++) expect(queue.step(1).current?.id).toBe(before[i])
    // Another connection (the CLI) takes the audio of clips ahead of and behind the cursor.
    const gone = [before[3], before[150], before[151]] as string[]
    const raw = new DatabaseSync(lib.store.dbPath)
    raw.prepare('UPDATE clips SET has_audio = 0 WHERE id IN (?, ?, ?)').run(...gone)
    raw.close()
    const after = shuffled()
    expect(after).toEqual(before.filter((x) => !gone.includes(x)))
    const at = queue.state()
    expect(at.current?.id).toBe(before[99])
    expect(at.index).toBe(98)
    const rest: (string | undefined)[] = []
    for (;;) {
      const state = queue.step(1)
      if (state.ended === true) break
      rest.push(state.current?.id)
    }
    expect(rest).toEqual(after.slice(99))
    expect(queue.window(140, 20).entries.map((e) => e.clip.id)).toEqual(after.slice(140, 160))
  })

  it('follows a write that moves rows before the cursor, from this connection or another', () => {
    const queue = queueOn(db)
    const source: QueueSource = { kind: 'library', filter: {}, sort: 'title', dir: 'asc' }
    const order = expected('title', 'asc')
    queue.play({ source, at: 120, clipId: order[120] })
    expect(queue.step(1).current?.id).toBe(order[121])
    // This connection: a clip before the cursor is renamed past it.
    db.run(`UPDATE clips SET title_key = 'zzz' WHERE id = ?`, order[5] as string)
    let now = expected('title', 'asc')
    expect(queue.state()).toMatchObject({ index: now.indexOf(order[121] as string) })
    expect(queue.step(1).current?.id).toBe(now[now.indexOf(order[121] as string) + 1])
    // Another connection: a clip sorting first loses its audio.
    const raw = new DatabaseSync(lib.store.dbPath)
    raw.prepare('UPDATE clips SET has_audio = 0 WHERE id = ?').run(now[0] as string)
    raw.close()
    const current = queue.state().current?.id as string
    now = expected('title', 'asc')
    expect(queue.state().index).toBe(now.indexOf(current))
    expect(queue.step(1).current?.id).toBe(now[now.indexOf(current) + 1])
  })

  it('a play count moves a clip in a queue sorted by plays, not in one sorted by date', () => {
    for (const sort of ['plays', 'created'] as const) {
      const queue = queueOn(db)
      const source: QueueSource = { kind: 'library', filter: {}, sort, dir: 'desc' }
      const order = expected(sort, 'desc')
      queue.play({ source, at: 100, clipId: order[100] })
      // A song after the current one is played through three times, on the queue's own
      // connection (as in the app): by plays it now sorts before the current one.
      const played = order[150] as string
      for (let k = 0; k < 3; k++) {
        recordListen(db, { clipId: played, kind: 'start', at: T0 + k, positionMs: 0 })
        recordListen(db, {
          clipId: played,
          kind: 'finish',
          at: T0 + k + 1,
          positionMs: 1000,
          listenedMs: 1000
        })
      }
      const now = expected(sort, 'desc')
      if (sort === 'plays') expect(now).not.toEqual(order)
      else expect(now).toEqual(order)
      const state = queue.state()
      expect(state.current?.id).toBe(order[100])
      expect(state.index).toBe(sort === 'plays' ? 101 : 100)
      expect(now.indexOf(order[100] as string)).toBe(state.index)
      expect(queue.step(1).current?.id).toBe(now[now.indexOf(order[100] as string) + 1])
    }
  })

  it('Next deep in the queue reads from the current clip, not OFFSET n (failed before: OFFSET 205)', () => {
    const queue = queueOn(db)
    const order = expected('created', 'desc')
    const source: QueueSource = { kind: 'library', filter: {}, sort: 'created', dir: 'desc' }
    queue.play({ source, at: 200, clipId: order[200] })
    ran.length = 0
    for (let i = 1; i <= 5; i++) expect(queue.step(1).current?.id).toBe(order[200 + i])
    queue.window(198, 12)
    expect(largestOffset(ran)).toBeLessThanOrEqual(1)
    // A listen in between (the player records one per song) keeps it so for a date sort.
    recordListen(db, { clipId: order[205] as string, kind: 'start', at: T0, positionMs: 0 })
    ran.length = 0
    expect(queue.step(1).current?.id).toBe(order[206])
    expect(largestOffset(ran)).toBeLessThanOrEqual(1)
  })

  it('select all with clips ctrl-clicked away counts from clips_playable and looks the exceptions up by id (failed before: the NOT IN read every row)', () => {
    const queue = queueOn(db)
    const order = expected('created', 'desc')
    const unplayable = 'k0003' // has_audio 0 (3 % 17 = 3)
    expect(order).not.toContain(unplayable)
    const exclude = [order[7] as string, order[7] as string, unplayable, 'no-such-clip']
    const source: QueueSource = { kind: 'library', filter: {}, exclude }
    ran.length = 0
    const state = queue.play({ source })
    const view = new DatabaseSync(lib.store.dbPath, { readOnly: true })
    try {
      expect(state.length).toBe(order.length - 1)
      const counts = ran.filter((r) => /^SELECT count\(\*\) AS n FROM clips c\b/.test(r.sql))
      expect(counts.length).toBeGreaterThan(0)
      for (const { sql, params } of counts) {
        const plan = view
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...params)
          .map((row) => String(row.detail))
        // Before: "SEARCH c USING INDEX clips_playable (has_audio=?)" and the row for c.id.
        for (const line of plan) expect(line).toMatch(/COVERING INDEX|\(id=\?\)/)
      }
    } finally {
      view.close()
    }
  })
})
