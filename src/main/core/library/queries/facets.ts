import type { DatabaseSync } from 'node:sqlite'
import type { FacetCount, Facets, LibraryFilter } from '../../../../shared/domain'
import type { Db } from '../db'
import { indexGeneration, outsideGeneration, scratchWrites, untilNextWrite } from '../read-cache'
import {
  matchingRowids,
  searchMatches,
  type SearchMatches,
  type SearchMode,
  type SqlPart
} from '../search-index'
import {
  applyFacetDelta,
  MAX_DELTA_ROWS,
  MAX_MODELS,
  MAX_STYLE_TAGS,
  MAX_USER_TAGS
} from './facet-delta'
import { ensureFacetLog, logPosition, logSince, trimLog } from './facet-log'
import { filterSql } from './filter-sql'
import { int, many, shape, text, textOrNull } from '../rows/read'

// Facet counts for the sidebar, under the current filter. The filtered clips are put in
// a temp table once, then counted three ways (models with the favourite/video totals,
// user tags, style tags); unfiltered, each count reads one covering index. Style and user
// tags are counted from their own tables so nothing parses 100 000 style strings.

/** Up to this many filtered clips, counting starts from them (index lookups per clip);
 * above it, SQLite scans the facet's covering index and checks each row against them.
 * Measured at 100 000 clips: the lookups win below ~12 000 clips for models (one row per
 * clip) and below ~40 000 for style tags (three rows per clip). */
const DRIVE_MAX = { models: 12_000, userTags: 20_000, styleTags: 40_000 }

export interface FacetCountsSql {
  /** One row per model (NULL included), with the favourite and video counts. */
  models: SqlPart
  userTags: SqlPart
  styleTags: SqlPart
}

export interface FacetSql {
  /** Statements that fill temp.facet_scope (empty when unfiltered); the last one's
   * change count is the scope size. */
  scope: SqlPart[]
  counts(scopeSize: number | null): FacetCountsSql
}

/** The statements behind the facets, given the search's match count (exported so the
 * bench can time the same SQL bare). */
export function facetSql(
  filter: LibraryFilter,
  mode: SearchMode,
  matches: number | SearchMatches | null
): FacetSql {
  const where = filterSql(filter, mode, matches)
  const unfiltered = where.sql === '1'
  const scope = typeof matches === 'number' || matches === null ? 'all' : matches.scope
  const fill: SqlPart = where.onlySearch
    ? // The FTS rowids are the clip keys: no need to visit the clips to list them.
      {
        sql: `INSERT INTO temp.facet_scope (pk) ${matchingRowids(scope, '').sql}`,
        params: where.params
      }
    : {
        sql: `INSERT INTO temp.facet_scope (pk) SELECT c.pk FROM clips c WHERE ${where.sql}`,
        params: where.params
      }
  return {
    scope: unfiltered
      ? []
      : [
          {
            sql: 'CREATE TEMP TABLE IF NOT EXISTS facet_scope (pk INTEGER PRIMARY KEY)',
            params: []
          },
          { sql: 'DELETE FROM temp.facet_scope', params: [] },
          fill
        ],
    counts(scopeSize) {
      // CROSS JOIN fixes the join order: SQLite has no statistics for the temp table
      // and would otherwise scan the whole facet index even for a handful of clips.
      const from = (facet: keyof typeof DRIVE_MAX, table: string, column: string): string => {
        if (unfiltered) return table
        const join = scopeSize !== null && scopeSize <= DRIVE_MAX[facet] ? 'CROSS JOIN' : 'JOIN'
        return `temp.facet_scope f ${join} ${table} ON ${column} = f.pk`
      }
      return {
        models: {
          sql: `SELECT c.model AS value, count(*) AS count, total(c.favorite) AS favorites,
              total(c.has_video) AS with_video, total(c.has_vocal = 0) AS instrumental
            FROM ${from('models', 'clips c', 'c.pk')} GROUP BY c.model`,
          params: []
        },
        userTags: {
          sql: `SELECT t.name AS value, n.count FROM
              (SELECT ct.tag_id, count(*) AS count FROM ${from('userTags', 'clip_tags ct', 'ct.clip_pk')}
               GROUP BY ct.tag_id) n
            JOIN tags t ON t.id = n.tag_id ORDER BY n.count DESC, t.key LIMIT ${MAX_USER_TAGS}`,
          params: []
        },
        styleTags: {
          sql: `SELECT s.name AS value, n.count FROM
              (SELECT cs.style_id, count(*) AS count
               FROM ${from('styleTags', 'clip_styles cs', 'cs.clip_pk')}
               GROUP BY cs.style_id) n
            JOIN styles s ON s.id = n.style_id ORDER BY n.count DESC, s.name LIMIT ${MAX_STYLE_TAGS}`,
          params: []
        }
      }
    }
  }
}

