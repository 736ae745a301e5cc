import { MEDIA_KINDS, type ClipFile, type FileKind, type FileState } from '../../../shared/domain'
import type { DownloadJob, FileResult } from '../sync/store-port'
import type { Db } from './db'
import { placeholders } from './db'
import { SUMMARY_FROM_FILES_SQL } from './rows/file-summary'
import { clipStem, relFilePath, resolveInside, stemKey, toRelPath, type StemInput } from './naming'
import { fileErrorColumns, parseErrorParams } from './file-errors'
import { FILE_STATES } from './queries/rows'
import {
  clipPk,
  count,
  enumOf,
  int,
  intOrNull,
  many,
  one,
  oneOf,
  shape,
  text,
  textOrNull,
  type DbRow
} from './rows/read'

// File rows: one per clip and kind, saying whether the file is on disk, queued, failed
// or not wanted, and where it lives. The clip row carries a summary of them (has_audio…,
// download_state) so list filters stay index lookups at 100 000 clips.

export const FILE_KINDS: readonly FileKind[] = ['audio', 'video', 'cover', 'video_cover', 'sidecar']

export interface FileDbRow {
  kind: FileKind
  state: FileState
  rel_path: string | null
  bytes: number | null
  error: string | null
  /** The error's code and JSON params (migration 10, file-errors.ts). */
  error_code?: string | null
  error_params?: string | null
  source_url: string | null
  attempts: number
}

/** A row selected with the columns of FileDbRow (the error code and params may be left out). */
export function readFileRow(row: DbRow): FileDbRow {
  const file: FileDbRow = {
    kind: oneOf(row, 'kind', FILE_KINDS),
    state: oneOf(row, 'state', FILE_STATES),
    rel_path: textOrNull(row, 'rel_path'),
    bytes: intOrNull(row, 'bytes'),
    error: textOrNull(row, 'error'),
    source_url: textOrNull(row, 'source_url'),
    attempts: int(row, 'attempts')
  }
  if ('error_code' in row) file.error_code = textOrNull(row, 'error_code')
  if ('error_params' in row) file.error_params = textOrNull(row, 'error_params')
  return file
}

export function fileRows(db: Db, pk: number): FileDbRow[] {
  return many(
    db,
    readFileRow,
    `SELECT kind, state, rel_path, bytes, error, error_code, error_params, source_url, attempts
     FROM files WHERE clip_pk = ?`,
    pk
  )
}

/** Every kind, absent ones included, except an animated cover the clip never had (only
 * some gateways send one, issue 16); paths only for files on disk. */
export function toClipFiles(libraryDir: string, rows: FileDbRow[]): ClipFile[] {
  return FILE_KINDS.flatMap((kind): ClipFile[] => {
    const row = rows.find((r) => r.kind === kind)
    if (kind === 'video_cover' && (row === undefined || row.state === 'absent')) return []
    if (row === undefined) return [{ kind, state: 'absent', path: null, bytes: null, error: null }]
    const path =
      row.state === 'done' && row.rel_path !== null ? safeResolve(libraryDir, row.rel_path) : null
    const file: ClipFile = { kind, state: row.state, path, bytes: row.bytes, error: row.error }
    // A code is only as current as the text beside it (writers that clear the text may
    // leave an old code).
    if (row.error !== null && row.error_code) {
      file.errorCode = row.error_code
      file.errorParams = parseErrorParams(row.error_params)
    }
    return [file]
  })
}

function safeResolve(libraryDir: string, relPath: string): string | null {
  try {
    return resolveInside(libraryDir, relPath)
  } catch {
    return null
  }
}

/** Recomputes the per-clip summary (rows/file-summary.ts) after its file rows changed. */
export function refreshFileSummary(db: Db, pks: readonly number[]): void {
  const stmt = db.sql(`UPDATE clips SET ${SUMMARY_FROM_FILES_SQL} WHERE pk = ?`)
  for (const pk of pks) stmt.run(pk)
}

const STEM_SOURCE = shape({
  id: text,
  title: text,
  created_at: intOrNull,
  added_at: int,
  stem: textOrNull
})

