import { create } from 'zustand'
import type {
  ClipRow,
  ClipRowsAnswer,
  Facets,
  LibraryFilter,
  LibraryPage,
  SortDir,
  SortKey
} from '../../../shared/domain'
import { call } from '../lib/bridge'
import {
  offsetsToEvict,
  offsetsToFetch,
  MAX_PAGE_REQUESTS,
  PAGE_SIZE,
  pageOffsetsFor,
  rowAt,
  type PageCache,
  type VisibleRange
} from './library-paging'
import {
  cleanFilter,
  DEFAULT_SORT,
  nextSort,
  recentSince,
  sentFilter,
  toggleTag,
  toLibraryQuery,
  type QueryState
} from './library-query'
import { errorReason } from '../elements/ui-message'
import { planPatch, type ClipsBatch } from './library-patch'

// The library's query (filter + sort), the total it matches and a sparse cache of pages
// of rows around what is on screen. Rows are never all loaded: the virtual list asks for
// the range it shows (`ensureRange`) and far pages are dropped.

export type LibraryLayout = 'list' | 'grid'

/** What the list shows: the library's query, or one playlist in its own order (issue 15:
 * a playlist uses the same virtualised list and paging as the library). */
export type LibrarySource = { kind: 'library' } | { kind: 'playlist'; id: string }
export const LIBRARY_SOURCE: LibrarySource = { kind: 'library' }

const LAYOUT_KEY = 'songshelf:library-layout'
/** After a change of the search text, the facet counts are asked once the text has been
 * still this long. At 100,000 clips the counts of a search cost the core 20–80 ms (far
 * more under load) against a few ms for the rows, and the core answers one call at a
 * time: asked on every key, they held each next key's rows back (bench/typing.bench.ts). */
export const SEARCH_FACETS_QUIET_MS = 300
/** The largest page the contract allows, used when a range or a bulk action needs rows
 * that are not cached. */
const BULK_PAGE = 500

export interface LibraryState extends QueryState {
  layout: LibraryLayout
  source: LibrarySource
  /** Bumped whenever the query changes; pages, selection and scroll belong to one query. */
  queryVersion: number
  /** Clips matching the query; null until the first answer. */
  total: number | null
  /** The `queryVersion` that `total` was answered for. Behind `queryVersion` right after a
   * query change: the old total then says nothing about the new query (a 0 must not stop
   * the first page of the next one from being asked for). */
  totalVersion: number
  /** Where the current search looked, from the last page answered for this query: 'fields'
   * when lyrics were left out (the list then offers them); null without a search. */
  searchedIn: 'fields' | 'all' | null
  pages: PageCache
  /** The previous query's rows, shown (inert) until the new query's first page arrives,
   * so typing a search never flashes the list to placeholders and back: one render of
   * the rows per answer, not two (issue 14 §2). Nothing but the list reads them. */
  heldPages: PageCache
  facets: Facets | null
  /** The last failure to load rows, in plain words; null when the last load worked. */
  error: string | null
  actions: LibraryActions
}

