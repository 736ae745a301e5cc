import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import type {
  LibraryFilter,
  LibraryQuery,
  NormalizedClip,
  NormalizedTask
} from '../../../../src/shared/domain'
import { seeded, pick } from '../../../../bench/kit'
import { clip, populate, task, T0, tempLibrary, type TempLibrary } from './helpers'

// Type-ahead looks in titles, styles, prompts and tags first (searchIn 'auto', issue 14
// §2), from an index without the lyrics, and widens to the lyrics when nothing else
// matches or when asked ('all'). Checked on real SQLite against a count done in JS, with
// CJK, tags, deletes, facets and an index built by an older version.

let lib: TempLibrary | null = null
afterEach(async () => {
  await lib?.cleanup()
  lib = null
})

const ids = (l: TempLibrary, q: LibraryQuery): string[] =>
  l.store.query({ limit: 500, ...q }).rows.map((row) => row.id)

const smallTasks = (): NormalizedTask[] => [
  task('t-1', [
    clip('c-title', { title: 'Neon Harbor', lyrics: 'quiet water', createdAt: T0 - 3000 }),
    clip('c-lyrics', { title: 'Slow Tide', lyrics: 'neon signs burn', createdAt: T0 - 2000 })
  ]),
  task('t-2', [
    clip('c-style', {
      title: 'Untitled',
      styleTags: 'neon-pop, dreamy',
      lyrics: 'la la',
      createdAt: T0 - 1000
    }),
    clip('c-cjk', {
      title: '夜晚城市',
      lyrics: '月光 下 的 街 ghostly refrain',
      styleTags: 'c-pop',
      createdAt: T0
    })
  ])
]

async function small(): Promise<TempLibrary> {
  const l = await tempLibrary()
  l.store.recordTaskResults(smallTasks(), T0, { downloadVideo: false })
  return l
}

