import type { ClipRow, ClipRowsAnswer, SortKey } from '../../../shared/domain'
import { PAGE_SIZE, type PageCache } from './library-paging'

// How a library change is applied to the cached pages of the list (issue 11): the rows a
// change names are read again by id (`clipRowsByIds`) and patched where they are; rows
// that were deleted or no longer match the view are taken out and the total lowered. Only
// what cannot be placed without the server's order (a clip entering the view, a sort key
// that moved, a change somewhere the cache cannot see) asks for a refetch. Pure, so each
// rule is tested without a DOM or a bridge.

/** What one batch of `clips` changes said, merged (ids of every change in the batch). */
export interface ClipsBatch {
  clipIds: ReadonlySet<string>
  /** Clips appeared or went away. */
  membership: boolean
  /** A field that filters, sorts or facets read may differ (tags, favourite, video,
   * an ingest). Without it only file states and play counts moved. */
  facetsDirty: boolean
}

/** The view the cache belongs to, as far as a patch must know it. */
export interface PatchView {
  sort: SortKey
  /** The filter reads the download state (which a file write changes without facetsDirty). */
  filtersDownloadState: boolean
  pages: PageCache
  total: number
}

export type PatchPlan =
  | { kind: 'refetch'; reason: string }
  | {
      kind: 'patch'
      pages: PageCache
      total: number
      changedRows: number
      removedRows: number
      /** Pages kept short: their tail moved in from a page that is not cached, so they are
       * read again (just these pages) while their known rows stay on screen. */
      stale: number[]
    }

/** The row field each sort orders by (the SQL sorts by a key derived from it). */
const SORT_FIELD: Record<SortKey, keyof ClipRow> = {
  created: 'createdAt',
  added: 'addedAt',
  title: 'title',
  duration: 'durationSec',
  plays: 'plays',
  lastPlayed: 'lastPlayedAt',
  style: 'styleTags',
  model: 'model'
}

/** Sorts whose key a write can move without facetsDirty (a play). */
const PLAY_SORTS: ReadonlySet<SortKey> = new Set<SortKey>(['plays', 'lastPlayed'])

/** True when every row of the list is in the cache: a clip not cached is then not in it. */
export function coversWholeList(pages: PageCache, total: number, pageSize = PAGE_SIZE): boolean {
  for (let offset = 0; offset < total; offset += pageSize) {
    const rows = pages.get(offset)
    if (rows === undefined || rows.length < Math.min(pageSize, total - offset)) return false
  }
  return true
}

/** Decides how `batch`, answered by `answer`, changes the cached view. */
export function planPatch(batch: ClipsBatch, answer: ClipRowsAnswer, view: PatchView): PatchPlan {
  const fresh = new Map(answer.rows.map((row) => [row.id, row]))
  const matching = new Set(answer.matching)
  const whole = coversWholeList(view.pages, view.total)
  const cached = new Set<string>()
  const remove = new Set<number>()
  let changedRows = 0
  const field = SORT_FIELD[view.sort]

  let sortMoved = false
  for (const [offset, rows] of view.pages) {
    rows.forEach((row, i) => {
      if (!batch.clipIds.has(row.id)) return
      cached.add(row.id)
      const next = fresh.get(row.id)
      if (next === undefined || !matching.has(row.id)) remove.add(offset + i)
      else if (next[field] !== row[field]) sortMoved = true
    })
  }
  if (sortMoved) return { kind: 'refetch', reason: 'a sort key moved' }
  for (const id of batch.clipIds) {
    if (cached.has(id)) continue
    const inView = matching.has(id)
    if (whole) {
      // Every row of the view is cached, so this clip was not in it: now it is.
      if (inView) return { kind: 'refetch', reason: 'a clip entered the view' }
      continue
    }
    // Somewhere the cache cannot see: harmless unless the clip may have come, gone or moved.
    const mayMove =
      batch.membership ||
      batch.facetsDirty ||
      PLAY_SORTS.has(view.sort) ||
      view.filtersDownloadState
    if (mayMove) return { kind: 'refetch', reason: 'a change outside the cached rows' }
  }

  const patched = new Map<number, readonly ClipRow[]>()
  for (const [offset, rows] of view.pages) {
    let copy: ClipRow[] | null = null
    rows.forEach((row, i) => {
      const next = fresh.get(row.id)
      if (next === undefined || !batch.clipIds.has(row.id) || remove.has(offset + i)) return
      copy ??= [...rows]
      copy[i] = next
      changedRows++
    })
    patched.set(offset, copy ?? rows)
  }
  if (remove.size === 0) {
    return {
      kind: 'patch',
      pages: patched,
      total: view.total,
      changedRows,
      removedRows: 0,
      stale: []
    }
  }
  const total = Math.max(0, view.total - remove.size)
  const moved = withoutRows(patched, remove, total)
  return {
    kind: 'patch',
    pages: moved.pages,
    total,
    changedRows,
    removedRows: remove.size,
    stale: moved.stale
  }
}

/** The cache with the rows at `removed` (absolute indices) taken out and the rows after
 * them moved up. A page whose tail is no longer known (it came from a page that is not
 * cached) keeps the rows it knows and is listed in `stale`; a page left with none goes. */
export function withoutRows(
  pages: PageCache,
  removed: ReadonlySet<number>,
  total: number,
  pageSize = PAGE_SIZE
): { pages: PageCache; stale: number[] } {
  const moved = new Map<number, ClipRow>()
  const offsets = [...pages.keys()].sort((a, b) => a - b)
  const sortedRemoved = [...removed].sort((a, b) => a - b)
  let shift = 0
  for (const offset of offsets) {
    const rows = pages.get(offset) ?? []
    rows.forEach((row, i) => {
      const index = offset + i
      while (shift < sortedRemoved.length && (sortedRemoved[shift] as number) < index) shift++
      if (removed.has(index)) return
      moved.set(index - shift, row)
    })
  }
  const out = new Map<number, readonly ClipRow[]>()
  const stale: number[] = []
  for (const offset of offsets) {
    if (offset >= total) continue
    const length = Math.min(pageSize, total - offset)
    const rows: ClipRow[] = []
    for (let i = 0; i < length; i++) {
      const row = moved.get(offset + i)
      if (row === undefined) break
      rows.push(row)
    }
    if (rows.length > 0) out.set(offset, rows)
    if (rows.length < length) stale.push(offset)
  }
  return { pages: out, stale }
}
