import type { LibraryFilter, SortDir, SortKey } from '../../../../shared/domain'
import type { Db, Param } from '../db'
import { searchMatches, type SearchMode, type SqlPart } from '../search-index'
import { titlePrefixKey } from '../text'
import { filterSql, orderSql, sortOrder } from './filter-sql'
import { count, one, shape, text, value } from '../rows/read'

// The list's type-ahead (issue 13): typing "cit" in the list jumps to the first clip, in
// the view's own order, whose title starts with it — anywhere in the view, not only in the
// rows the renderer has loaded. Two indexed reads instead of numbering every row: the
// first match in view order, then how many rows of the view come before it.

export interface TitlePrefixQuery extends LibraryFilter {
  sort?: SortKey
  dir?: SortDir
  prefix: string
}

/** Above every character a title can hold, so `[key, key + TITLE_TOP)` is "starts with key" as
 * a range the title index answers (title_key compares as UTF-8 bytes). */
export const TITLE_TOP = '\u{10FFFF}'

const FIRST = shape({ id: text, v: value })

/** The view index (0-based) of the first clip whose title starts with `prefix`, ignoring
 * case, accents and character width; null when none does. */
export function firstTitleIndex(db: Db, mode: SearchMode, q: TitlePrefixQuery): number | null {
  const key = titlePrefixKey(q.prefix)
  if (key === '') return null
  const matches = searchMatches(db, mode, q)
  if (matches?.count === 0) return null
  return firstTitleIndexWhere(db, filterSql(q, mode, matches), q.sort, q.dir, key)
}

/** The same for any view of `clips c` given as its WHERE part and sort (a smart
 * playlist's rule, too); `key` is a folded prefix (titlePrefixKey), not empty. */
export function firstTitleIndexWhere(
  db: Db,
  where: SqlPart,
  sort: SortKey | undefined,
  dir: SortDir | undefined,
  key: string
): number | null {
  const { column, direction } = sortOrder(sort, dir)
  const first = one(
    db,
    FIRST,
    `SELECT c.id AS id, ${column} AS v FROM clips c
     WHERE ${where.sql} AND c.title_key >= ? AND c.title_key < ?
     ORDER BY ${orderSql(sort, dir)} LIMIT 1`,
    ...where.params,
    key,
    key + TITLE_TOP
  )
  if (first === undefined) return null
  const before = beforeSql(column, direction, first.v, first.id)
  return count(
    db,
    `SELECT count(*) AS n FROM clips c WHERE ${where.sql} AND ${before.sql}`,
    ...where.params,
    ...before.params
  )
}

/** Rows that orderSql puts before the row (v, id): SQLite sorts NULL first ascending and
 * last descending, and ties fall to the id in the same direction. A comparison with the
 * column keeps its collation (style sorts NOCASE). */
function beforeSql(
  column: string,
  direction: SortDir,
  v: Param,
  id: string
): { sql: string; params: Param[] } {
  if (direction === 'asc') {
    return v === null
      ? { sql: `(${column} IS NULL AND c.id < ?)`, params: [id] }
      : {
          sql: `(${column} IS NULL OR ${column} < ? OR (${column} = ? AND c.id < ?))`,
          params: [v, v, id]
        }
  }
  return v === null
    ? { sql: `(${column} IS NOT NULL OR c.id > ?)`, params: [id] }
    : { sql: `(${column} > ? OR (${column} = ? AND c.id > ?))`, params: [v, v, id] }
}
