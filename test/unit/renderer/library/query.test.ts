import { describe, expect, it, vi } from 'vitest'
import {
  cleanFilter,
  isFiltered,
  nextSort,
  recentSince,
  sentFilter,
  toLibraryQuery
} from '../../../../src/renderer/src/store/library-query'
import {
  SEARCH_FACETS_QUIET_MS,
  useLibraryStore
} from '../../../../src/renderer/src/store/library-store'
import { installFakeLibrary, makeRow, setupLibraryTests } from './support'

setupLibraryTests()

describe('query state → request', () => {
  it('sends only what narrows the list', () => {
    expect(
      cleanFilter({ search: '  ', userTags: [], favorite: false, hasVideo: false, model: '' })
    ).toEqual({})
    expect(
      toLibraryQuery(
        {
          filter: { search: ' rain ', userTags: ['keep'], favorite: true },
          sort: 'title',
          dir: 'asc'
        },
        400,
        200
      )
    ).toEqual({
      search: 'rain',
      searchIn: 'auto',
      userTags: ['keep'],
      favorite: true,
      generationFailed: false,
      sort: 'title',
      dir: 'asc',
      offset: 400,
      limit: 200
    })
    expect(isFiltered({ search: ' ' })).toBe(false)
    // A search looks at titles, styles, prompts and tags first unless widened; the choice
    // goes with the search.
    expect(sentFilter({ search: 'rain', searchIn: 'all' }).searchIn).toBe('all')
    expect(sentFilter({ searchIn: 'all' }).searchIn).toBeUndefined()
    expect(cleanFilter({ search: ' ', searchIn: 'all' })).toEqual({})
    expect(isFiltered({ hasVideo: true })).toBe(true)
  })

  it('sends the Instrumental facet (issue 16: it was dropped, so the button did nothing)', () => {
    expect(cleanFilter({ instrumental: true })).toEqual({ instrumental: true })
    expect(cleanFilter({ instrumental: false })).toEqual({ instrumental: false })
    expect(
      toLibraryQuery({ filter: { instrumental: true }, sort: 'created', dir: 'desc' }, 0, 50)
    ).toMatchObject({ instrumental: true })
    expect(isFiltered({ instrumental: true })).toBe(true)
  })

  it('a header click flips the same column and starts a new one at its natural direction', () => {
    expect(nextSort({ sort: 'created', dir: 'desc' }, 'created')).toEqual({
      sort: 'created',
      dir: 'asc'
    })
    expect(nextSort({ sort: 'created', dir: 'desc' }, 'title')).toEqual({
      sort: 'title',
      dir: 'asc'
    })
    expect(nextSort({ sort: 'title', dir: 'asc' }, 'plays')).toEqual({ sort: 'plays', dir: 'desc' })
  })

  it('"recently added" is a fixed instant seven days back, to the minute', () => {
    const now = Date.UTC(2026, 2, 10, 12, 30, 45)
    expect(recentSince(now)).toBe(Date.UTC(2026, 2, 3, 12, 30, 0))
  })
})