/** Gives a clip its library stem once, the first time it needs a file name. The id
 * suffix keeps distinct clips apart; if two ids share their first 8 characters (about
 * one pair per 100 000 UUIDs) and the rest of the name, the suffix grows. */
export function ensureStem(db: Db, pk: number): string {
  const clip = one(
    db,
    STEM_SOURCE,
    'SELECT id, title, created_at, added_at, stem FROM clips WHERE pk = ?',
    pk
  )
  if (clip === undefined) throw new Error(`No clip with pk ${pk}`)
  if (clip.stem !== null) return clip.stem
  const input = {
    id: clip.id,
    title: clip.title,
    createdAt: clip.created_at,
    addedAt: clip.added_at
  }
  const { stem, key } = freeStem(db, input, pk)
  db.run('UPDATE clips SET stem = ?, stem_key = ? WHERE pk = ?', stem, key, pk)
  return stem
}

/** The first stem for this clip that no other clip holds (case-insensitively). */
export function freeStem(
  db: Db,
  input: StemInput,
  pk: number | null
): { stem: string; key: string } {
  for (const length of [8, 12, 16, 24, 36, 64, 256]) {
    const stem = clipStem(input, length)
    const key = stemKey(stem)
    const taken = db.get('SELECT 1 AS x FROM clips WHERE stem_key = ? AND pk IS NOT ?', key, pk)
    if (taken === undefined) return { stem, key }
  }
  throw new Error(`No free file name for clip ${input.id}`)
}

/** A file waiting for its download. */
const QUEUED = "f.state = 'pending' AND f.source_url IS NOT NULL AND f.kind != 'sidecar'"

/** The download queue's one order: the file whose row changed longest ago goes first, so
 * a file queued again (retried, or a new link) goes to the back, behind what was waiting. */
export const DOWNLOAD_QUEUE_ORDER = 'f.updated_at, f.rowid'

const QUEUED_FILE = shape({
  pk: int,
  id: text,
  task_id: text,
  stem: textOrNull,
  kind: enumOf(MEDIA_KINDS),
  source_url: text,
  attempts: int
})

export function downloadJobs(db: Db, libraryDir: string, limit?: number): DownloadJob[] {
  const rows = many(
    db,
    QUEUED_FILE,
    `SELECT c.pk, c.id, c.task_id, c.stem, f.kind, f.source_url, f.attempts
     FROM files f JOIN clips c ON c.pk = f.clip_pk
     WHERE ${QUEUED}
     ORDER BY ${DOWNLOAD_QUEUE_ORDER}
     LIMIT ?`,
    limit === undefined ? -1 : Math.max(0, Math.floor(limit))
  )
  return rows.map((row) => {
    const stem = row.stem ?? db.tx(() => ensureStem(db, row.pk))
    return {
      clipId: row.id,
      taskId: row.task_id,
      kind: row.kind,
      url: row.source_url,
      targetPath: resolveInside(libraryDir, relFilePath(stem, row.kind)),
      attempts: row.attempts
    }
  })
}

export function countDownloadJobs(db: Db, clipId?: string): number {
  const where = QUEUED
  return clipId === undefined
    ? count(db, `SELECT count(*) AS n FROM files f WHERE ${where}`)
    : count(
        db,
        `SELECT count(*) AS n FROM files f JOIN clips c ON c.pk = f.clip_pk WHERE ${where} AND c.id = ?`,
        clipId
      )
}

const FILE_STATE = shape({ state: enumOf(FILE_STATES) })