export interface LibraryActions {
  setLayout: (layout: LibraryLayout) => void
  /** Shows the library or a playlist: a new query version, fresh pages. */
  setSource: (source: LibrarySource) => void
  /** The playlist item ids of rows `indices` (a manual playlist's rows), where loaded. */
  itemIdsAt: (indices: readonly number[]) => number[]
  setSearch: (text: string) => void
  /** Widens the current search to the lyrics too (until the search is cleared). */
  searchLyricsToo: () => void
  toggleUserTag: (tag: string) => void
  setStyleTag: (tag: string | null) => void
  /** Adds a style facet to the chosen ones (clips must have all of them) or removes it. */
  toggleStyleTag: (tag: string) => void
  setModel: (model: string | null) => void
  toggleFavorites: () => void
  toggleHasVideo: () => void
  /** Shows only clips upstream marked as without vocals (issue 16). */
  toggleInstrumental: () => void
  /** Shows only the failed generations (hidden from every other view). */
  toggleGenerationFailed: () => void
  toggleRecent: (now?: number) => void
  clearFilters: () => void
  /** Only the clips of one task, every other filter cleared (null: the filter goes). */
  showTask: (taskId: string | null) => void
  /** A column header click: same column flips direction. */
  sortBy: (key: SortKey) => void
  setSort: (sort: SortKey, dir: SortDir) => void
  /** Fetches the pages the visible range needs and drops far ones. */
  ensureRange: (range: VisibleRange) => Promise<void>
  /** Refetches the cached pages, the total and the facets (after `library-changed`),
   * keeping the rows on screen until the new ones arrive. */
  refresh: () => Promise<void>
  /** Applies merged `clips` changes: the named rows are read again and patched in the
   * cached pages (deleted or no longer matching rows taken out, the total lowered); only
   * what cannot be placed without the server's order refetches (library-patch.ts). */
  applyClips: (batch: ClipsBatch) => Promise<void>
  loadFacets: () => Promise<void>
  /** Rows `lo..hi` of the current query, from the cache or fetched (not cached). */
  rowsInRange: (lo: number, hi: number) => Promise<ClipRow[]>
  /** Every row of the current query, fetched in pages (bulk actions on "select all"). */
  allRows: () => Promise<ClipRow[]>
}

function readLayout(): LibraryLayout {
  try {
    return globalThis.localStorage?.getItem(LAYOUT_KEY) === 'grid' ? 'grid' : 'list'
  } catch {
    return 'list'
  }
}

function message(error: unknown): string {
  return errorReason(error)
}

type Data = Omit<LibraryState, 'actions'>

export function initialLibraryData(): Data {
  return {
    layout: readLayout(),
    source: LIBRARY_SOURCE,
    filter: {},
    ...DEFAULT_SORT,
    queryVersion: 0,
    total: null,
    totalVersion: 0,
    searchedIn: null,
    pages: new Map(),
    heldPages: new Map(),
    facets: null,
    error: null
  }
}

const NO_PAGES: PageCache = new Map()

/** The row the list shows at `index`: the current query's, or while its first page is
 * on the way, the previous query's (see `heldPages`). */
export function shownRowAt(state: LibraryState, index: number): ClipRow | undefined {
  return rowAt(state.pages, index) ?? rowAt(state.heldPages, index)
}

/** True while the list shows the previous query's rows (they take no clicks then). */
export function showsHeldRows(state: LibraryState): boolean {
  return state.pages.size === 0 && state.heldPages.size > 0
}

// Bookkeeping that no component renders, kept out of the state so it causes no renders.
interface Runtime {
  inFlight: Set<number>
  lastRange: VisibleRange
  /** A range's pages waited for a free request slot (MAX_PAGE_REQUESTS). */
  deferred: boolean
  refreshSeq: number
  facetSeq: number
  /** The facet request waiting for the search text to be still. */
  facetTimer: ReturnType<typeof setTimeout> | null
  /** A playlist's item ids by page offset, beside the rows of `pages`. */
  itemIds: Map<number, readonly number[]>
}
const freshRuntime = (): Runtime => ({
  itemIds: new Map(),
  inFlight: new Set(),
  lastRange: { start: 0, end: 50 },
  deferred: false,
  refreshSeq: 0,
  facetSeq: 0,
  facetTimer: null
})
let rt = freshRuntime()