describe('the library store asks the core for the current query', () => {
  it('filters and sort choices become the next queryLibrary and getFacets requests', async () => {
    const lib = installFakeLibrary(Array.from({ length: 30 }, (_, i) => makeRow(i)))
    const { actions } = useLibraryStore.getState()
    await actions.ensureRange({ start: 0, end: 20 })
    expect(lib.queries().at(-1)).toEqual({
      generationFailed: false,
      sort: 'created',
      dir: 'desc',
      offset: 0,
      limit: 200
    })

    actions.toggleFavorites()
    actions.setModel('chirp-v4')
    actions.toggleUserTag('keep')
    actions.sortBy('title')
    await actions.ensureRange({ start: 0, end: 20 })
    await new Promise((r) => setTimeout(r, 0))
    expect(lib.queries().at(-1)).toEqual({
      favorite: true,
      model: 'chirp-v4',
      userTags: ['keep'],
      generationFailed: false,
      sort: 'title',
      dir: 'asc',
      offset: 0,
      limit: 200
    })
    const facetCall = lib.fake.calls.filter((c) => c.method === 'getFacets').at(-1)
    expect(facetCall?.request).toEqual({
      favorite: true,
      model: 'chirp-v4',
      userTags: ['keep'],
      generationFailed: false
    })

    actions.toggleUserTag('keep')
    actions.clearFilters()
    expect(useLibraryStore.getState().filter).toEqual({})
  })

  it('a new query empties the cache and ignores answers to the old one', async () => {
    let release: () => void = () => undefined
    const rows = Array.from({ length: 10 }, (_, i) => makeRow(i))
    const lib = installFakeLibrary(rows)
    const slow = lib.fake.api.queryLibrary
    lib.fake.api.queryLibrary = async (q) => {
      if (!q?.search) await new Promise<void>((r) => (release = r))
      return slow(q)
    }
    const { actions } = useLibraryStore.getState()
    const first = actions.ensureRange({ start: 0, end: 10 })
    actions.setSearch('Song 3')
    await new Promise((r) => setTimeout(r, 0))
    release()
    await first
    const state = useLibraryStore.getState()
    expect(state.total).toBe(1)
    expect(state.pages.get(0)?.map((r) => r.title)).toEqual(['Song 3'])
  })

  it('a slow answer to an older search never replaces the answer to a newer one', async () => {
    // Search as you type sends a search per key: "Song 1" is still in the core when
    // "Song 3" is sent and answered; the late "Song 1" rows, total and facets are dropped.
    const rows = Array.from({ length: 20 }, (_, i) => makeRow(i))
    const lib = installFakeLibrary(rows)
    const held: (() => void)[] = []
    const hold = (search: string | undefined): Promise<void> =>
      search === 'Song 1' ? new Promise<void>((r) => held.push(r)) : Promise.resolve()
    const query = lib.fake.api.queryLibrary
    lib.fake.api.queryLibrary = async (q) => {
      await hold(q?.search)
      return query(q)
    }
    const facets = lib.fake.api.getFacets
    lib.fake.api.getFacets = async (f) => {
      await hold(f?.search)
      return facets(f)
    }
    const { actions } = useLibraryStore.getState()
    await actions.ensureRange({ start: 0, end: 10 })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      actions.setSearch('Song 1')
      await vi.advanceTimersByTimeAsync(SEARCH_FACETS_QUIET_MS)
      actions.setSearch('Song 3')
      await vi.advanceTimersByTimeAsync(SEARCH_FACETS_QUIET_MS)
    } finally {
      vi.useRealTimers()
    }
    const answered = useLibraryStore.getState()
    expect(answered.total).toBe(1)
    expect(answered.pages.get(0)?.map((r) => r.title)).toEqual(['Song 3'])
    expect(answered.facets?.total).toBe(1)
    // The rows and the facets of "Song 1" are both still in the core.
    expect(held.length).toBe(2)
    for (const release of held) release()
    await new Promise((r) => setTimeout(r, 0))
    const after = useLibraryStore.getState()
    expect(after.filter.search).toBe('Song 3')
    expect(after.total).toBe(1)
    expect(after.totalVersion).toBe(after.queryVersion)
    expect(after.pages.get(0)?.map((r) => r.title)).toEqual(['Song 3'])
    expect(after.facets?.total).toBe(1)
  })

  it('typing asks the rows on every search, the facet counts once the text is still', async () => {
    // The facets of a search cost the core far more than its rows at 100,000 clips; asked
    // on every key they held the next key's rows back (bench/typing.bench.ts).
    const lib = installFakeLibrary(Array.from({ length: 20 }, (_, i) => makeRow(i)))
    const { actions } = useLibraryStore.getState()
    await actions.ensureRange({ start: 0, end: 10 })
    const facetSearches = (): unknown[] =>
      lib.fake.calls
        .filter((c) => c.method === 'getFacets')
        .map((c) => (c.request as { search?: string } | undefined)?.search)
        .filter(Boolean)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      for (const text of ['S', 'So', 'Son', 'Song', 'Song 1']) {
        actions.setSearch(text)
        await vi.advanceTimersByTimeAsync(SEARCH_FACETS_QUIET_MS / 3)
      }
      expect(
        lib
          .queries()
          .map((q) => q.search)
          .filter(Boolean)
      ).toEqual(['S', 'So', 'Son', 'Song', 'Song 1'])
      expect(facetSearches()).toEqual([])
      await vi.advanceTimersByTimeAsync(SEARCH_FACETS_QUIET_MS)
      expect(facetSearches()).toEqual(['Song 1'])
      expect(useLibraryStore.getState().facets?.total).toBe(11)
      // Any other filter asks its counts at once.
      actions.toggleFavorites()
      expect(lib.fake.calls.filter((c) => c.method === 'getFacets').at(-1)?.request).toMatchObject({
        search: 'Song 1',
        favorite: true
      })
    } finally {
      vi.useRealTimers()
    }
  })

  it('refresh keeps the rows on screen and swaps in the new ones when they arrive', async () => {
    const lib = installFakeLibrary(Array.from({ length: 500 }, (_, i) => makeRow(i)))
    const { actions } = useLibraryStore.getState()
    await actions.ensureRange({ start: 0, end: 20 })
    await new Promise((r) => setTimeout(r, 0))
    expect(useLibraryStore.getState().total).toBe(500)
    lib.rows.push(makeRow(999))
    const refreshing = actions.refresh()
    expect(useLibraryStore.getState().pages.get(0)?.length).toBe(200)
    await refreshing
    expect(useLibraryStore.getState().total).toBe(501)
    expect(useLibraryStore.getState().pages.get(0)?.[0]?.id).toBe('clip-00999')
  })
})

