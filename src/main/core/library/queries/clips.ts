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
import { fileRows, toClipFiles, type FileDbRow } from '../files'
import { countMatches, type SearchMode, type SqlPart } from '../search-index'
import type { CliClip, CliFile } from '../types'
import { filterSql, orderSql, pageWindow } from './filter-sql'
import { parseUpstream, sidecarUpstreamOf, type StoredUpstream } from '../upstream'
import { ROW_COLUMNS, toClipRow, type ClipDbRow } from './rows'

// Reading clips: the windowed list, one clip in detail, and the CLI's list.

/** The statements behind a page, given the search's match count (exported so the bench
 * can time the same SQL bare). `total` is null when the match count already is the total. */
export function pageSql(
  q: LibraryQuery,
  mode: SearchMode,
  matches: number | null
): { rows: SqlPart; total: SqlPart | null } {
  const where = filterSql(q, mode, matches)
  const { offset, limit } = pageWindow(q.offset, q.limit)
  return {
    rows: {
      sql: `SELECT ${ROW_COLUMNS} FROM clips c WHERE ${where.sql}
        ORDER BY ${orderSql(q.sort, q.dir)} LIMIT ? OFFSET ?`,
      params: [...where.params, limit, offset]
    },
    total:
      where.onlySearch && matches !== null
        ? null
        : { sql: `SELECT count(*) AS n FROM clips c WHERE ${where.sql}`, params: where.params }
  }
}

export function queryClips(db: Db, mode: SearchMode, q: LibraryQuery): LibraryPage {
  const { offset, limit } = pageWindow(q.offset, q.limit)
  // As the user types, most keystrokes match either nothing or a great many songs; one
  // FTS count answers the first case outright and picks the plan for the second.
  const matches = countMatches(db, mode, q.search)
  if (matches === 0) return { rows: [], total: 0, offset }
  const sql = pageSql(q, mode, matches)
  const rows = limit === 0 ? [] : db.all<ClipDbRow>(sql.rows.sql, ...sql.rows.params)
  const total =
    sql.total === null ? matches : db.get<{ n: number }>(sql.total.sql, ...sql.total.params)?.n
  return { rows: rows.map(toClipRow), total: total ?? 0, offset }
}

interface DetailDbRow extends ClipDbRow {
  lyrics: string | null
  description_prompt: string | null
  major_model_version: string | null
  status: ClipStatus
  continue_clip_id: string | null
  continue_at: number | null
  upstream_json: string | null
}

interface RefDbRow {
  id: string
  title: string
  batch_index: number | null
  takes: number
}

/** A lineage reference with its take, so two takes of one title can be told apart. */
const REF_COLUMNS = `id, title, batch_index,
  (SELECT count(*) FROM clips k WHERE k.task_id = clips.task_id) AS takes`

const ref = (row: RefDbRow): ClipRef => ({
  id: row.id,
  title: row.title,
  take: row.batch_index === null ? null : row.batch_index + 1,
  takes: row.takes
})

export function getClip(db: Db, libraryDir: string, id: string): ClipDetail | null {
  const row = db.get<DetailDbRow>(
    `SELECT ${ROW_COLUMNS}, x.lyrics, x.description_prompt, c.major_model_version, c.status,
       c.continue_clip_id, c.continue_at, x.upstream_json
     FROM clips c LEFT JOIN clip_texts x ON x.clip_pk = c.pk WHERE c.id = ?`,
    id
  )
  if (row === undefined) return null
  const parent =
    row.continue_clip_id === null
      ? undefined
      : db.get<RefDbRow>(`SELECT ${REF_COLUMNS} FROM clips WHERE id = ?`, row.continue_clip_id)
  return {
    ...toClipRow(row),
    lyrics: row.lyrics,
    descriptionPrompt: row.description_prompt,
    majorModelVersion: row.major_model_version,
    status: row.status,
    continueClipId: row.continue_clip_id,
    continueAt: row.continue_at,
    extendedBy: db
      .all<RefDbRow>(
        `SELECT ${REF_COLUMNS} FROM clips WHERE continue_clip_id = ? ORDER BY created_at, id`,
        row.id
      )
      .map(ref),
    parent: parent === undefined ? null : ref(parent),
    siblings: db
      .all<RefDbRow>(
        `SELECT ${REF_COLUMNS} FROM clips WHERE task_id = ? AND id != ? ORDER BY created_at, id`,
        row.task_id,
        row.id
      )
      .map(ref),
    // The detail panel says which files are missing and offers "Download again".
    files: toClipFiles(libraryDir, fileRows(db, row.pk)).map(onDisk),
    ...lineageDetail(db, parseUpstream(row.upstream_json))
  }
}

/** Lineage edges with the other clip's title when it is in the library. */
function lineageDetail(db: Db, upstream: StoredUpstream): Pick<ClipDetail, 'lineage' | 'stem'> {
  const title = db.sql('SELECT title FROM clips WHERE id = ?')
  return {
    lineage: upstream.lineage.map((edge) => {
      const found = title.get(edge.clipId)
      return { ...edge, title: typeof found?.title === 'string' ? found.title : null }
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
  const where = filterSql(filter, mode, countMatches(db, mode, filter.search))
  const limit =
    typeof filter.limit === 'number' && Number.isFinite(filter.limit)
      ? Math.max(0, Math.trunc(filter.limit))
      : -1
  const rows = db.all<
    ClipDbRow & {
      lyrics: string | null
      description_prompt: string | null
      upstream_json: string | null
    }
  >(
    `SELECT ${ROW_COLUMNS}, x.lyrics, x.description_prompt, x.upstream_json
     FROM clips c LEFT JOIN clip_texts x ON x.clip_pk = c.pk WHERE ${where.sql}
     ORDER BY ${orderSql(undefined, undefined)} LIMIT ?`,
    ...where.params,
    limit
  )
  const filesByPk = new Map<number, FileDbRow[]>()
  for (let i = 0; i < rows.length; i += 500) {
    const pks = rows.slice(i, i + 500).map((row) => row.pk)
    const files = db.all<FileDbRow & { clip_pk: number }>(
      `SELECT clip_pk, kind, state, rel_path, bytes, error, source_url, attempts FROM files
       WHERE clip_pk IN (${placeholders(pks.length)})`,
      ...pks
    )
    for (const file of files) {
      const list = filesByPk.get(file.clip_pk) ?? []
      list.push(file)
      filesByPk.set(file.clip_pk, list)
    }
  }
  return rows.map((row) => {
    const slim = toClipRow(row)
    return {
      id: slim.id,
      taskId: slim.taskId,
      title: slim.title,
      styleTags: slim.styleTags,
      lyrics: row.lyrics,
      descriptionPrompt: row.description_prompt,
      durationSec: slim.durationSec,
      model: slim.model,
      createdAt: slim.createdAt,
      addedAt: slim.addedAt,
      userTags: slim.userTags,
      favorite: slim.favorite,
      plays: slim.plays,
      files: toClipFiles(libraryDir, filesByPk.get(row.pk) ?? []).map(onDisk),
      ...cliUpstream(sidecarUpstreamOf(row.batch_index, row.has_vocal, row.upstream_json))
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