export const useLibraryStore = create<LibraryState>()((set, get) => {
  const query = (): QueryState => {
    const { filter, sort, dir } = get()
    return { filter, sort, dir }
  }

  /** Applies a new filter/sort: a new query version, an empty cache, fresh fetches. The
   * facets follow at once, or `facetsAfterMs` after the last of a run of changes. */
  const changeQuery = (patch: Partial<QueryState>, facetsAfterMs = 0): void => {
    const next = { ...query(), ...patch }
    next.filter = cleanFilter(next.filter)
    const current = query()
    if (
      next.sort === current.sort &&
      next.dir === current.dir &&
      JSON.stringify(next.filter) === JSON.stringify(cleanFilter(current.filter))
    ) {
      return
    }
    rt.inFlight = new Set()
    set((s) => ({
      ...next,
      queryVersion: s.queryVersion + 1,
      pages: new Map(),
      heldPages: s.pages.size > 0 ? s.pages : s.heldPages,
      searchedIn: null,
      error: null
    }))
    const visible = Math.max(0, rt.lastRange.end - rt.lastRange.start)
    void get().actions.ensureRange({ start: 0, end: visible })
    if (rt.facetTimer !== null) clearTimeout(rt.facetTimer)
    rt.facetTimer = null
    if (facetsAfterMs > 0) {
      rt.facetTimer = setTimeout(() => {
        rt.facetTimer = null
        void get().actions.loadFacets()
      }, facetsAfterMs)
    } else {
      void get().actions.loadFacets()
    }
  }

  const changeFilter = (patch: (filter: LibraryFilter) => LibraryFilter): void =>
    changeQuery({ filter: patch({ ...get().filter }) })

  /** One page of whatever the list shows; a playlist's item ids are kept beside it. */
  const fetchPage = async (
    offset: number,
    limit: number,
    keepItems = false
  ): Promise<LibraryPage> => {
    const source = get().source
    if (source.kind === 'library')
      return call('queryLibrary', toLibraryQuery(query(), offset, limit))
    const page = await call('queryPlaylist', { id: source.id, offset, limit })
    if (keepItems && get().source === source) rt.itemIds.set(offset, page.itemIds)
    return page
  }

  /** Reads these cached pages again and puts them in place (rows stay until then). */
  const reloadPages = async (offsets: readonly number[], queryVersion: number): Promise<void> => {
    try {
      const answers = await Promise.all(offsets.map((o) => fetchPage(o, PAGE_SIZE, true)))
      if (get().queryVersion !== queryVersion) return
      set((s) => {
        const next = new Map(s.pages)
        answers.forEach((page, i) => {
          const offset = offsets[i] as number
          if (!next.has(offset)) return
          if (page.rows.length > 0) next.set(offset, page.rows)
          else next.delete(offset)
        })
        return { pages: next, total: answers.at(-1)?.total ?? s.total, error: null }
      })
    } catch (error) {
      if (get().queryVersion === queryVersion) set({ error: message(error) })
    }
  }

  const fetchChunk = async (offset: number, limit: number): Promise<ClipRow[]> =>
    (await fetchPage(offset, limit)).rows

  const actions: LibraryActions = {
    setLayout: (layout) => {
      try {
        globalThis.localStorage?.setItem(LAYOUT_KEY, layout)
      } catch {
        // Storage can be unavailable (private mode); the choice then lasts this session.
      }
      set({ layout })
    },
    setSource: (source) => {
      const current = get().source
      if (JSON.stringify(current) === JSON.stringify(source)) return
      rt.inFlight = new Set()
      rt.itemIds = new Map()
      set((s) => ({
        source,
        queryVersion: s.queryVersion + 1,
        pages: new Map(),
        heldPages: NO_PAGES,
        total: null,
        searchedIn: null,
        error: null
      }))
      const visible = Math.max(50, rt.lastRange.end - rt.lastRange.start)
      void get().actions.ensureRange({ start: 0, end: visible })
      void get().actions.loadFacets()
    },
    itemIdsAt: (indices) => {
      const out: number[] = []
      for (const index of indices) {
        const offset = Math.floor(index / PAGE_SIZE) * PAGE_SIZE
        const itemId = rt.itemIds.get(offset)?.[index - offset]
        if (itemId !== undefined) out.push(itemId)
      }
      return out
    },
    setSearch: (text) =>
      changeQuery({ filter: { ...get().filter, search: text } }, SEARCH_FACETS_QUIET_MS),
    searchLyricsToo: () => changeFilter((f) => ({ ...f, searchIn: 'all' })),
    toggleUserTag: (tag) => changeFilter((f) => ({ ...f, userTags: toggleTag(f.userTags, tag) })),
    setStyleTag: (tag) => changeFilter((f) => ({ ...f, styleTag: tag ?? undefined })),
    toggleStyleTag: (tag) =>
      changeFilter((f) => ({ ...f, styleTags: toggleTag(f.styleTags, tag) })),
    setModel: (model) => changeFilter((f) => ({ ...f, model: model ?? undefined })),
    toggleFavorites: () => changeFilter((f) => ({ ...f, favorite: !f.favorite })),
    toggleHasVideo: () => changeFilter((f) => ({ ...f, hasVideo: !f.hasVideo })),
    toggleInstrumental: () =>
      changeFilter((f) => ({ ...f, instrumental: f.instrumental ? undefined : true })),
    toggleGenerationFailed: () =>
      changeFilter((f) => ({ ...f, generationFailed: !f.generationFailed })),
    toggleRecent: (now = Date.now()) =>
      changeFilter((f) => ({
        ...f,
        addedSince: f.addedSince === undefined ? recentSince(now) : undefined
      })),
    clearFilters: () => changeQuery({ filter: {} }),
    showTask: (taskId) =>
      taskId === null
        ? changeFilter((f) => ({ ...f, taskId: undefined }))
        : changeQuery({ filter: { taskId } }),
    sortBy: (key) => changeQuery(nextSort(get(), key)),
    setSort: (sort, dir) => changeQuery({ sort, dir }),

    ensureRange: async (range) => {
      rt.lastRange = range
      const { pages, total: cachedTotal, totalVersion, queryVersion } = get()
      const total = totalVersion === queryVersion ? cachedTotal : null
      const evict = offsetsToEvict(range, pages.keys())
      if (evict.length > 0) {
        set((s) => {
          const next = new Map(s.pages)
          for (const offset of evict) next.delete(offset)
          return { pages: next }
        })
      }
      // Before the first answer the total is unknown: ask for the first page only.
      const needed =
        total === null
          ? [0].filter((o) => !rt.inFlight.has(o) && !pages.has(o))
          : offsetsToFetch(range, total, get().pages.keys(), rt.inFlight)
      const flight = rt.inFlight
      // Nearest first: what is on screen takes the free slots; the rest waits for the
      // range that is on screen when a request comes back.
      const wanted = needed.slice(0, Math.max(0, MAX_PAGE_REQUESTS - flight.size))
      if (wanted.length < needed.length) rt.deferred = true
      await Promise.all(
        wanted.map(async (offset) => {
          flight.add(offset)
          try {
            const page = await fetchPage(offset, PAGE_SIZE, true)
            if (get().queryVersion !== queryVersion) return
            // The user may have scrolled on while this was in flight; do not cache a page
            // that would be evicted straight away.
            const stillWanted = offsetsToEvict(rt.lastRange, [offset]).length === 0
            set((s) => {
              const next = new Map(s.pages)
              if (stillWanted) next.set(offset, page.rows)
              return {
                pages: next,
                heldPages: NO_PAGES,
                total: page.total,
                totalVersion: queryVersion,
                searchedIn: page.searchedIn ?? null,
                error: null
              }
            })
            flight.delete(offset)
            if (total === null && page.total > 0) void get().actions.ensureRange(rt.lastRange)
            else if (rt.deferred && flight === rt.inFlight) {
              // Only after an answer, never after an error: a failing core is not retried
              // in a loop.
              rt.deferred = false
              void get().actions.ensureRange(rt.lastRange)
            }
          } catch (error) {
            if (get().queryVersion === queryVersion)
              set({ error: message(error), heldPages: NO_PAGES })
          } finally {
            flight.delete(offset)
          }
        })
      )
    },

    refresh: async () => {
      const seq = ++rt.refreshSeq
      const { queryVersion, pages, total } = get()
      const offsets =
        pages.size > 0 ? [...pages.keys()] : pageOffsetsFor(rt.lastRange, Math.max(total ?? 1, 1))
      void get().actions.loadFacets()
      try {
        const answers = await Promise.all(
          offsets.map((offset) => fetchPage(offset, PAGE_SIZE, true))
        )
        if (seq !== rt.refreshSeq || get().queryVersion !== queryVersion) return
        const next = new Map<number, readonly ClipRow[]>()
        let newTotal = total ?? 0
        answers.forEach((page, i) => {
          newTotal = page.total
          if (page.rows.length > 0) next.set(offsets[i] as number, page.rows)
        })
        set({
          pages: next,
          heldPages: NO_PAGES,
          total: newTotal,
          totalVersion: queryVersion,
          error: null
        })
        await get().actions.ensureRange(rt.lastRange)
      } catch (error) {
        if (seq === rt.refreshSeq) set({ error: message(error) })
      }
    },

    applyClips: async (batch) => {
      const { source, queryVersion, total, totalVersion, filter } = get()
      // A playlist keeps its own order and rules (a smart one sorts and filters by any
      // field): it is refetched; so is a batch larger than one read.
      if (
        source.kind !== 'library' ||
        total === null ||
        totalVersion !== queryVersion ||
        batch.clipIds.size === 0 ||
        batch.clipIds.size > BULK_PAGE
      ) {
        return get().actions.refresh()
      }
      let answer: ClipRowsAnswer
      try {
        answer = await call('clipRowsByIds', {
          ids: [...batch.clipIds],
          filter: sentFilter(filter)
        })
      } catch {
        return get().actions.refresh()
      }
      const now = get()
      if (now.queryVersion !== queryVersion || now.total === null) return
      const plan = planPatch(batch, answer, {
        sort: now.sort,
        filtersDownloadState: cleanFilter(now.filter).downloadState !== undefined,
        pages: now.pages,
        total: now.total
      })
      if (plan.kind === 'refetch') return get().actions.refresh()
      if (plan.changedRows > 0 || plan.removedRows > 0) {
        set({ pages: plan.pages, total: plan.total, totalVersion: queryVersion })
      }
      if (batch.facetsDirty || batch.membership) void get().actions.loadFacets()
      // Pages whose tail moved in from a page that is not cached: those pages, read again.
      if (plan.stale.length > 0) await reloadPages(plan.stale, queryVersion)
    },

    loadFacets: async () => {
      if (get().source.kind !== 'library') return
      const seq = ++rt.facetSeq
      try {
        const facets = await call('getFacets', sentFilter(get().filter))
        if (seq === rt.facetSeq) set({ facets })
      } catch {
        // Facets are a convenience: the list still works, and the next refresh retries.
      }
    },

    rowsInRange: async (lo, hi) => {
      const { pages } = get()
      const out: ClipRow[] = []
      let missing = false
      for (let i = lo; i <= hi && !missing; i++) {
        const offset = Math.floor(i / PAGE_SIZE) * PAGE_SIZE
        const row = pages.get(offset)?.[i - offset]
        if (row) out.push(row)
        else missing = true
      }
      if (!missing) return out
      const fetched: ClipRow[] = []
      for (let offset = lo; offset <= hi; offset += BULK_PAGE) {
        fetched.push(...(await fetchChunk(offset, Math.min(BULK_PAGE, hi - offset + 1))))
      }
      return fetched
    },

    allRows: async () => {
      const rows: ClipRow[] = []
      for (let offset = 0; ; offset += BULK_PAGE) {
        const page = await fetchPage(offset, BULK_PAGE)
        rows.push(...page.rows)
        if (page.rows.length < BULK_PAGE || rows.length >= page.total) return rows
      }
    }
  }

  return { ...initialLibraryData(), actions }
})

export const useLibraryActions = (): LibraryActions => useLibraryStore((s) => s.actions)

/** Back to a fresh store (between tests; nothing in the app calls it). */
export function resetLibraryStore(): void {
  if (rt.facetTimer !== null) clearTimeout(rt.facetTimer)
  rt = freshRuntime()
  useLibraryStore.setState(initialLibraryData())
}
