import { existsSync } from 'node:fs'
import { MEDIA_KINDS, type MediaKind } from '../../../shared/domain'
import type { Db } from './db'
import { placeholders } from './db'
import { refreshFileSummary } from './files'
import { resolveInside } from './naming'
import { PK, one, enumOf, many, shape, text, textOrNull } from './rows/read'

// Files that can only come back from the gateway (issue 12 §3): a file the index has as
// downloaded but that is not in the library folder (deleted, or lost with a disk), and a
// failed one (a dead or expired link, or a file `rebuild` found missing or refused). The
// gateway is asked for the clip's task again, and its fresh link re-queues the file.

const MISSING_ROW = shape({
  id: text,
  task_id: text,
  kind: enumOf(MEDIA_KINDS),
  state: enumOf(['done', 'failed'] as const),
  rel_path: textOrNull
})

export interface FileToFetch {
  clipId: string
  /** '' for a clip that did not come from a gateway task (an imported mp3). */
  taskId: string
  kind: MediaKind
  state: 'missing' | 'failed'
}

function onDisk(libraryDir: string, relPath: string | null): boolean {
  if (relPath === null) return false
  try {
    return existsSync(resolveInside(libraryDir, relPath))
  } catch {
    return false
  }
}

/** Missing and failed media files of the given clips (or of every clip); failed
 * generations are left out (the gateway will never send a file for them). */
export function filesToFetchAgain(
  db: Db,
  libraryDir: string,
  clipIds?: readonly string[],
  kind?: MediaKind
): FileToFetch[] {
  const params: string[] = []
  let scope = ''
  if (clipIds !== undefined) {
    scope += ` AND c.id IN (${placeholders(clipIds.length)})`
    params.push(...clipIds)
  }
  if (kind !== undefined) {
    scope += ' AND f.kind = ?'
    params.push(kind)
  }
  const rows = many(
    db,
    MISSING_ROW,
    `SELECT c.id, c.task_id, f.kind, f.state, f.rel_path
     FROM files f JOIN clips c ON c.pk = f.clip_pk
     WHERE f.kind != 'sidecar' AND f.state IN ('done', 'failed') AND c.status != 'error' ${scope}
     ORDER BY c.pk, f.kind`,
    ...params
  )
  const out: FileToFetch[] = []
  for (const row of rows) {
    if (row.state === 'done' && onDisk(libraryDir, row.rel_path)) continue
    out.push({
      clipId: row.id,
      taskId: row.task_id,
      kind: row.kind,
      state: row.state === 'done' ? 'missing' : 'failed'
    })
  }
  return out
}

/** Queues the file again with a fresh link from the gateway. */
export function queueWithLink(
  db: Db,
  clipId: string,
  kind: MediaKind,
  url: string,
  now: number
): boolean {
  return db.tx(() => {
    const clip = one(db, PK, 'SELECT pk FROM clips WHERE id = ?', clipId)
    if (clip === undefined) return false
    const changed = db.run(
      `UPDATE files SET state = 'pending', source_url = ?, error = NULL, attempts = 0,
         updated_at = ?
       WHERE clip_pk = ? AND kind = ? AND state IN ('done', 'failed')`,
      url,
      now,
      clip.pk,
      kind
    )
    refreshFileSummary(db, [clip.pk])
    return changed > 0
  })
}
