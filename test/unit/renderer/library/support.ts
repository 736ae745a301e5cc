import { cleanup } from '@testing-library/react'
import { afterEach, beforeAll } from 'vitest'
import type {
  ClipDetail,
  ClipRow,
  Facets,
  LibraryFilter,
  LibraryPage,
  LibraryQuery
} from '../../../../src/shared/domain'
import { initI18n } from '../../../../src/renderer/src/i18n'
import { resetClipStore } from '../../../../src/renderer/src/store/clip-store'
import { resetLibraryStore } from '../../../../src/renderer/src/store/library-store'
import { resetLibraryTagsStore } from '../../../../src/renderer/src/store/library-tags-store'
import { resetLibraryUiStore } from '../../../../src/renderer/src/store/library-ui-store'
import { resetSelectionStore } from '../../../../src/renderer/src/store/selection-store'
import { installFakeApi, type FakeApi } from '../support/fake-api'

// Shared by the library, clip and tags tests: English UI, a sized viewport for the
// virtual list (jsdom lays nothing out), fresh stores, and an in-memory library behind
// the fake bridge that filters, sorts and pages like the core.

export function setupLibraryTests(): void {
  beforeAll(() => {
    initI18n('en')
    // TanStack Virtual reads the scroll element's client size; jsdom reports 0.
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get: () => 600
    })
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
      configurable: true,
      get: () => 1000
    })
  })
  afterEach(() => {
    cleanup()
    localStorage.clear()
    resetLibraryStore()
    resetSelectionStore()
    resetClipStore()
    resetLibraryTagsStore()
    resetLibraryUiStore()
  })
}

export function makeRow(i: number, patch: Partial<ClipRow> = {}): ClipRow {
  return {
    id: `clip-${String(i).padStart(5, '0')}`,
    taskId: `task-${Math.floor(i / 2)}`,
    title: `Song ${i}`,
    styleTags: i % 2 === 0 ? 'synthwave, female vocals' : 'lo-fi, piano',
    model: i % 3 === 0 ? 'chirp-v4' : 'chirp-v3-5',
    durationSec: 120 + i,
    createdAt: 1_700_000_000_000 + i * 60_000,
    addedAt: 1_700_000_000_000 + i * 60_000,
    favorite: false,
    plays: 0,
    lastPlayedAt: null,
    userTags: [],
    hasAudio: true,
    hasVideo: i % 4 === 0,
    hasCover: i % 5 !== 0,
    downloadState: 'done',
    generationFailed: false,
    ...patch
  }
}

export function makeDetail(row: ClipRow, patch: Partial<ClipDetail> = {}): ClipDetail {
  return {
    ...row,
    lyrics: null,
    descriptionPrompt: null,
    majorModelVersion: null,
    status: 'complete',
    continueClipId: null,
    continueAt: null,
    extendedBy: [],
    parent: null,
    siblings: [],
    files: [],
    ...patch
  }
}

function matches(row: ClipRow, f: LibraryFilter): boolean {
  if (f.search && !row.title.toLowerCase().includes(f.search.toLowerCase())) return false
  if (f.userTags && !f.userTags.every((t) => row.userTags.includes(t))) return false
  if (f.favorite && !row.favorite) return false
  if (f.hasVideo && !row.hasVideo) return false
  if (f.model && row.model !== f.model) return false
  if (f.styleTag && !(row.styleTags ?? '').split(', ').includes(f.styleTag)) return false
  if (f.styleTags && !f.styleTags.every((st) => (row.styleTags ?? '').split(', ').includes(st)))
    return false
  if (f.addedSince !== undefined && row.addedAt < f.addedSince) return false
  return true
}

function count(values: string[]): { value: string; count: number }[] {
  const map = new Map<string, number>()
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1)
  return [...map].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count)
}

export interface FakeLibrary {
  rows: ClipRow[]
  details: Map<string, ClipDetail>
  fake: FakeApi
  queries(): LibraryQuery[]
}

/** Installs the fake bridge over an in-memory library of `rows`. Like main, each write
 * announces what it changed (`library-changed`, as library/changes.ts publishes it) before
 * it answers; `announce: false` leaves that to the test, for changes made "elsewhere". */
