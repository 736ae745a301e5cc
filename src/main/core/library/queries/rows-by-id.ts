import type { ClipRowsAnswer, LibraryFilter } from '../../../../shared/domain'
import { placeholders, type Db } from '../db'
import { searchMatches, type SearchMode } from '../search-index'
import { filterSql } from './filter-sql'
import { ROW_COLUMNS, toClipRow } from './rows'
import { int, text } from '../rows/read'

// The slim rows of named clips, so a window that caches pages of the list can patch the
// rows a library change names instead of refetching its pages (issue 11). With a filter,
// each row also says whether it still belongs to that filtered list.

/** The most ids one read takes (the bridge schema bounds the request the same way). */
export const MAX_ROWS_BY_ID = 500

/** Rows of the clips that exist, in no particular order (a deleted id has no row), and
 * the ids among them that match `filter` (every existing id without one). */
export function clipRowsByIds(
  db: Db,
  mode: SearchMode,
  ids: readonly string[],
  filter?: LibraryFilter
): ClipRowsAnswer {
  const unique = [...new Set(ids)].slice(0, MAX_ROWS_BY_ID)
  if (unique.length === 0) return { rows: [], matching: [] }
  // The view's own search scope (searchIn), so a row leaves a titles-first view when it
  // matches there no longer, as the view's next page would say.
  const where = filterSql(filter ?? {}, mode, filter ? searchMatches(db, mode, filter) : null)
  const found = db.all(
    `SELECT ${ROW_COLUMNS}, CASE WHEN ${where.sql} THEN 1 ELSE 0 END AS in_view
     FROM clips c WHERE c.id IN (${placeholders(unique.length)})`,
    ...where.params,
    ...unique
  )
  return {
    rows: found.map(toClipRow),
    matching: found.filter((row) => int(row, 'in_view') === 1).map((row) => text(row, 'id'))
  }
}
