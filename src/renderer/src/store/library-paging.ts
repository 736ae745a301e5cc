import type { ClipRow } from '../../../shared/domain'

// The paging window of the virtual list: which pages of rows to fetch for what is on
// screen, which to drop when the user has scrolled far away, and how to read a row out
// of the cache. Pure, so the rules are tested without a DOM.

/** Rows per `queryLibrary` call. */
export const PAGE_SIZE = 200
/** Fetch the neighbouring page once the visible range comes this close to it. */
export const PREFETCH_ROWS = 100
/** Keep pages within this many rows of the visible range; drop the rest. */
export const KEEP_ROWS = 1000
/** Page requests in flight at once. The core answers them one after another, and a deep
 * page costs more than a shallow one (OFFSET walks the index), so a fling across 100 000
 * rows that asked for every range it passed queued seconds of pages nobody would see
 * before the one on screen. The range on screen when a slot frees is fetched next. */
export const MAX_PAGE_REQUESTS = 2

export type PageCache = ReadonlyMap<number, readonly ClipRow[]>

export interface VisibleRange {
  /** First visible index (inclusive). */
  start: number
  /** Last visible index (inclusive). */
  end: number
}

function pageOf(index: number, pageSize: number): number {
  return Math.floor(index / pageSize) * pageSize
}

/** Page offsets covering `[start - margin, end + margin]`, clamped to the list. */
export function pageOffsetsFor(
  range: VisibleRange,
  total: number,
  pageSize = PAGE_SIZE,
  margin = PREFETCH_ROWS
): number[] {
  if (total <= 0 || range.end < range.start) return []
  const first = Math.max(0, Math.min(total - 1, range.start - margin))
  const last = Math.max(0, Math.min(total - 1, range.end + margin))
  const offsets: number[] = []
  for (let offset = pageOf(first, pageSize); offset <= last; offset += pageSize) {
    offsets.push(offset)
  }
  return offsets
}

/** The offsets to fetch: wanted for the range, not cached and not already in flight.
 * The page holding the visible start comes first so the screen fills top-down. */
export function offsetsToFetch(
  range: VisibleRange,
  total: number,
  loaded: Iterable<number>,
  inFlight: Iterable<number>,
  pageSize = PAGE_SIZE
): number[] {
  const have = new Set([...loaded, ...inFlight])
  const wanted = pageOffsetsFor(range, total, pageSize).filter((offset) => !have.has(offset))
  const visibleFirst = pageOf(Math.max(0, range.start), pageSize)
  return wanted.sort((a, b) => Math.abs(a - visibleFirst) - Math.abs(b - visibleFirst) || a - b)
}

/** Cached offsets that are now far from the visible range and should be dropped. */
export function offsetsToEvict(
  range: VisibleRange,
  loaded: Iterable<number>,
  pageSize = PAGE_SIZE,
  keep = KEEP_ROWS
): number[] {
  const low = range.start - keep
  const high = range.end + keep
  return [...loaded].filter((offset) => offset + pageSize - 1 < low || offset > high)
}

/** The row at `index`, or undefined while its page is not loaded. */
export function rowAt(pages: PageCache, index: number, pageSize = PAGE_SIZE): ClipRow | undefined {
  const offset = pageOf(index, pageSize)
  return pages.get(offset)?.[index - offset]
}

/** Index of a clip in the cached pages, or -1. */
export function indexOfClip(pages: PageCache, id: string): number {
  for (const [offset, rows] of pages) {
    const at = rows.findIndex((row) => row.id === id)
    if (at >= 0) return offset + at
  }
  return -1
}

/** The loaded rows around `index` without gaps (at most `max`), for "play from here":
 * the queue gets the neighbourhood the user can see, not the whole library. */
export function loadedWindowAround(
  pages: PageCache,
  index: number,
  max = 500,
  pageSize = PAGE_SIZE
): { rows: ClipRow[]; startIndex: number } {
  const center = rowAt(pages, index, pageSize)
  if (!center) return { rows: [], startIndex: 0 }
  const before: ClipRow[] = []
  const after: ClipRow[] = []
  const half = Math.floor(max / 2)
  for (let i = index - 1; i >= 0 && before.length < half; i--) {
    const row = rowAt(pages, i, pageSize)
    if (!row) break
    before.push(row)
  }
  for (let i = index + 1; after.length < max - half - 1; i++) {
    const row = rowAt(pages, i, pageSize)
    if (!row) break
    after.push(row)
  }
  before.reverse()
  return { rows: [...before, center, ...after], startIndex: before.length }
}