describe('fields first, lyrics when asked or when nothing else matches', () => {
  it('finds titles and styles first and says where it looked', async () => {
    lib = await small()
    const page = lib.store.query({ search: 'neon', searchIn: 'auto' })
    expect(page.rows.map((r) => r.id)).toEqual(['c-style', 'c-title'])
    expect(page.total).toBe(2)
    expect(page.searchedIn).toBe('fields')
    // Every field, lyrics too: the default, and what "also in lyrics" widens to.
    expect(ids(lib, { search: 'neon' })).toEqual(['c-style', 'c-lyrics', 'c-title'])
    expect(ids(lib, { search: 'neon', searchIn: 'all' })).toEqual(ids(lib, { search: 'neon' }))
    expect(lib.store.query({ search: 'neon', searchIn: 'all' }).searchedIn).toBe('all')
    // A query without a scope answers as before, without saying where it looked.
    expect(lib.store.query({ search: 'neon' }).searchedIn).toBeUndefined()
  })

  it('still finds a song by its lyrics when nothing else matches', async () => {
    lib = await small()
    const page = lib.store.query({ search: 'burn', searchIn: 'auto' })
    expect(page.rows.map((r) => r.id)).toEqual(['c-lyrics'])
    expect(page.searchedIn).toBe('all')
    expect(ids(lib, { search: 'burn', searchIn: 'fields' })).toEqual([])
    expect(lib.store.query({ search: 'zzqx', searchIn: 'auto' })).toMatchObject({
      total: 0,
      rows: []
    })
  })

  it('leaves the lyrics out without FTS too, when asked for the fields only', async () => {
    lib = await tempLibrary({ disableFts: true })
    lib.store.recordTaskResults(smallTasks(), T0, { downloadVideo: false })
    expect(ids(lib, { search: 'burn', searchIn: 'fields' })).toEqual([])
    expect(ids(lib, { search: 'burn', searchIn: 'all' })).toEqual(['c-lyrics'])
    // Without FTS 'auto' looks everywhere (deciding would cost a second scan).
    expect(ids(lib, { search: 'burn', searchIn: 'auto' })).toEqual(['c-lyrics'])
    expect(ids(lib, { search: 'neon', searchIn: 'fields' })).toEqual(['c-style', 'c-title'])
  })

  it('keeps CJK search working in both indexes', async () => {
    lib = await small()
    expect(ids(lib, { search: '城市', searchIn: 'auto' })).toEqual(['c-cjk'])
    expect(ids(lib, { search: '夜', searchIn: 'fields' })).toEqual(['c-cjk'])
    // 月光 is only in the lyrics.
    expect(ids(lib, { search: '月光', searchIn: 'fields' })).toEqual([])
    expect(lib.store.query({ search: '月光', searchIn: 'auto' })).toMatchObject({
      total: 1,
      searchedIn: 'all'
    })
  })

  it('follows tag edits, text changes and deletes in the lyrics-free index', async () => {
    lib = await small()
    expect(ids(lib, { search: 'roadtrip', searchIn: 'fields' })).toEqual([])
    lib.store.tagClips(['c-lyrics'], { add: ['roadtrip'] })
    expect(ids(lib, { search: 'roadtrip', searchIn: 'fields' })).toEqual(['c-lyrics'])
    // A tag is a field: the song now matches "neon ro" outside its lyrics too.
    expect(ids(lib, { search: 'neon road', searchIn: 'auto' })).toEqual(['c-lyrics'])
    lib.store.tagClips(['c-lyrics'], { remove: ['roadtrip'] })
    expect(ids(lib, { search: 'roadtrip', searchIn: 'auto' })).toEqual([])
    // The gateway renames a song: the old title no longer matches, the new one does.
    lib.store.recordTaskResults(
      [task('t-1', [clip('c-title', { title: 'Harbor Lights', lyrics: 'quiet water' })])],
      T0 + 1,
      { downloadVideo: false }
    )
    expect(ids(lib, { search: 'neon', searchIn: 'fields' })).toEqual(['c-style'])
    expect(ids(lib, { search: 'harbor', searchIn: 'fields' })).toEqual(['c-title'])
    await lib.store.deleteClips(['c-style'])
    expect(ids(lib, { search: 'neon', searchIn: 'fields' })).toEqual([])
    expect(lib.store.query({ search: 'neon', searchIn: 'auto' })).toMatchObject({
      total: 1,
      searchedIn: 'all'
    })
  })

  it('builds the lyrics-free index for a library indexed by an older version', async () => {
    lib = await small()
    await lib.store.close()
    const raw = new DatabaseSync(join(lib.dataDir, 'library.sqlite'))
    raw.exec("DROP TABLE clips_fts_fields; UPDATE meta SET value = '2' WHERE key = 'fts_version'")
    raw.close()
    lib.store = lib.open()
    expect(ids(lib, { search: 'neon', searchIn: 'fields' })).toEqual(['c-style', 'c-title'])
  })

  it('rebuild re-creates the lyrics-free rows from the library folder', async () => {
    lib = await tempLibrary()
    await populate(lib.store, smallTasks())
    lib.store.tagClips(['c-lyrics'], { add: ['Neon nights'] })
    await lib.store.flush()
    const raw = new DatabaseSync(join(lib.dataDir, 'library.sqlite'))
    raw.exec("INSERT INTO clips_fts_fields (clips_fts_fields) VALUES ('delete-all')")
    raw.close()
    expect(ids(lib, { search: 'neon', searchIn: 'fields' })).toEqual([])
    await lib.store.rebuild()
    expect(ids(lib, { search: 'neon', searchIn: 'fields' })).toEqual([
      'c-style',
      'c-lyrics',
      'c-title'
    ])
  })
})

// A random library, each search checked against the same rules applied in JS: a clip
// matches when each typed word starts a word of one of the searched fields.
const WORDS = ['amber', 'amberly', 'bright', 'coast', 'drift', 'ember', 'fable', 'glow']
const words = (random: () => number, n: number): string =>
  Array.from({ length: n }, () => pick(random, WORDS)).join(' ')

interface Known {
  id: string
  createdAt: number
  fields: string[]
  all: string[]
  favorite: boolean
}

const tokens = (text: string): string[] => text.toLowerCase().split(/[^a-z]+/u)
const hits = (texts: string[], search: string): boolean =>
  search
    .toLowerCase()
    .split(/\s+/u)
    .filter(Boolean)
    .every((w) => texts.some((text) => tokens(text).some((t) => t.startsWith(w))))

