import { DatabaseSync } from 'node:sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SmartRule } from '../../../../src/shared/playlists'
import { playlistTitlePrefixArgs } from '../../../../src/shared/playlist-schemas'
import { clip, T0, task, tempLibrary, type TempLibrary } from './helpers'

// Issue 13: the type-ahead works inside a playlist too, in the playlist's own order (a
// manual playlist's positions, a smart one's rule and limit), across every item rather
// than the rows the renderer has loaded. The core answers with two indexed reads; this
// checks it against reading the whole playlist.

const TITLES = [
  'City Lights',
  'Harbour',
  'Cityscape',
  'Ｃｉｔｙ Ｒａｉｎ',
  'Éclair',
  'eclipse',
  'harbour lights',
  '夜の街',
  'Zebra',
  'city lights'
]
const ids = TITLES.map((_, i) => `pt-${String(i).padStart(2, '0')}`)

let lib: TempLibrary
let manual: string

beforeAll(async () => {
  lib = await tempLibrary()
  const clips = TITLES.map((title, i) =>
    clip(ids[i] as string, {
      title,
      durationSec: 100 + (i % 4) * 10,
      createdAt: T0 - i * 60_000,
      raw: { id: ids[i], title }
    })
  )
  lib.store.recordTaskResults([task('pt-task', clips)], T0, { downloadVideo: false })
  lib.store.setFavorite([ids[0], ids[2], ids[4], ids[6], ids[9]] as string[], true)
  // Not in title or library order, a clip twice, then moved about so positions have ties
  // and gaps the way real edits leave them.
  const order = [8, 5, 9, 1, 3, 0, 7, 2, 6, 4, 9, 1].map((i) => ids[i] as string)
  manual = (await lib.store.playlists.create({ name: 'Mixed', clipIds: order })).id
  const items = lib.store.playlists.query(manual).itemIds
  await lib.store.playlists.move(manual, [items[6] as number, items[2] as number], 1)
  await lib.store.playlists.add(manual, [ids[3] as string, ids[7] as string], 4)
})
afterAll(async () => lib.cleanup())

const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .normalize('NFC')

/** The slow way: every page of the playlist, folded in JS. */
function bruteForce(id: string, prefix: string): number | null {
  const titles: string[] = []
  for (let offset = 0; ; offset += 3) {
    const page = lib.store.playlists.query(id, offset, 3)
    titles.push(...page.rows.map((row) => row.title))
    if (page.rows.length < 3) break
  }
  const index = titles.findIndex((title) => fold(title).startsWith(fold(prefix).trimStart()))
  return index < 0 ? null : index
}

const PREFIXES = ['c', 'city', 'city ', 'CITY L', 'ecl', 'h', 'harbour l', '夜', 'z', 'q']

describe('type-ahead inside a playlist', () => {
  it('a manual playlist: the first item in its positions, duplicates and moves included', () => {
    for (const prefix of PREFIXES) {
      expect(lib.store.playlists.titleIndex(manual, prefix), prefix).toBe(
        bruteForce(manual, prefix)
      )
    }
    // Not the library's order: "Zebra" was put first.
    expect(lib.store.playlists.titleIndex(manual, 'zeb')).toBe(0)
  })

  it('a smart playlist follows its rule, its sort and its limit', async () => {
    const rules: SmartRule[] = [
      { filter: {}, sort: 'title', dir: 'desc' },
      { filter: { favorite: true }, sort: 'duration', dir: 'asc' },
      { filter: { search: 'lights' }, sort: 'created', dir: 'desc' },
      { filter: {}, sort: 'created', dir: 'asc', limit: 4 }
    ]
    for (const rule of rules) {
      const smart = await lib.store.playlists.create({ name: `Smart ${rules.indexOf(rule)}`, rule })
      for (const prefix of PREFIXES) {
        expect(
          lib.store.playlists.titleIndex(smart.id, prefix),
          `${JSON.stringify(rule)} ${prefix}`
        ).toBe(bruteForce(smart.id, prefix))
      }
    }
    // Cut at 4 by its limit: the fifth created clip ("Éclair") is not in it.
    const limited = lib.store.playlists.list().find((p) => p.name === 'Smart 3')
    expect(limited && lib.store.playlists.titleIndex(limited.id, 'écl')).toBeNull()
  })

  it('an item whose clip left the index is neither found nor counted', async () => {
    const id = (await lib.store.playlists.create({ name: 'Gone', clipIds: [...ids] })).id
    // As after a rebuild that lost a clip: its item stays, but the playlist does not show it.
    const db = new DatabaseSync(lib.store.dbPath)
    try {
      db.exec('PRAGMA busy_timeout = 5000')
      db.prepare('DELETE FROM clips WHERE id = ?').run(ids[0] as string)
    } finally {
      db.close()
    }
    expect(lib.store.playlists.titleIndex(id, 'city l')).toBe(bruteForce(id, 'city l'))
    expect(lib.store.playlists.titleIndex(id, 'harbour')).toBe(0)
  })

  it('an unknown playlist is an error with a code; the schema bounds the prefix', () => {
    expect(() => lib.store.playlists.titleIndex('no-such-playlist', 'c')).toThrow(
      expect.objectContaining({ code: 'playlist_not_found' })
    )
    expect(playlistTitlePrefixArgs.safeParse({ id: manual, prefix: 'a' }).success).toBe(true)
    expect(playlistTitlePrefixArgs.safeParse({ id: manual, prefix: '' }).success).toBe(false)
    expect(playlistTitlePrefixArgs.safeParse({ id: manual, prefix: 'x'.repeat(101) }).success).toBe(
      false
    )
    expect(playlistTitlePrefixArgs.safeParse({ id: manual, prefix: 'a', x: 1 }).success).toBe(false)
  })
})
