import { displayTitle } from '../../../../shared/clip-title'
import { existsSync } from 'node:fs'
import type {
  ClipDetail,
  ClipFile,
  ClipRef,
  ClipStatus,
  LibraryFilter,
  LibraryPage,
  LibraryQuery
} from '../../../../shared/domain'
import type { Db } from '../db'
import { placeholders } from '../db'
import { fileRows, readFileRow, toClipFiles, type FileDbRow } from '../files'
import { searchMatches, type SearchMatches, type SearchMode, type SqlPart } from '../search-index'
import type { CliClip, CliFile } from '../types'
import { filterSql, orderSql, pageWindow, sortOrder } from './filter-sql'
import { parseUpstream, sidecarUpstreamOf, type StoredUpstream } from '../upstream'
import { ROW_COLUMNS, toClipRow } from './rows'
import { CLIP_STATUSES } from '../rows/clip-fields'
import {
  count,
  int,
  intOrNull,
  many,
  numOrNull,
  one,
  oneOf,
  text,
  textOrNull,
  type DbRow
} from '../rows/read'

// Reading clips: the windowed list, one clip in detail, and the CLI's list.

/** The statements behind a page, given the search's match count (exported so the bench
 * can time the same SQL bare). `total` is null when the match count already is the total.
 * `tail` reads the same page from the end of the order once the total is known. */
export function pageSql(
  q: LibraryQuery,
  mode: SearchMode,
  matches: number | SearchMatches | null
): { rows: SqlPart; total: SqlPart | null; tail: (total: number) => SqlPart } {
  const where = filterSql(q, mode, matches)
  const { offset, limit } = pageWindow(q.offset, q.limit)
  const rows = (order: string, take: number, skip: number): SqlPart => ({
    sql: `SELECT ${ROW_COLUMNS} FROM clips c WHERE ${where.sql}
        ORDER BY ${order} LIMIT ? OFFSET ?`,
    params: [...where.params, take, skip]
  })
  const { direction } = sortOrder(q.sort, q.dir)
  const reversed = orderSql(q.sort, direction === 'asc' ? 'desc' : 'asc')
  return {
    rows: rows(orderSql(q.sort, q.dir), limit, offset),
    total:
      where.onlySearch && matches !== null
        ? null
        : { sql: `SELECT count(*) AS n FROM clips c WHERE ${where.sql}`, params: where.params },
    // Every order ends with the id, so no two rows tie and the reversed order is exactly
    // the forward one backwards: skip the rows after the page instead of those before it.
    tail: (total) => {
      const take = Math.max(0, Math.min(limit, total - offset))
      return rows(reversed, take, Math.max(0, total - offset - take))
    }
  }
}

export function queryClips(db: Db, mode: SearchMode, q: LibraryQuery): LibraryPage {
  const { offset, limit } = pageWindow(q.offset, q.limit)
  // As the user types, most keystrokes match either nothing or a great many songs; one
  // FTS count answers the first case outright and picks the plan for the second.
  const matches = searchMatches(db, mode, q)
  // Where a fields-first search looked, so the list can say so and offer the lyrics.
  const searchedIn =
    q.searchIn === undefined || matches === null ? {} : { searchedIn: matches.scope }
  if (matches?.count === 0) return { rows: [], total: 0, offset, ...searchedIn }
  const sql = pageSql(q, mode, matches)
  const total =
    (sql.total === null ? matches?.count : count(db, sql.total.sql, ...sql.total.params)) ?? 0
  if (limit === 0 || offset >= total) return { rows: [], total, offset, ...searchedIn }
  // OFFSET n steps over n rows and looks each up for the filter's terms: the last page of
  // 100,000 clips (End, the bottom of a fling) cost 0.1–0.5 s that way (issue 14 §1). A
  // page in the far half is read from the other end, reversed, and turned back.
  const page = offset > Math.max(0, (total - limit) / 2) ? sql.tail(total) : null
  const rows =
    page === null
      ? many(db, toClipRow, sql.rows.sql, ...sql.rows.params)
      : many(db, toClipRow, page.sql, ...page.params).reverse()
  return { rows, total, offset, ...searchedIn }
}

/** A lineage reference with its take, so two takes of one title can be told apart. */
const REF_COLUMNS = `id, title, user_title, batch_index,
  (SELECT count(*) FROM clips k WHERE k.task_id = clips.task_id) AS takes`

function ref(row: DbRow): ClipRef {
  const batchIndex = intOrNull(row, 'batch_index')
  return {
    id: text(row, 'id'),
    title: displayTitle(text(row, 'title'), textOrNull(row, 'user_title')),
    take: batchIndex === null ? null : batchIndex + 1,
    takes: int(row, 'takes')
  }
}