/** Records what a download did. A file that is already done is never downgraded. */
export function setFileResult(
  db: Db,
  libraryDir: string,
  clipId: string,
  kind: FileKind,
  result: FileResult,
  now: number
): void {
  db.tx(() => {
    const pk = clipPk(db, clipId)
    // The clip was deleted while its download ran: nothing to record.
    if (pk === undefined) return
    const current = one(
      db,
      FILE_STATE,
      'SELECT state FROM files WHERE clip_pk = ? AND kind = ?',
      pk,
      kind
    )
    if (current?.state === 'done' && result.state !== 'done') return
    if (result.state === 'done') {
      const rel = toRelPath(libraryDir, result.path)
      if (rel === null) throw new Error(`Download saved outside the library: ${result.path}`)
      db.run(
        `INSERT INTO files (clip_pk, kind, state, rel_path, bytes, sha256, error, updated_at)
         VALUES (?, ?, 'done', ?, ?, ?, NULL, ?)
         ON CONFLICT (clip_pk, kind) DO UPDATE SET state = 'done', rel_path = excluded.rel_path,
           bytes = excluded.bytes, sha256 = excluded.sha256, error = NULL,
           updated_at = excluded.updated_at`,
        pk,
        kind,
        rel,
        result.bytes,
        result.sha256,
        now
      )
    } else {
      const coded = fileErrorColumns(result.error)
      db.run(
        `UPDATE files SET state = ?, error = ?, error_code = ?, error_params = ?,
           attempts = attempts + 1, updated_at = ?
         WHERE clip_pk = ? AND kind = ?`,
        result.state,
        result.error,
        coded.code,
        coded.params,
        now,
        pk,
        kind
      )
    }
    refreshFileSummary(db, [pk])
  })
}

const REL_PATH = shape({ rel_path: textOrNull })

export function getFilePath(
  db: Db,
  libraryDir: string,
  clipId: string,
  kind: FileKind
): string | null {
  const row = one(
    db,
    REL_PATH,
    `SELECT f.rel_path FROM files f JOIN clips c ON c.pk = f.clip_pk
     WHERE c.id = ? AND f.kind = ? AND f.state = 'done'`,
    clipId,
    kind
  )
  return row?.rel_path == null ? null : safeResolve(libraryDir, row.rel_path)
}

export function retryFailedFiles(
  db: Db,
  clipIds: string[] | undefined,
  now: number,
  kind?: FileKind,
  errors?: { equal: readonly string[]; prefixes: readonly string[] },
  onRequeued?: (pks: number[]) => void
): number {
  return db.tx(() => {
    const params: (string | number)[] = [...(clipIds ?? [])]
    let scope =
      clipIds === undefined
        ? ''
        : `AND clip_pk IN (SELECT pk FROM clips WHERE id IN (${placeholders(clipIds.length)}))`
    // "Retry this video" retries the video, not every failed file of the clip.
    if (kind !== undefined) {
      scope += ' AND kind = ?'
      params.push(kind)
    }
    if (errors !== undefined) {
      const tests = [
        ...errors.equal.map(() => 'error = ?'),
        ...errors.prefixes.map(() => 'substr(error, 1, ?) = ?')
      ]
      scope += ` AND (${tests.length === 0 ? '0' : tests.join(' OR ')})`
      params.push(...errors.equal)
      for (const prefix of errors.prefixes) params.push(prefix.length, prefix)
    }
    const { pks, changed } = requeueFailedFiles(db, scope, params, now)
    if (changed > 0) onRequeued?.(pks)
    return changed
  })
}

const CLIP_PK = shape({ clip_pk: int })

/** Queues the failed files in `scope` (SQL over the files table, starting with AND) again:
 * the one "retry" statement, for a clip's files and for a task's. They go to the back of
 * the queue (DOWNLOAD_QUEUE_ORDER), with their attempts reset and the summary refreshed. */
export function requeueFailedFiles(
  db: Db,
  scope: string,
  params: readonly (string | number)[],
  now: number
): { pks: number[]; changed: number } {
  const where = `state = 'failed' AND source_url IS NOT NULL AND kind != 'sidecar' ${scope}`
  const pks = many(db, CLIP_PK, `SELECT DISTINCT clip_pk FROM files WHERE ${where}`, ...params).map(
    (row) => row.clip_pk
  )
  const changed = db.run(
    `UPDATE files SET state = 'pending', error = NULL, attempts = 0, updated_at = ?
     WHERE ${where}`,
    now,
    ...params
  )
  refreshFileSummary(db, pks)
  return { pks, changed }
}
