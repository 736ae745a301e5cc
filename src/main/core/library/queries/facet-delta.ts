import type { FacetCount, Facets, LibraryFilter } from '../../../../shared/domain'
import { placeholders, type Db } from '../db'
import { clipsMatching, ftsQuery, resolvedScope, type SearchMode } from '../search-index'
import type { FacetLogRow } from './facet-log'
import { filterSql } from './filter-sql'
import { int, intOrNull, many, PK, shape, text, textOrNull } from '../rows/read'

// Facet counts brought up to date by difference: for each clip whose facet columns
// changed since the counts were taken, take away what it added then (if it matched the
// filter then) and add what it adds now (if it matches now). The log holds each clip's
// columns as they were (facet-log.ts); its tags, styles and search text cannot have
// changed, or the log would say "count again". A few index lookups per changed clip,
// against a scan of every clip for a fresh count.

/** The facet lists' lengths (facets.ts cuts each list there). */
export const MAX_USER_TAGS = 500
export const MAX_STYLE_TAGS = 100
export const MAX_MODELS = 100

/** More changed rows than this: a fresh count is as cheap. */
export const MAX_DELTA_ROWS = 200

const readClipFacets = shape({
  pk: int,
  model: textOrNull,
  favorite: int,
  has_video: int,
  has_vocal: intOrNull
})
type ClipFacetRow = ReturnType<typeof readClipFacets>
const PK_NAME = shape({ pk: int, name: text })
const NAME_KEY = shape({ name: text, key: text })

/** `prev` updated by `rows` (log rows after it was taken), or null to count again. */
export function applyFacetDelta(
  db: Db,
  mode: SearchMode,
  filter: LibraryFilter,
  prev: Facets,
  rows: readonly FacetLogRow[]
): Facets | null {
  if (rows.length > MAX_DELTA_ROWS) return null
  const before = new Map<number, ClipFacetRow & { seq: number }>()
  for (const row of rows) {
    if (row.pk === null) return null
    if (!before.has(row.pk)) before.set(row.pk, row)
  }
  const pks = [...before.keys()]
  const seqs = [...before.values()].map((row) => row.seq)
  const inSearch = searchMembers(db, mode, filter, pks)
  const rest = filterSql({ ...filter, search: undefined }, mode, null, true)
  const members = (table: string, column: string, keys: number[]): Set<number> =>
    new Set(
      many(
        db,
        PK,
        `SELECT c.pk FROM ${table} c WHERE (${rest.sql})
         AND c.${column} IN (${placeholders(keys.length)})`,
        ...rest.params,
        ...keys
      )
        .map((row) => row.pk)
        .filter((pk) => inSearch === null || inSearch.has(pk))
    )
  const wasIn = members('temp.facet_log', 'seq', seqs)
  const isIn = members('clips', 'pk', pks)
  const now = new Map(
    many(
      db,
      readClipFacets,
      `SELECT pk, model, favorite, has_video, has_vocal FROM clips
       WHERE pk IN (${placeholders(pks.length)})`,
      ...pks
    ).map((row) => [row.pk, row])
  )
  const names = (sql: string): Map<number, string[]> => {
    const out = new Map<number, string[]>()
    for (const row of many(db, PK_NAME, sql, ...pks)) {
      out.set(row.pk, [...(out.get(row.pk) ?? []), row.name])
    }
    return out
  }
  const tagsOf = names(`SELECT ct.clip_pk AS pk, t.name FROM clip_tags ct
    JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_pk IN (${placeholders(pks.length)})`)
  const stylesOf = names(`SELECT cs.clip_pk AS pk, s.name FROM clip_styles cs
    JOIN styles s ON s.id = cs.style_id WHERE cs.clip_pk IN (${placeholders(pks.length)})`)

  const next = new Tally(prev)
  for (const pk of pks) {
    const old = before.get(pk)
    const current = now.get(pk)
    const tags = tagsOf.get(pk) ?? []
    const styles = stylesOf.get(pk) ?? []
    if (old !== undefined && wasIn.has(pk)) next.add(old, tags, styles, -1)
    if (current !== undefined && isIn.has(pk)) next.add(current, tags, styles, 1)
  }
  return next.facets(db)
}