export function getClip(db: Db, libraryDir: string, id: string): ClipDetail | null {
  const row = db.get(
    `SELECT ${ROW_COLUMNS}, x.lyrics, x.description_prompt, c.major_model_version, c.status,
       c.continue_clip_id, c.continue_at, x.upstream_json, x.note
     FROM clips c LEFT JOIN clip_texts x ON x.clip_pk = c.pk WHERE c.id = ?`,
    id
  )
  if (row === undefined) return null
  const slim = toClipRow(row)
  const continueClipId = textOrNull(row, 'continue_clip_id')
  const parent =
    continueClipId === null
      ? undefined
      : one(db, ref, `SELECT ${REF_COLUMNS} FROM clips WHERE id = ?`, continueClipId)
  const status: ClipStatus = oneOf(row, 'status', CLIP_STATUSES)
  return {
    ...slim,
    lyrics: textOrNull(row, 'lyrics'),
    descriptionPrompt: textOrNull(row, 'description_prompt'),
    majorModelVersion: textOrNull(row, 'major_model_version'),
    status,
    continueClipId,
    continueAt: numOrNull(row, 'continue_at'),
    extendedBy: many(
      db,
      ref,
      `SELECT ${REF_COLUMNS} FROM clips WHERE continue_clip_id = ? ORDER BY created_at, id`,
      slim.id
    ),
    parent: parent === undefined ? null : parent,
    siblings: many(
      db,
      ref,
      `SELECT ${REF_COLUMNS} FROM clips WHERE task_id = ? AND id != ? ORDER BY created_at, id`,
      slim.taskId,
      slim.id
    ),
    // The detail panel says which files are missing and offers "Download again".
    files: toClipFiles(libraryDir, fileRows(db, int(row, 'pk'))).map(onDisk),
    ...lineageDetail(db, parseUpstream(textOrNull(row, 'upstream_json'))),
    note: textOrNull(row, 'note')
  }
}

/** Lineage edges with the other clip's title when it is in the library. */
function lineageDetail(db: Db, upstream: StoredUpstream): Pick<ClipDetail, 'lineage' | 'stem'> {
  const title = db.sql('SELECT title, user_title FROM clips WHERE id = ?')
  return {
    lineage: upstream.lineage.map((edge) => {
      const found = title.get(edge.clipId)
      if (typeof found?.title !== 'string') return { ...edge, title: null }
      const own = typeof found.user_title === 'string' ? found.user_title : null
      return { ...edge, title: displayTitle(found.title, own) }
    }),
    stem: upstream.stem
  }
}

/** Clips for `songshelf list`: the list filters and order, with lyrics and every file.
 * Without a limit, every matching clip. */
export function listClipsForCli(
  db: Db,
  mode: SearchMode,
  libraryDir: string,
  filter: LibraryFilter & { limit?: number }
): CliClip[] {
  const where = filterSql(filter, mode, searchMatches(db, mode, filter))
  const limit =
    typeof filter.limit === 'number' && Number.isFinite(filter.limit)
      ? Math.max(0, Math.trunc(filter.limit))
      : -1
  const rows = db.all(
    `SELECT ${ROW_COLUMNS}, x.lyrics, x.description_prompt, x.upstream_json, x.note
     FROM clips c LEFT JOIN clip_texts x ON x.clip_pk = c.pk WHERE ${where.sql}
     ORDER BY ${orderSql(undefined, undefined)} LIMIT ?`,
    ...where.params,
    limit
  )
  const filesByPk = new Map<number, FileDbRow[]>()
  for (let i = 0; i < rows.length; i += 500) {
    const pks = rows.slice(i, i + 500).map((row) => int(row, 'pk'))
    const files = db.all(
      `SELECT clip_pk, kind, state, rel_path, bytes, error, source_url, attempts FROM files
       WHERE clip_pk IN (${placeholders(pks.length)})`,
      ...pks
    )
    for (const file of files) {
      const pk = int(file, 'clip_pk')
      const list = filesByPk.get(pk) ?? []
      list.push(readFileRow(file))
      filesByPk.set(pk, list)
    }
  }
  return rows.map((row) => {
    const slim = toClipRow(row)
    return {
      id: slim.id,
      taskId: slim.taskId,
      // `title` stays the gateway's (a stable interface); the user's own sits beside it.
      title: text(row, 'title'),
      userTitle: textOrNull(row, 'user_title'),
      note: textOrNull(row, 'note'),
      styleTags: slim.styleTags,
      lyrics: textOrNull(row, 'lyrics'),
      descriptionPrompt: textOrNull(row, 'description_prompt'),
      durationSec: slim.durationSec,
      model: slim.model,
      createdAt: slim.createdAt,
      addedAt: slim.addedAt,
      userTags: slim.userTags,
      favorite: slim.favorite,
      plays: slim.plays,
      files: toClipFiles(libraryDir, filesByPk.get(int(row, 'pk')) ?? []).map(onDisk),
      ...cliUpstream(
        sidecarUpstreamOf(
          intOrNull(row, 'batch_index'),
          intOrNull(row, 'has_vocal'),
          textOrNull(row, 'upstream_json')
        )
      )
    }
  })
}

function cliUpstream(
  up: ReturnType<typeof sidecarUpstreamOf>
): Pick<CliClip, 'take' | 'instrumental' | 'stem' | 'lineage'> {
  return { take: up.take, instrumental: up.instrumental, stem: up.stem, lineage: up.lineage }
}

/** A file the index has as done but that is not on disk (deleted, or its library folder
 * vanished) is listed as missing, never as downloaded. */
function onDisk(file: ClipFile): CliFile {
  if (file.state !== 'done' || (file.path !== null && existsSync(file.path))) return file
  return { ...file, state: 'missing', path: null, error: 'The file is not in the library folder.' }
}