describe('fields-first counts equal a count in JS', () => {
  it('for pages, totals, facets and facets brought up to date by difference', async () => {
    lib = await tempLibrary()
    const random = seeded(14)
    const known: Known[] = []
    const clips: NormalizedClip[] = []
    for (let i = 0; i < 300; i++) {
      const title = random() < 0.3 ? words(random, 1) : 'Untitled'
      const lyrics = words(random, 1 + Math.floor(random() * 4))
      const prompt = random() < 0.2 ? words(random, 2) : null
      const id = `c-${i}`
      clips.push(
        clip(id, {
          title,
          lyrics,
          descriptionPrompt: prompt,
          styleTags: 'lo-fi',
          createdAt: T0 + ((i * 7919) % 1000) * 1000
        })
      )
      known.push({
        id,
        createdAt: T0 + ((i * 7919) % 1000) * 1000,
        fields: [title, 'lo-fi', prompt ?? ''],
        all: [title, 'lo-fi', prompt ?? '', lyrics],
        favorite: false
      })
    }
    for (let i = 0; i < clips.length; i += 2) {
      lib.store.recordTaskResults([task(`t-${i}`, clips.slice(i, i + 2))], T0, {
        downloadVideo: false
      })
    }
    const tagged = known.filter((_, i) => i % 9 === 0)
    lib.store.tagClips(
      tagged.map((k) => k.id),
      { add: ['glowing'] }
    )
    for (const k of tagged) k.fields.push('glowing')
    for (const k of tagged) k.all.push('glowing')

    const expected = (filter: LibraryFilter): Known[] => {
      const search = filter.search ?? ''
      const inFields = known.filter((k) => hits(k.fields, search))
      const scope =
        filter.searchIn === 'fields' || (filter.searchIn === 'auto' && inFields.length > 0)
          ? inFields
          : known.filter((k) => hits(k.all, search))
      return scope
        .filter((k) => filter.favorite !== true || k.favorite)
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
    }
    const check = (filter: LibraryFilter): void => {
      const want = expected(filter)
      const page = lib!.store.query({ ...filter, limit: 50 })
      expect(page.total, JSON.stringify(filter)).toBe(want.length)
      expect(page.rows.map((r) => r.id)).toEqual(want.slice(0, 50).map((k) => k.id))
      expect(lib!.store.facets(filter).total, JSON.stringify(filter)).toBe(want.length)
    }
    const searches = ['amber', 'amberl', 'a', 'glow', 'glowi', 'coast drift', 'fable e', 'zz']
    for (const search of searches) {
      for (const searchIn of ['auto', 'fields', 'all'] as const) {
        check({ search, searchIn })
        check({ search, searchIn, favorite: true })
      }
    }
    // Favourites change the facets by difference (a write the search index does not see).
    const starred = known.filter((_, i) => i % 4 === 1)
    lib.store.setFavorite(
      starred.map((k) => k.id),
      true
    )
    for (const k of starred) k.favorite = true
    for (const search of searches) check({ search, searchIn: 'auto', favorite: true })
    // At least one search above widened to the lyrics, and one stayed in the fields.
    const scopes = searches.map(
      (search) => lib!.store.query({ search, searchIn: 'auto' }).searchedIn
    )
    expect(scopes).toContain('fields')
    expect(scopes).toContain('all')
  })
})

describe('a word every song carries', () => {
  it('filters nothing while every clip matches, and again once one does not', async () => {
    lib = await tempLibrary()
    const tasks: NormalizedTask[] = []
    for (let i = 0; i < 1002; i += 2) {
      tasks.push(
        task(`t-${i}`, [
          clip(`c-${i}`, { lyrics: `[Chorus] line ${i}`, createdAt: T0 + i }),
          clip(`c-${i + 1}`, { lyrics: `[Chorus] line ${i}`, createdAt: T0 + i + 1 })
        ])
      )
    }
    lib.store.recordTaskResults(tasks, T0, { downloadVideo: false })
    const all = lib.store.query({ limit: 100 })
    expect(lib.store.query({ search: 'chorus', searchIn: 'auto', limit: 100 })).toMatchObject({
      total: 1002,
      rows: all.rows,
      searchedIn: 'all'
    })
    expect(lib.store.facets({ search: 'chorus', searchIn: 'auto' }).total).toBe(1002)
    // The newest song has no chorus: it is left out, by the index again.
    lib.store.recordTaskResults(
      [task('t-new', [clip('c-new', { lyrics: 'no hook here', createdAt: T0 + 5000 })])],
      T0,
      { downloadVideo: false }
    )
    const page = lib.store.query({ search: 'chorus', searchIn: 'auto', limit: 100 })
    expect(page.total).toBe(1002)
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.map((r) => r.id))
    expect(lib.store.facets({ search: 'chorus', searchIn: 'auto' }).total).toBe(1002)
    expect(lib.store.query({ limit: 1 }).rows[0]?.id).toBe('c-new')
  })
})
