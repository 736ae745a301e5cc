import type { DatabaseSync } from 'node:sqlite'
import type { Db, Param } from './db'
import { placeholders } from './db'
import { noteIndexWrite, untilNextWrite } from './read-cache'
import { escapeLike } from './text'
import { count, int, many, one, PK, shape, text, textOrNull } from './rows/read'
import type { LibraryFilter } from '../../../shared/domain'

// Full-text search over title, style tags, lyrics, description prompt and user tags.
// The user's own title is indexed with the gateway's in the title column and the user's
// note with the user tags (issue 13): a renamed clip is found by either title and by its
// note, with no change to the table (so no rebuild of an existing index).
//
// Tokenizer: unicode61 (case and diacritics folded, so "cafe" finds "Café") plus our own
// CJK bigrams. Chinese and Japanese have no spaces, so unicode61 alone would index
// "夜晚城市" as one token and "夜晚" would never match. Each CJK run is indexed as
// overlapping bigrams plus its last character ("夜晚 晚城 城市 市"); a query becomes the
// phrase of its bigrams, and one character becomes a prefix query ("夜"*). Unlike the
// trigram tokenizer this finds 1- and 2-character queries, and keeps Latin prefix search
// ("lig" → "Lights") as the user types.
//
// The FTS table is contentless (the text lives in `clips`) and kept in sync explicitly
// by reindexClips(): the bigram step is JS, which triggers could not call from another
// connection (the CLI, a crash-test child, a bench).
//
// A second index, clips_fts_fields, holds the same clips without their lyrics (issue 14
// §2). Lyrics are 85% of the text: with the usual words of songs, a typed word matches
// most lyrics, and every search then lists 70–80 000 songs before it can show the first
// 100. Type-ahead looks in titles, styles, prompts and tags first (scope 'auto'), says
// how many more songs have the words only in their lyrics, and widens to them on request
// or when nothing else matches.

const META_VALUE = shape({ value: text })

export type SearchMode = 'fts5' | 'like'

/** Where a search looks: 'all' (lyrics too; the default), 'fields' (title, styles,
 * prompt, user tags), 'auto' ('fields' when any clip matches there, else 'all'). */
export type SearchScope = NonNullable<LibraryFilter['searchIn']>

/** Bump when indexText or the table definitions change: the index is then rebuilt.
 * Version 3 adds clips_fts_fields. */
const FTS_VERSION = '3'

/** Prefix indexes for 1–6 characters (version 2; was 1–3). Type-ahead words of 4–6 letters
 * were expanded over every matching term at query time: at 100 000 clips search p95 went
 * 27 → 13.6 ms with them, for an index 55% larger (docs/STORAGE.md#search-index). */
const FTS_PREFIXES = '1 2 3 4 5 6'

const CJK_RUN = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}]+/gu
const WORDLIKE = /[\p{L}\p{N}\p{Co}]/u

function bigrams(run: string, withLast: boolean): string {
  const chars = Array.from(run)
  if (chars.length === 1) return chars[0]
  const out: string[] = []
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1])
  if (withLast) out.push(chars[chars.length - 1])
  return out.join(' ')
}

/** The form of a text that goes into the index. */
export function indexText(text: string | null): string {
  if (text == null || text === '') return ''
  return text.normalize('NFC').replace(CJK_RUN, (run) => ` ${bigrams(run, true)} `)
}

/** An FTS5 MATCH expression for what the user typed, or null when there is nothing to
 * search for. Every word is a quoted phrase with a prefix star, so no input can be an
 * FTS syntax error: quotes are dropped (the tokenizer ignores them anyway) and operators
 * such as OR, NEAR or `title:` are plain text inside quotes. */