const readModelRow = shape({
  value: textOrNull,
  count: int,
  favorites: int,
  with_video: int,
  instrumental: int
})
type ModelRow = ReturnType<typeof readModelRow>
const readFacetCount = shape({ value: text, count: int })

interface FacetEntry {
  value: Facets
  /** The facet log's position when `value` was right. */
  seq: number
  /** What the log cannot see (another process, a rollback, the search index). */
  outside: string
}

const MAX_ENTRIES = 64
/** Log rows kept for counts that fell this far behind are dropped; they count again. */
const MAX_LOG_ROWS = 5_000
const cached = new WeakMap<DatabaseSync, Map<string, FacetEntry>>()

/** The sidebar's counts. The renderer asks again after every write that may change them
 * (facetsDirty), and each search asks for the same filter as its pages: a count taken
 * before is brought up to date from the clips that changed since (facet-log.ts,
 * facet-delta.ts), and counted from scratch only when the change was of another kind. */
export function facets(db: Db, mode: SearchMode, filter: LibraryFilter): Facets {
  const searched = typeof filter.search === 'string' && filter.search.trim() !== ''
  // Without FTS a search reads titles and lyrics the log does not follow.
  if (searched && mode !== 'fts5') {
    return untilNextWrite(db, `facets\u0000${mode}\u0000${JSON.stringify(filter)}`, () =>
      countFacets(db, mode, filter)
    )
  }
  scratchWrites(db, () => ensureFacetLog(db))
  let entries = cached.get(db.raw)
  if (entries === undefined) cached.set(db.raw, (entries = new Map()))
  const key = JSON.stringify(filter)
  const outside = searched ? indexGeneration(db) : outsideGeneration(db)
  const hit = entries.get(key)
  let value: Facets | null = null
  if (hit !== undefined && hit.outside === outside) {
    const rows = logSince(db, hit.seq, MAX_DELTA_ROWS)
    value = rows.length === 0 ? hit.value : applyFacetDelta(db, mode, filter, hit.value, rows)
  }
  const seq = logPosition(db)
  value ??= countFacets(db, mode, filter)
  entries.delete(key)
  entries.set(key, { value, seq, outside })
  forgetOld(db, entries, seq)
  return value
}

function forgetOld(db: Db, entries: Map<string, FacetEntry>, position: number): void {
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value
    if (oldest === undefined) break
    entries.delete(oldest)
  }
  let keep = position
  for (const [key, entry] of entries) {
    if (entry.seq < position - MAX_LOG_ROWS) entries.delete(key)
    else keep = Math.min(keep, entry.seq)
  }
  scratchWrites(db, () => trimLog(db, keep))
}

/** The facets counted from scratch. */
export function countFacets(db: Db, mode: SearchMode, filter: LibraryFilter): Facets {
  const matches = searchMatches(db, mode, filter)
  if (matches?.count === 0) {
    return {
      total: 0,
      favorites: 0,
      withVideo: 0,
      instrumental: 0,
      userTags: [],
      styleTags: [],
      models: []
    }
  }
  const plan = facetSql(filter, mode, matches)
  let scopeSize: number | null = null
  scratchWrites(db, () => {
    for (const part of plan.scope) scopeSize = db.run(part.sql, ...part.params)
  })
  const sql = plan.counts(scopeSize)
  const models = many(db, readModelRow, sql.models.sql, ...sql.models.params)
  const list = (part: SqlPart): FacetCount[] => many(db, readFacetCount, part.sql, ...part.params)
  return {
    total: models.reduce((sum, row) => sum + row.count, 0),
    favorites: models.reduce((sum, row) => sum + row.favorites, 0),
    withVideo: models.reduce((sum, row) => sum + row.with_video, 0),
    instrumental: models.reduce((sum, row) => sum + row.instrumental, 0),
    userTags: list(sql.userTags),
    styleTags: list(sql.styleTags),
    models: models
      .filter((row): row is ModelRow & { value: string } => row.value !== null)
      .map((row) => ({ value: row.value, count: row.count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, MAX_MODELS)
  }
}