/** Which of these clips the search text matches (null: no search). The search index has
 * not changed since the counts were taken (the caller checks), so this holds for then and
 * now alike. */
function searchMembers(
  db: Db,
  mode: SearchMode,
  filter: LibraryFilter,
  pks: number[]
): Set<number> | null {
  const search = filter.search
  const match = mode === 'fts5' && typeof search === 'string' ? ftsQuery(search) : null
  if (match === null) return null
  // The scope a fields-first search resolved to cannot have changed either.
  return clipsMatching(db, resolvedScope(db, mode, filter), match, pks)
}

/** SQLite's BINARY order (bytes of UTF-8), which the facet queries sort ties by. */
function binary(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

class Tally {
  total: number
  favorites: number
  withVideo: number
  instrumental: number
  readonly models: Map<string, number>
  readonly userTags: Map<string, number>
  readonly styleTags: Map<string, number>
  /** A list that was cut at its length limit changed: values beyond it are unknown. */
  unknown = false
  private readonly full: { models: boolean; userTags: boolean; styleTags: boolean }

  constructor(prev: Facets) {
    this.total = prev.total
    this.favorites = prev.favorites
    this.withVideo = prev.withVideo
    this.instrumental = prev.instrumental ?? 0
    const map = (list: FacetCount[]): Map<string, number> =>
      new Map(list.map((f) => [f.value, f.count]))
    this.models = map(prev.models)
    this.userTags = map(prev.userTags)
    this.styleTags = map(prev.styleTags)
    this.full = {
      models: prev.models.length >= MAX_MODELS,
      userTags: prev.userTags.length >= MAX_USER_TAGS,
      styleTags: prev.styleTags.length >= MAX_STYLE_TAGS
    }
  }

  add(clip: ClipFacetRow, tags: string[], styles: string[], sign: 1 | -1): void {
    this.total += sign
    this.favorites += sign * (clip.favorite === 1 ? 1 : 0)
    this.withVideo += sign * (clip.has_video === 1 ? 1 : 0)
    this.instrumental += sign * (clip.has_vocal === 0 ? 1 : 0)
    if (clip.model !== null) this.bump('models', clip.model, sign)
    for (const tag of tags) this.bump('userTags', tag, sign)
    for (const style of styles) this.bump('styleTags', style, sign)
  }

  private bump(list: 'models' | 'userTags' | 'styleTags', value: string, sign: 1 | -1): void {
    if (this.full[list]) this.unknown = true
    const counts = this[list]
    const count = (counts.get(value) ?? 0) + sign
    if (count < 0) this.unknown = true
    if (count <= 0) counts.delete(value)
    else counts.set(value, count)
  }

  facets(db: Db): Facets | null {
    if (this.unknown || this.total < 0) return null
    const list = (counts: Map<string, number>): FacetCount[] =>
      [...counts].map(([value, count]) => ({ value, count }))
    // The same orders as the queries in facets.ts.
    const keys = new Map(
      many(db, NAME_KEY, 'SELECT name, key FROM tags').map((t) => [t.name, t.key])
    )
    const key = (name: string): string => keys.get(name) ?? name
    return {
      total: this.total,
      favorites: this.favorites,
      withVideo: this.withVideo,
      instrumental: this.instrumental,
      userTags: list(this.userTags).sort(
        (a, b) => b.count - a.count || binary(key(a.value), key(b.value))
      ),
      styleTags: list(this.styleTags).sort((a, b) => b.count - a.count || binary(a.value, b.value)),
      models: list(this.models).sort(
        (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
      )
    }
  }
}
