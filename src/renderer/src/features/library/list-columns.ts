import type { SortKey } from '../../../../shared/domain'

// The list's columns (issue 13): which exist, which sort they click to, how wide they start
// and how narrow they may get. The user chooses which show and how wide (list-columns-store);
// the row layout is one CSS grid template built from those widths, so no row is measured.

export type ColumnId =
  'title' | 'style' | 'model' | 'duration' | 'created' | 'added' | 'plays' | 'lastPlayed' | 'tags'

export interface ColumnDef {
  id: ColumnId
  sort?: SortKey
  /** Starting width in px (title: its smallest; it takes the rest of the row). */
  width: number
  min: number
  /** Shown until the user says otherwise. */
  shown: boolean
  /** Lower goes first when the row is too narrow for every chosen column. */
  keep: number
  numeric?: boolean
}

export const MAX_COLUMN_WIDTH = 480
// The title cell also holds the cover, the take mark and the state marks (about 160 px):
// 300 leaves the title words room beside the detail panel at 900 px (issue 13, defect 13).
export const TITLE_MIN = 300

/** In row order. */
export const COLUMN_DEFS: readonly ColumnDef[] = [
  { id: 'title', sort: 'title', width: TITLE_MIN, min: TITLE_MIN, shown: true, keep: 100 },
  { id: 'style', sort: 'style', width: 150, min: 80, shown: true, keep: 80 },
  { id: 'model', sort: 'model', width: 84, min: 56, shown: true, keep: 40 },
  { id: 'duration', sort: 'duration', width: 64, min: 52, shown: true, keep: 90, numeric: true },
  { id: 'created', sort: 'created', width: 104, min: 80, shown: true, keep: 70 },
  { id: 'added', sort: 'added', width: 104, min: 80, shown: false, keep: 60 },
  { id: 'plays', sort: 'plays', width: 56, min: 44, shown: true, keep: 50, numeric: true },
  { id: 'lastPlayed', sort: 'lastPlayed', width: 120, min: 80, shown: false, keep: 30 },
  { id: 'tags', width: 110, min: 64, shown: true, keep: 20 }
]

const BY_ID = new Map(COLUMN_DEFS.map((def) => [def.id, def]))

/** The default column order (issue 13 reorder): the row order of COLUMN_DEFS. */
export const DEFAULT_ORDER: readonly ColumnId[] = COLUMN_DEFS.map((def) => def.id)

export function columnDef(id: ColumnId): ColumnDef {
  return BY_ID.get(id) ?? (COLUMN_DEFS[0] as ColumnDef)
}

export function isColumnId(value: unknown): value is ColumnId {
  return typeof value === 'string' && BY_ID.has(value as ColumnId)
}

export function clampWidth(id: ColumnId, width: number): number {
  const def = columnDef(id)
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(def.min, width)))
}

/** Gap between cells and the row's side padding (clip-list.css). */
export const COLUMN_GAP = 12
export const ROW_PADDING = 12

/** The columns to lay out: the chosen ones in row order, then, while the row is narrower
 * than they need, the least important dropped first (the title always stays). */
export function fitColumns(
  chosen: ReadonlySet<ColumnId>,
  widths: Readonly<Partial<Record<ColumnId, number>>>,
  available: number,
  order: readonly ColumnId[] = DEFAULT_ORDER
): ColumnId[] {
  const ids = order.filter((id) => id === 'title' || chosen.has(id))
  const need = (list: readonly ColumnId[]): number =>
    list.reduce((sum, id) => sum + widthOf(id, widths), 0) +
    COLUMN_GAP * (list.length - 1) +
    2 * ROW_PADDING
  const out = [...ids]
  while (out.length > 1 && need(out) > available) {
    const drop = out
      .filter((id) => id !== 'title')
      .reduce((a, b) => (columnDef(a).keep <= columnDef(b).keep ? a : b))
    out.splice(out.indexOf(drop), 1)
  }
  return out
}

export function widthOf(id: ColumnId, widths: Readonly<Partial<Record<ColumnId, number>>>): number {
  return id === 'title' ? TITLE_MIN : clampWidth(id, widths[id] ?? columnDef(id).width)
}

/** The grid template: the title takes what the others leave. */
export function gridTemplate(
  ids: readonly ColumnId[],
  widths: Readonly<Partial<Record<ColumnId, number>>>
): string {
  return ids
    .map((id) => (id === 'title' ? `minmax(${TITLE_MIN}px, 1fr)` : `${widthOf(id, widths)}px`))
    .join(' ')
}

/** A remembered order made safe: unknown ids and duplicates dropped, columns it does not
 * name appended in their default place, and the title first (it holds the cover and the
 * Columns button, so it never moves). Anything but an array gives the default order. */
export function normalizeOrder(value: unknown): ColumnId[] {
  if (!Array.isArray(value)) return [...DEFAULT_ORDER]
  const seen = new Set<ColumnId>(['title'])
  const out: ColumnId[] = ['title']
  for (const id of value) {
    if (isColumnId(id) && !seen.has(id)) {
      seen.add(id)
      out.push(id)
    }
  }
  for (const id of DEFAULT_ORDER) if (!seen.has(id)) out.push(id)
  return out
}

/** `order` with `id` moved to just before `before` (or to the end when null). The title
 * stays first: it does not move, and nothing goes before it. */
export function moveColumnBefore(
  order: readonly ColumnId[],
  id: ColumnId,
  before: ColumnId | null
): ColumnId[] {
  if (id === 'title' || id === before) return [...order]
  const out = order.filter((other) => other !== id)
  const at = before === null ? out.length : out.indexOf(before)
  out.splice(at < 1 ? 1 : at, 0, id)
  return out
}

/** `order` with `id` swapped past its neighbour among the columns on screen (`visible`),
 * so Move left/right always changes what the user sees; unchanged at either end. */
export function moveColumnStep(
  order: readonly ColumnId[],
  visible: readonly ColumnId[],
  id: ColumnId,
  step: -1 | 1
): ColumnId[] {
  const index = visible.indexOf(id)
  const neighbour = visible[index + step]
  if (id === 'title' || index < 0 || neighbour === undefined || neighbour === 'title')
    return [...order]
  if (step < 0) return moveColumnBefore(order, id, neighbour)
  const after = order[order.indexOf(neighbour) + 1] ?? null
  return moveColumnBefore(order, id, after)
}