export function installFakeLibrary(
  rows: ClipRow[],
  details: ClipDetail[] = [],
  opts: { announce?: boolean } = {}
): FakeLibrary {
  const lib = {
    rows,
    details: new Map(details.map((d) => [d.id, d]))
  }
  const announce = (clipIds: string[], membership = false): void => {
    if (opts.announce === false || clipIds.length === 0) return
    fake.emit('library-changed', {
      kind: 'clips',
      clipIds,
      taskIds: [],
      playlistIds: [],
      membership,
      facetsDirty: true
    })
  }
  const query = (q: LibraryQuery): LibraryPage => {
    const hit = lib.rows.filter((r) => matches(r, q))
    const dir = q.dir === 'asc' ? 1 : -1
    const key = q.sort ?? 'created'
    hit.sort((a, b) => {
      const va =
        key === 'title'
          ? a.title
          : key === 'duration'
            ? (a.durationSec ?? 0)
            : key === 'plays'
              ? a.plays
              : (a.createdAt ?? 0)
      const vb =
        key === 'title'
          ? b.title
          : key === 'duration'
            ? (b.durationSec ?? 0)
            : key === 'plays'
              ? b.plays
              : (b.createdAt ?? 0)
      return (va < vb ? -1 : va > vb ? 1 : 0) * dir
    })
    const offset = q.offset ?? 0
    return { rows: hit.slice(offset, offset + (q.limit ?? 200)), total: hit.length, offset }
  }
  const facets = (f: LibraryFilter): Facets => {
    const hit = lib.rows.filter((r) => matches(r, f))
    return {
      total: hit.length,
      favorites: hit.filter((r) => r.favorite).length,
      withVideo: hit.filter((r) => r.hasVideo).length,
      userTags: count(hit.flatMap((r) => r.userTags)),
      styleTags: count(hit.flatMap((r) => (r.styleTags ?? '').split(', ').filter(Boolean))),
      models: count(hit.flatMap((r) => (r.model ? [r.model] : [])))
    }
  }
  const update = (ids: string[], change: (row: ClipRow) => ClipRow): number => {
    const touched: string[] = []
    lib.rows = lib.rows.map((r) => {
      if (!ids.includes(r.id)) return r
      touched.push(r.id)
      return change(r)
    })
    result.rows = lib.rows
    announce(touched)
    return touched.length
  }
  const fake = installFakeApi({
    queryLibrary: (q) => query(q),
    getFacets: (f) => facets(f ?? {}),
    clipRowsByIds: ({ ids, filter }) => {
      const rows = lib.rows.filter((r) => ids.includes(r.id))
      return {
        rows,
        matching: rows.filter((r) => matches(r, filter ?? {})).map((r) => r.id)
      }
    },
    getClip: ({ id }) => {
      const row = lib.rows.find((r) => r.id === id)
      if (!row) return null
      return { ...(lib.details.get(id) ?? makeDetail(row)), ...row }
    },
    setFavorite: ({ ids, favorite }) => ({ changed: update(ids, (r) => ({ ...r, favorite })) }),
    tagClips: ({ ids, add = [], remove = [] }) => ({
      changed: update(ids, (r) => ({
        ...r,
        userTags: [...new Set([...r.userTags.filter((t) => !remove.includes(t)), ...add])]
      }))
    }),
    listTags: () =>
      count(lib.rows.flatMap((r) => r.userTags)).map((c) => ({ name: c.value, count: c.count })),
    renameTag: ({ from, to }) => ({
      changed: update(
        lib.rows.filter((r) => r.userTags.includes(from)).map((r) => r.id),
        (r) => ({ ...r, userTags: [...new Set(r.userTags.map((t) => (t === from ? to : t)))] })
      )
    }),
    mergeTags: ({ from, into }) => ({
      changed: update(
        lib.rows.filter((r) => r.userTags.some((t) => from.includes(t))).map((r) => r.id),
        (r) => ({
          ...r,
          userTags: [...new Set(r.userTags.map((t) => (from.includes(t) ? into : t)))]
        })
      )
    }),
    deleteTag: ({ name }) => ({
      changed: update(
        lib.rows.filter((r) => r.userTags.includes(name)).map((r) => r.id),
        (r) => ({ ...r, userTags: r.userTags.filter((t) => t !== name) })
      )
    }),
    deleteClips: ({ ids }) => {
      const gone = lib.rows.filter((r) => ids.includes(r.id)).map((r) => r.id)
      lib.rows = lib.rows.filter((r) => !ids.includes(r.id))
      result.rows = lib.rows
      announce(gone, true)
      return { deleted: gone.length }
    },
    exportPlaylist: () => ({ path: '/tmp/playlist.m3u8' }),
    revealClip: () => ({ ok: true }),
    startDrag: () => ({ ok: true }),
    getAppInfo: () => ({
      name: 'Songshelf',
      version: '0.1.0',
      dataDir: '/data',
      libraryDir: '/music/Songshelf',
      libraryAvailable: true,
      platform: 'linux',
      transport: 'web-preview',
      sqliteVersion: '3.50.0',
      fts5: true
    })
  })
  const result: FakeLibrary = {
    rows: lib.rows,
    details: lib.details,
    fake,
    queries: () =>
      fake.calls.filter((c) => c.method === 'queryLibrary').map((c) => c.request as LibraryQuery)
  }
  return result
}
