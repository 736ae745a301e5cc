import type { FileState, LibraryFilter, SortDir, SortKey } from '../../../../shared/domain'
import type { Param } from '../db'
import { searchClause, type SearchMatches, type SearchMode, type SqlPart } from '../search-index'
import { cleanText, tagKey } from '../../../../shared/text'
import { escapeLike } from '../text'

// LibraryFilter → a WHERE fragment over `clips c`. User text only ever reaches SQL as a
// bound parameter; column names come from the fixed tables below.

const FILE_STATES: readonly FileState[] = ['done', 'pending', 'failed', 'absent']

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

export interface FilterSql extends SqlPart {
  /** The search is the only condition, so its FTS match count is the total. */
  onlySearch: boolean
}

/** `matches`: the FTS match count of filter.search, when known (see searchClause); with
 * a scope other than 'all' (filter.searchIn), searchMatches()'s answer, which says which
 * index the count was taken in (a bare number means every field).
 * `perClip`: the caller checks a handful of clips (facet-delta.ts), so the tag and style
 * conditions are asked per clip instead of listing every clip that has the tag. */
export function filterSql(
  filter: LibraryFilter,
  mode: SearchMode,
  matches: number | SearchMatches | null = null,
  perClip = false
): FilterSql {
  let searched = false
  const parts: string[] = []
  const params: Param[] = []
  const add = (sql: string, ...values: Param[]): void => {
    parts.push(sql)
    params.push(...values)
  }
  /** `c.pk IN (SELECT <col> FROM <from> WHERE <where>)`, or the same asked per clip. */
  const clipsWith = (col: string, from: string, where: string): string =>
    perClip
      ? `EXISTS (SELECT 1 FROM ${from} WHERE ${col} = c.pk AND ${where})`
      : `c.pk IN (SELECT ${col} FROM ${from} WHERE ${where})`

  if (typeof filter.search === 'string') {
    const search = searchClause(mode, filter.search, matches, filter.searchIn)
    if (search !== null) {
      add(search.sql, ...search.params)
      searched = true
    }
  }
  // All of the tags: one indexed lookup per tag (clip_tags_tag), intersected.
  const keys = new Set((filter.userTags ?? []).map(tagKey).filter((key) => key !== ''))
  for (const key of keys) {
    add(clipsWith('ct.clip_pk', 'clip_tags ct JOIN tags t ON t.id = ct.tag_id', 't.key = ?'), key)
  }
  // Style tags are free text ("dreamy synthwave, female vocals"): a style filter matches
  // any of the clip's comma-separated tokens that contains it ("synth" → "synthwave").
  if (typeof filter.styleTag === 'string') {
    const token = cleanText(filter.styleTag).toLowerCase()
    if (token !== '') {
      add(
        clipsWith(
          'cs.clip_pk',
          'clip_styles cs',
          `cs.style_id IN (SELECT id FROM styles WHERE name LIKE ? ESCAPE '\\')`
        ),
        `%${escapeLike(token)}%`
      )
    }
  }
  // Style facets chosen together (issue 13): all of them, each one indexed lookup by its
  // exact name (the facet lists exact names), intersected like the user tags.
  const styles = new Set(
    (filter.styleTags ?? []).map((name) => cleanText(name).toLowerCase()).filter(Boolean)
  )
  for (const name of styles) {
    add(
      clipsWith('cs.clip_pk', 'clip_styles cs JOIN styles s ON s.id = cs.style_id', 's.name = ?'),
      name
    )
  }
  if (typeof filter.model === 'string') add('c.model = ?', filter.model)
  if (typeof filter.favorite === 'boolean') add(`c.favorite = ${filter.favorite ? 1 : 0}`)
  if (typeof filter.hasVideo === 'boolean') add(`c.has_video = ${filter.hasVideo ? 1 : 0}`)
  if (typeof filter.instrumental === 'boolean')
    add(filter.instrumental ? 'c.has_vocal = 0' : '(c.has_vocal IS NULL OR c.has_vocal != 0)')
  if (finite(filter.createdFrom)) add('c.created_at >= ?', filter.createdFrom)
  if (finite(filter.createdTo)) add('c.created_at <= ?', filter.createdTo)
  if (finite(filter.addedSince)) add('c.added_at >= ?', filter.addedSince)
  if (finite(filter.durationMin)) add('c.duration_sec >= ?', filter.durationMin)
  if (finite(filter.durationMax)) add('c.duration_sec <= ?', filter.durationMax)
  if (filter.downloadState !== undefined && FILE_STATES.includes(filter.downloadState)) {
    add('c.download_state = ?', filter.downloadState)
  }
  if (typeof filter.taskId === 'string') add('c.task_id = ?', filter.taskId)
  if (typeof filter.generationFailed === 'boolean') {
    add(`c.status ${filter.generationFailed ? '=' : '<>'} 'error'`)
  }
  return {
    sql: parts.length === 0 ? '1' : parts.join(' AND '),
    params,
    onlySearch: searched && parts.length === 1
  }
}

const SORT_COLUMNS: Record<SortKey, string> = {
  created: 'c.created_at',
  added: 'c.added_at',
  title: 'c.title_key',
  duration: 'c.duration_sec',
  plays: 'c.plays',
  lastPlayed: 'c.last_played_at',
  // Indexed by migration 9 (clips_style_sort, clips_model_sort), so a page is read in
  // order instead of sorting every match (EXPLAIN QUERY PLAN at 100 000 clips).
  style: 'c.style_tags COLLATE NOCASE',
  model: 'c.model'
}

const TEXT_SORTS: ReadonlySet<SortKey> = new Set<SortKey>(['title', 'style', 'model'])

/** ORDER BY with a stable tiebreak on the clip id, so pages never overlap or skip rows.
 * Each sort has an index on (column, id). Default direction: A→Z for text (title, style,
 * model), newest or most first otherwise. */
export function orderSql(sort: SortKey | undefined, dir: SortDir | undefined): string {
  const { column, direction } = sortOrder(sort, dir)
  const sqlDir = direction === 'asc' ? 'ASC' : 'DESC'
  return `${column} ${sqlDir}, c.id ${sqlDir}`
}

/** The sort's column expression and direction, defaults applied (what orderSql orders by,
 * for queries that must reason about the same order, e.g. the list's type-ahead). */
export function sortOrder(
  sort: SortKey | undefined,
  dir: SortDir | undefined
): { column: string; direction: SortDir } {
  const key: SortKey = sort !== undefined && sort in SORT_COLUMNS ? sort : 'created'
  return { column: SORT_COLUMNS[key], direction: dir ?? (TEXT_SORTS.has(key) ? 'asc' : 'desc') }
}

export const DEFAULT_PAGE = 100
export const MAX_PAGE = 500

export function pageWindow(offset: unknown, limit: unknown): { offset: number; limit: number } {
  const lim = finite(limit) ? Math.min(MAX_PAGE, Math.max(0, Math.trunc(limit))) : DEFAULT_PAGE
  const off = finite(offset) ? Math.max(0, Math.trunc(offset)) : 0
  return { offset: off, limit: lim }
}