export function ftsQuery(input: string): string | null {
  const phrases = input
    .normalize('NFC')
    .split(/\s+/u)
    .filter((word) => WORDLIKE.test(word))
    .map((word) => word.replace(/"/gu, ' ').replace(CJK_RUN, (run) => ` ${bigrams(run, false)} `))
    .map((word) => `"${word.trim()}"*`)
  return phrases.length === 0 ? null : phrases.join(' ')
}

/** Index rows written (inserted, replaced, dropped) since the last optimize, per connection. */
const writesSinceOptimize = new WeakMap<DatabaseSync, number>()

function noteWrites(db: Db, rows: number): void {
  writesSinceOptimize.set(db.raw, (writesSinceOptimize.get(db.raw) ?? 0) + rows)
  noteIndexWrite(db)
}

/** How many index rows were written since the index was last optimized (this process). */
export function indexWritesSinceOptimize(db: Db): number {
  return writesSinceOptimize.get(db.raw) ?? 0
}

export interface SqlPart {
  sql: string
  params: Param[]
}

/** Above this many matches, the page is read in sort order and each row checked against
 * the matches, instead of fetching every match and sorting them (bench/library.bench.ts:
 * 80 000 matches take ~20 ms the second way and ~9 ms the first; 6 000 take 13 ms vs 1). */
export const DENSE_MATCHES = 1000

/** The FTS table a resolved scope searches. */
function ftsTable(scope: 'fields' | 'all'): string {
  return scope === 'fields' ? 'clips_fts_fields' : 'clips_fts'
}

/** The match count of one FTS expression in one table, reused until the index changes. */
function ftsCount(db: Db, table: string, match: string): number {
  // Asked by the page, the total and the facets of one query, and again for every later
  // page: the FTS expression is evaluated once per query until the index changes (a
  // favourite or a play does not change what matches).
  return untilNextWrite(
    db,
    `count\u0000${table}\u0000${match}`,
    () => count(db, `SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH ?`, match),
    'index'
  )
}

/** How many clips the search text matches (one cheap FTS count), or null without FTS or
 * without searchable text. */
export function countMatches(
  db: Db,
  mode: SearchMode,
  input: string | undefined,
  scope: SearchScope = 'all'
): number | null {
  return searchMatches(db, mode, { search: input, searchIn: scope })?.count ?? null
}

/** A search's match count and the table it was counted in ('auto' resolved). */
export interface SearchMatches {
  count: number
  scope: 'fields' | 'all'
  /** Every clip matches (a word every song's lyrics carry, such as "verse"): the search
   * then filters nothing, and the page is read as if there were none. */
  everyClip?: boolean
}

/** How many clips there are, reused until the index changes (every insert and delete
 * of a clip writes the index; another process's commit counts as a change too). */
function clipCount(db: Db): number {
  return untilNextWrite(
    db,
    'clip-count',
    () => count(db, 'SELECT count(*) AS n FROM clips'),
    'index'
  )
}

/** The match count of a filter's search with its scope resolved, or null without FTS or
 * without searchable text. Pass the answer to filterSql, so the page, the count and the
 * facets all look in the same place. */
export function searchMatches(
  db: Db,
  mode: SearchMode,
  filter: Pick<LibraryFilter, 'search' | 'searchIn'>
): SearchMatches | null {
  if (mode !== 'fts5' || typeof filter.search !== 'string') return null
  const match = ftsQuery(filter.search)
  if (match === null) return null
  const wanted = filter.searchIn ?? 'all'
  if (wanted !== 'all') {
    const count = ftsCount(db, ftsTable('fields'), match)
    if (count > 0 || wanted === 'fields') return { count, scope: 'fields' }
  }
  const count = ftsCount(db, ftsTable('all'), match)
  // Listing 100 000 matches to find the first 100 costs more than the whole page
  // otherwise: when the index says every clip matches, the search is no condition.
  const everyClip = count > DENSE_MATCHES && count === clipCount(db)
  return everyClip ? { count, scope: 'all', everyClip } : { count, scope: 'all' }
}

/** The scope a filter's search resolves to ('all' without FTS, where LIKE looks
 * everywhere). */
export function resolvedScope(
  db: Db,
  mode: SearchMode,
  filter: Pick<LibraryFilter, 'search' | 'searchIn'>
): 'fields' | 'all' {
  return searchMatches(db, mode, filter)?.scope ?? (filter.searchIn === 'fields' ? 'fields' : 'all')
}

/** `SELECT rowid …` of the clips a search matches in a resolved scope (facet scope fills). */
export function matchingRowids(scope: 'fields' | 'all', match: string): SqlPart {
  const table = ftsTable(scope)
  return { sql: `SELECT rowid FROM ${table} WHERE ${table} MATCH ?`, params: [match] }
}

/** Which of these clips the search matches in a resolved scope: one indexed probe per
 * clip, as a range. A reused `MATCH ? AND rowid = ?` statement answers with the first
 * matching row whatever the rowid (SQLite 3.53.4, node:sqlite; the range form does not),
 * so the answer is also checked to be that clip. For a handful of clips only: each probe
 * evaluates the expression again. */
export function clipsMatching(
  db: Db,
  scope: 'fields' | 'all',
  match: string,
  pks: readonly number[]
): Set<number> {
  const table = ftsTable(scope)
  const probe = db.sql(
    `SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND rowid >= ? AND rowid <= ?`
  )
  return new Set(pks.filter((pk) => probe.get(match, pk, pk)?.['rowid'] === pk))
}

/** A WHERE fragment (over `clips c`) for the search text, or null for "no search".
 * `matches` (from countMatches) picks the plan: the unary + stops SQLite from driving the
 * query from the FTS rows when there are many of them. */
export function searchClause(
  mode: SearchMode,
  input: string,
  matches: number | SearchMatches | null = null,
  scope: SearchScope = 'all'
): SqlPart | null {
  if (mode === 'fts5') {
    const match = ftsQuery(input)
    if (match === null) return null
    // A bare count (or none) is a count of every field: callers that resolve a scope
    // pass searchMatches()'s answer.
    const found = typeof matches === 'number' ? { count: matches, scope: 'all' as const } : matches
    if (found?.everyClip === true) return { sql: '1', params: [] }
    const dense = found !== null && found.count > DENSE_MATCHES ? '+' : ''
    const rowids = matchingRowids(found?.scope ?? 'all', match)
    return { sql: `${dense}c.pk IN (${rowids.sql})`, params: rowids.params }
  }
  const words = input
    .normalize('NFC')
    .split(/\s+/u)
    .filter((word) => WORDLIKE.test(word))
  if (words.length === 0) return null
  const parts: string[] = []
  const params: Param[] = []
  for (const word of words) {
    const pattern = `%${escapeLike(word)}%`
    // Without FTS, 'auto' looks everywhere: deciding would cost a second scan.
    const lyrics = scope === 'fields' ? '' : `x.lyrics LIKE ? ESCAPE '\\' OR `
    parts.push(`(c.title LIKE ? ESCAPE '\\' OR c.user_title LIKE ? ESCAPE '\\'
      OR c.style_tags LIKE ? ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM clip_texts x WHERE x.clip_pk = c.pk
                 AND (${lyrics}x.description_prompt LIKE ? ESCAPE '\\'
                      OR x.note LIKE ? ESCAPE '\\'))
      OR EXISTS (SELECT 1 FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id
                 WHERE ct.clip_pk = c.pk AND t.name LIKE ? ESCAPE '\\'))`)
    const fields = scope === 'fields' ? 6 : 7
    params.push(...Array.from({ length: fields }, () => pattern))
  }
  return { sql: parts.join(' AND '), params }
}

/** The search mode of an index that needs no work, or null when ensureSearchIndex must
 * create, rebuild or drop it first (what a read-only open checks, library/reader.ts). */
export function currentSearchMode(db: Db, ftsAvailable: boolean): SearchMode | null {
  const version = one(db, META_VALUE, "SELECT value FROM meta WHERE key = 'fts_version'")
  if (!ftsAvailable) return version === undefined ? 'like' : null
  return version?.value === FTS_VERSION ? 'fts5' : null
}

/** Creates (or rebuilds, after a tokenizer change or a spell without FTS5) the index. */
export function ensureSearchIndex(db: Db, ftsAvailable: boolean): SearchMode {
  const current = currentSearchMode(db, ftsAvailable)
  if (current !== null) return current
  const version = one(db, META_VALUE, "SELECT value FROM meta WHERE key = 'fts_version'")
  if (!ftsAvailable) {
    // Writes made now do not reach clips_fts; make the next FTS-capable open rebuild it.
    if (version !== undefined) db.run("DELETE FROM meta WHERE key = 'fts_version'")
    return 'like'
  }
  if (version?.value === FTS_VERSION) return 'fts5'
  db.tx(() => {
    noteIndexWrite(db)
    db.raw.exec('DROP TABLE IF EXISTS clips_fts')
    db.raw.exec('DROP TABLE IF EXISTS clips_fts_fields')
    const options = `content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '${FTS_PREFIXES}'`
    db.raw.exec(`CREATE VIRTUAL TABLE clips_fts USING fts5(
      title, style_tags, lyrics, prompt, user_tags, ${options})`)
    db.raw.exec(`CREATE VIRTUAL TABLE clips_fts_fields USING fts5(
      title, style_tags, prompt, user_tags, ${options})`)
    const pks = many(db, PK, 'SELECT pk FROM clips').map((row) => row.pk)
    reindexClips(db, 'fts5', pks)
    db.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('fts_version', ?)", FTS_VERSION)
  })
  optimizeSearchIndex(db, 'fts5')
  return 'fts5'
}

const readIndexSource = shape({
  pk: int,
  title: text,
  user_title: textOrNull,
  note: textOrNull,
  style_tags: textOrNull,
  lyrics: textOrNull,
  description_prompt: textOrNull,
  user_tags: textOrNull
})

/** Brings the index rows of these clips up to date (removed clips are dropped). */
export function reindexClips(db: Db, mode: SearchMode, pks: readonly number[]): void {
  if (mode !== 'fts5' || pks.length === 0) return
  noteWrites(db, pks.length)
  for (let i = 0; i < pks.length; i += 500) {
    const batch = pks.slice(i, i + 500)
    dropRows(db, batch)
    const rows = many(
      db,
      readIndexSource,
      `SELECT c.pk, c.title, c.user_title, c.style_tags, x.lyrics, x.description_prompt, x.note,
         (SELECT group_concat(t.name, ' ') FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id
          WHERE ct.clip_pk = c.pk) AS user_tags
       FROM clips c LEFT JOIN clip_texts x ON x.clip_pk = c.pk WHERE c.pk IN (${placeholders(batch.length)})`,
      ...batch
    )
    for (const row of rows) {
      insertRow(db, row.pk, {
        title: indexText(joined(row.title, row.user_title)),
        styles: indexText(row.style_tags),
        lyrics: indexText(row.lyrics),
        prompt: indexText(row.description_prompt),
        tags: indexText(joined(row.user_tags, row.note))
      })
    }
  }
}

/** Two texts indexed in one column; a line break keeps their words apart. */
function joined(first: string | null, second: string | null): string | null {
  if (second === null || second === '') return first
  return first === null || first === '' ? second : `${first}\n${second}`
}

interface IndexedText {
  title: string
  styles: string
  lyrics: string
  prompt: string
  tags: string
}

/** Writes one clip's rows in both indexes (the lyrics-free one without its lyrics). */
function insertRow(db: Db, pk: number, text: IndexedText): void {
  db.sql(
    'INSERT INTO clips_fts (rowid, title, style_tags, lyrics, prompt, user_tags) VALUES (?, ?, ?, ?, ?, ?)'
  ).run(pk, text.title, text.styles, text.lyrics, text.prompt, text.tags)
  db.sql(
    'INSERT INTO clips_fts_fields (rowid, title, style_tags, prompt, user_tags) VALUES (?, ?, ?, ?, ?)'
  ).run(pk, text.title, text.styles, text.prompt, text.tags)
}

/** Drops these clips' rows from both indexes. */
function dropRows(db: Db, pks: readonly number[]): void {
  const all = db.sql('DELETE FROM clips_fts WHERE rowid = ?')
  const fields = db.sql('DELETE FROM clips_fts_fields WHERE rowid = ?')
  for (const pk of pks) {
    all.run(pk)
    fields.run(pk)
  }
}

/** Indexes a clip that was just inserted (no old row to drop, no user tags yet). */
export function indexNewClip(
  db: Db,
  mode: SearchMode,
  pk: number,
  clip: {
    title: string
    styleTags: string | null
    lyrics: string | null
    descriptionPrompt: string | null
  }
): void {
  if (mode !== 'fts5') return
  noteWrites(db, 1)
  insertRow(db, pk, {
    title: indexText(clip.title),
    styles: indexText(clip.styleTags),
    lyrics: indexText(clip.lyrics),
    prompt: indexText(clip.descriptionPrompt),
    tags: ''
  })
}

/** Drops index rows of clips that are being deleted. */
export function unindexClips(db: Db, mode: SearchMode, pks: readonly number[]): void {
  if (mode !== 'fts5') return
  noteWrites(db, pks.length)
  dropRows(db, pks)
}

/** Merges the index into one segment and drops the tombstones re-indexing leaves
 * (contentless_delete): 21% of search CPU at 100 000 clips, p95 −27%. Costs about 1 s at
 * 100 000 clips, so it runs after bulk work (a rebuild, a new index), not per write. */
export function optimizeSearchIndex(db: Db, mode: SearchMode): void {
  if (mode !== 'fts5') return
  db.run("INSERT INTO clips_fts (clips_fts) VALUES ('optimize')")
  db.run("INSERT INTO clips_fts_fields (clips_fts_fields) VALUES ('optimize')")
  writesSinceOptimize.set(db.raw, 0)
}
