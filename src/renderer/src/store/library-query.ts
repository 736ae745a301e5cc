import type { LibraryFilter, LibraryQuery, SortDir, SortKey } from '../../../shared/domain'

// How the library view's state becomes a `queryLibrary` / `getFacets` request. Pure:
// the store keeps the user's choices, these functions decide what is sent.

export const RECENT_DAYS = 7
const DAY_MS = 86_400_000

export interface QueryState {
  filter: LibraryFilter
  sort: SortKey
  dir: SortDir
}

export const DEFAULT_SORT: { sort: SortKey; dir: SortDir } = { sort: 'created', dir: 'desc' }

/** The filter without empty values, so "nothing chosen" and "absent" send the same request
 * (and the core's statement cache sees one shape). */
export function cleanFilter(filter: LibraryFilter): LibraryFilter {
  const out: LibraryFilter = {}
  const search = filter.search?.trim()
  if (search) out.search = search
  // Where the search looks, kept only while there is a search (the user widened it).
  if (search && filter.searchIn) out.searchIn = filter.searchIn
  if (filter.userTags && filter.userTags.length > 0) out.userTags = [...filter.userTags]
  if (filter.styleTag) out.styleTag = filter.styleTag
  if (filter.styleTags && filter.styleTags.length > 0) out.styleTags = [...filter.styleTags]
  if (filter.model) out.model = filter.model
  if (filter.favorite) out.favorite = true
  if (filter.hasVideo) out.hasVideo = true
  if (filter.instrumental !== undefined) out.instrumental = filter.instrumental
  if (filter.addedSince !== undefined) out.addedSince = filter.addedSince
  if (filter.createdFrom !== undefined) out.createdFrom = filter.createdFrom
  if (filter.createdTo !== undefined) out.createdTo = filter.createdTo
  if (filter.durationMin !== undefined) out.durationMin = filter.durationMin
  if (filter.durationMax !== undefined) out.durationMax = filter.durationMax
  if (filter.downloadState) out.downloadState = filter.downloadState
  if (filter.generationFailed) out.generationFailed = true
  if (filter.taskId) out.taskId = filter.taskId
  return out
}

/** What is sent for a filter: failed generations (no file will ever arrive for them) stay
 * out of the library unless their filter is on. */
export function sentFilter(filter: LibraryFilter): LibraryFilter {
  const out = cleanFilter(filter)
  // A search looks at titles, styles, prompts and tags first and widens to the lyrics only
  // when nothing matches there (`auto`), unless the user asked for the lyrics too: lyrics
  // are 85% of the search index, and every search listed most of the library before its
  // first page (issue 14 §2). The list says when lyrics were left out (SearchScopeNote).
  if (out.search && !out.searchIn) out.searchIn = 'auto'
  return { ...out, generationFailed: filter.generationFailed === true }
}

export function toLibraryQuery(state: QueryState, offset: number, limit: number): LibraryQuery {
  return { ...sentFilter(state.filter), sort: state.sort, dir: state.dir, offset, limit }
}

/** True when anything narrows the list (the empty state then says "no match", not
 * "your library is empty"). */
export function isFiltered(filter: LibraryFilter): boolean {
  return Object.keys(cleanFilter(filter)).length > 0
}

/** Text sorts A→Z first; numbers and dates show the biggest / newest first. */
export function defaultDir(sort: SortKey): SortDir {
  return sort === 'title' || sort === 'style' || sort === 'model' ? 'asc' : 'desc'
}

/** Clicking a column header: the same column flips direction, another starts at its
 * natural direction. */
export function nextSort(
  current: { sort: SortKey; dir: SortDir },
  key: SortKey
): {
  sort: SortKey
  dir: SortDir
} {
  if (current.sort === key) return { sort: key, dir: current.dir === 'asc' ? 'desc' : 'asc' }
  return { sort: key, dir: defaultDir(key) }
}

/** "Recently added" as a fixed instant, taken when the filter is switched on, so that
 * every page of one query uses the same boundary. Rounded to the minute. */
export function recentSince(now: number): number {
  return Math.floor((now - RECENT_DAYS * DAY_MS) / 60_000) * 60_000
}

/** Adds or removes a user tag from the filter's tag list. */
export function toggleTag(tags: readonly string[] | undefined, tag: string): string[] {
  const list = tags ?? []
  return list.includes(tag) ? list.filter((t) => t !== tag) : [...list, tag]
}