describe('a fast fling across a large library', () => {
  it('keeps at most two page requests in flight and then fetches the range on screen', async () => {
    const lib = installFakeLibrary(Array.from({ length: 20_000 }, (_, i) => makeRow(i)))
    const { actions } = useLibraryStore.getState()
    await actions.ensureRange({ start: 0, end: 20 })
    await new Promise((r) => setTimeout(r, 0))
    expect(useLibraryStore.getState().total).toBe(20_000)

    // From here on every page waits until the test lets it through, like a core busy
    // reading deep pages one after another.
    const answer = lib.fake.api.queryLibrary
    const waiting: (() => void)[] = []
    const asked: number[] = []
    let active = 0
    let mostActive = 0
    lib.fake.api.queryLibrary = async (q) => {
      asked.push(q?.offset ?? 0)
      active++
      mostActive = Math.max(mostActive, active)
      await new Promise<void>((r) => waiting.push(r))
      active--
      return answer(q)
    }
    // One range per frame of a two-second fling to the bottom.
    for (let frame = 1; frame <= 120; frame++) {
      const start = Math.min(19_980, Math.round((19_980 * frame) / 120))
      void actions.ensureRange({ start, end: start + 19 })
    }
    for (let i = 0; i < 50 && waiting.length > 0; i++) {
      waiting.shift()?.()
      await new Promise((r) => setTimeout(r, 0))
    }
    expect(waiting).toEqual([])
    expect(mostActive).toBeLessThanOrEqual(2)
    // The ranges passed on the way were not all queued: the old store asked for about
    // two pages per frame (over 200 requests) and showed the bottom only after all of them.
    expect(asked.length).toBeLessThanOrEqual(4)
    const bottom = useLibraryStore.getState().pages.get(19_800)
    expect(bottom?.at(-1)?.id).toBe(makeRow(0).id)
  })
})
