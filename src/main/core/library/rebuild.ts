import { open, readdir, readFile, stat } from 'node:fs/promises'
import { posix } from 'node:path'
import { MEDIA_KINDS, type MediaKind } from '../../../shared/domain'
import { matchesKind, sniffMedia, SNIFF_BYTES } from '../media-types'
import { clipIdRefusal } from './clip-id-edge'
import type { Db } from './db'
import { placeholders } from './db'
import { refreshFileSummary } from './files'
import { isInside, resolveInside, stemKey } from './naming'
import { optimizeSearchIndex, reindexClips, unindexClips, type SearchMode } from './search-index'
import { CLIP_FIELDS, clipFieldValues, fromExcluded } from './rows/clip-fields'
import { parseSidecar, type Sidecar } from './sidecar'
import { setClipTags } from './tags'
import { setClipStyles } from './styles'
import { titleKey } from './text'
import { displayTitle, storedNote, storedUserTitle } from '../../../shared/clip-title'
import { LIBRARY_UNAVAILABLE_MESSAGE, type RebuildResult } from './types'
import { upstreamForRebuild, upstreamJsonOf, vocalFlag } from './upstream'
import { count, int, many, PK, shape, text } from './rows/read'

// Rebuilding the index from the library folder alone: every sidecar gives a clip, its
// user tags and favourite; the media files beside it are checked on disk. Clips that had
// something on disk but whose sidecar is gone are dropped; clips still downloading (no
// sidecar yet, nothing on disk) are kept. Play counts survive for clips that remain.

const MISSING = 'The file is missing from the library folder.'

interface Found {
  rel: string
  bytes: number
  sidecar: Sidecar
  files: {
    kind: MediaKind
    rel: string
    bytes: number | null
    sha256: string | null
    refused?: string
  }[]
}

/** Why a file under a media name is not what it claims (issue 12 §3: a 0-byte mp3, an
 * HTML page saved as .mp3/.mp4, a JSON error saved as .jpg), or null when it looks right. */
async function refusal(path: string, kind: MediaKind, bytes: number): Promise<string | null> {
  if (bytes === 0) return 'The file in the library folder is empty.'
  const handle = await open(path, 'r').catch(() => null)
  if (handle === null) return null
  try {
    const head = new Uint8Array(SNIFF_BYTES)
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0)
    const sniffed = sniffMedia(head.subarray(0, bytesRead))
    if (matchesKind(sniffed, kind)) return null
    return `The file in the library folder is not a ${kind === 'cover' ? 'picture' : kind === 'audio' ? 'song' : 'video'} (${sniffed.type === 'html' ? 'a web page' : sniffed.type === 'json' ? 'an error message' : 'unknown content'}).`
  } finally {
    await handle.close()
  }
}

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir === '' ? root : resolveInside(root, dir), {
    withFileTypes: true
  })
  for (const entry of entries) {
    // Hidden entries: .trash, .DS_Store, editors' and sync clients' scratch files. Temp
    // files (.tmp) and partial downloads (.part) do not end in .json.
    if (entry.name.startsWith('.')) continue
    const rel = dir === '' ? entry.name : `${dir}/${entry.name}`
    if (entry.isDirectory()) await walk(root, rel, out)
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) out.push(rel)
  }
}

async function readSidecar(libraryDir: string, rel: string): Promise<Found | null> {
  const source = await readFile(resolveInside(libraryDir, rel), 'utf8').catch(() => null)
  const sidecar = source === null ? null : parseSidecar(source)
  if (sidecar === null) return null
  const files: Found['files'] = []
  for (const kind of MEDIA_KINDS) {
    const name = sidecar.files[kind]
    if (name === undefined) continue
    const fileRel = posix.normalize(posix.join(posix.dirname(rel), name))
    if (fileRel.startsWith('../') || !isInside(libraryDir, resolveInside(libraryDir, fileRel))) {
      continue
    }
    const info = await stat(resolveInside(libraryDir, fileRel)).catch(() => null)
    const bytes = info?.isFile() === true ? info.size : null
    const check = sidecar.fileChecks[kind]
    const refused =
      bytes === null
        ? null
        : ((await refusal(resolveInside(libraryDir, fileRel), kind, bytes)) ??
          // A cut-short mp3 keeps a valid header: only the recorded size gives it away.
          (check === undefined || check.bytes === bytes
            ? null
            : `The file in the library folder is ${bytes} bytes; ${check.bytes} were downloaded.`))
    const sha256 = check?.bytes === bytes ? check.sha256 : null
    files.push({ kind, rel: fileRel, bytes, sha256, ...(refused === null ? {} : { refused }) })
  }
  return { rel, bytes: Buffer.byteLength(source ?? ''), sidecar, files }
}

const BATCH = 500
const TASK_ADDED = shape({ task_id: text, added_at: int })

export async function rebuildIndex(
  db: Db,
  mode: SearchMode,
  libraryDir: string,
  libraryAvailable: boolean,
  now: number
): Promise<RebuildResult> {
  if (!libraryAvailable) {
    return { ok: false, code: 'library_unavailable', message: LIBRARY_UNAVAILABLE_MESSAGE }
  }
  const jsonFiles: string[] = []
  await walk(libraryDir, '', jsonFiles)
  // Sorted so a rebuild is deterministic (readdir order differs between file systems).
  jsonFiles.sort()
  const skipped: string[] = []
  const refused: string[] = []
  const seen = new Set<number>()
  // Read and apply in batches: 100 000 sidecars with their lyrics would not fit in
  // memory at once. A crash half way leaves a partial index that re-running repairs.
  for (let i = 0; i < jsonFiles.length; i += BATCH) {
    const rels = jsonFiles.slice(i, i + BATCH)
    const batch = await Promise.all(rels.map((rel) => readSidecar(libraryDir, rel)))
    rels.forEach((rel, n) => batch[n] === null && skipped.push(rel))
    const items: Found[] = []
    for (const item of batch) {
      if (item === null) continue
      // The same edge check as a gateway answer's clip ids: a sidecar naming `../../x` is
      // reported and never indexed.
      const reason = clipIdRefusal(item.sidecar.clip.id)
      if (reason === null) items.push(item)
      else
        refused.push(
          `${item.rel}: the clip id "${item.sidecar.clip.id.slice(0, 200)}" in it is not one Songshelf accepts (${reason}), so it was not indexed.`
        )
    }
    for (const item of items) {
      for (const file of item.files) {
        if (file.refused !== undefined) refused.push(`${file.rel}: ${file.refused}`)
      }
    }
    if (items.length === 0) continue
    db.tx(() => {
      const pks = items.map((item) => upsertFromSidecar(db, item, now))
      for (const pk of pks) seen.add(pk)
      reindexClips(db, mode, pks)
    })
  }
  const indexed = count(db, 'SELECT count(*) AS n FROM clips')
  // An empty mount point looks like an empty library: refuse to drop every clip.
  if (seen.size === 0 && indexed > 0) {
    return {
      ok: false,
      code: 'library_empty',
      message:
        'No Songshelf files were found in the library folder, so the index was left as it is. Check that the right folder is selected.'
    }
  }
  const tasks = db.tx(() => {
    // Gone from the folder: clips that had a file on disk but no sidecar any more.
    const gone = many(db, PK, `SELECT DISTINCT clip_pk AS pk FROM files WHERE state = 'done'`)
      .map((row) => row.pk)
      .filter((pk) => !seen.has(pk))
    unindexClips(db, mode, gone)
    for (const pk of gone) db.run('DELETE FROM clips WHERE pk = ?', pk)
    let added = 0
    for (const task of many(
      db,
      TASK_ADDED,
      `SELECT task_id, min(added_at) AS added_at FROM clips WHERE task_id != '' GROUP BY task_id`
    )) {
      added += db.run(
        `INSERT OR IGNORE INTO tasks (id, state, upstream_status, kind, added_at)
         VALUES (?, 'succeeded', 'SUCCESS', 'music', ?)`,
        task.task_id,
        task.added_at
      )
    }
    return added
  })
  // Every clip was re-indexed: merge the index and drop the tombstones in one go.
  optimizeSearchIndex(db, mode)
  return { ok: true, clips: seen.size, tasks, skipped, ...(refused.length > 0 ? { refused } : {}) }
}

// A sidecar is the whole truth about its clip: every column is taken from it.
const RESTORE_CLIP_COLUMNS = [
  'id',
  'task_id',
  'title',
  'user_title',
  'title_key',
  ...CLIP_FIELDS.map(([column]) => column),
  'added_at',
  'favorite',
  'stem',
  'stem_key'
]
const RESTORE_CLIP_SQL = `INSERT INTO clips (${RESTORE_CLIP_COLUMNS.join(', ')})
  VALUES (${placeholders(RESTORE_CLIP_COLUMNS.length)})
  ON CONFLICT (id) DO UPDATE SET ${fromExcluded(RESTORE_CLIP_COLUMNS.slice(1))}
  RETURNING pk`

function upsertFromSidecar(db: Db, item: Found, now: number): number {
  const { clip, library, user } = item.sidecar
  // The user's own title and note come back as they were typed, cleaned by the same rule.
  const userTitle = user.title === null ? null : storedUserTitle(clip.title, user.title)
  const note = user.note === null ? null : storedNote(user.note)
  const stem = item.rel.replace(/\.json$/iu, '')
  // Another indexed clip holding this name (a stale row) gives it up to the file.
  db.run(
    'UPDATE clips SET stem = NULL, stem_key = NULL WHERE stem_key = ? AND id != ?',
    stemKey(stem),
    clip.id
  )
  const values = [
    clip.id,
    clip.taskId,
    clip.title,
    userTitle,
    titleKey(displayTitle(clip.title, userTitle)),
    ...clipFieldValues(clip),
    library.addedAt ?? clip.createdAt ?? now,
    library.favorite ? 1 : 0,
    stem,
    stemKey(stem)
  ]
  const row = db.get(RESTORE_CLIP_SQL, ...values)
  if (row === undefined) throw new Error(`Clip ${clip.id} was not restored`)
  const pk = int(row, 'pk')
  db.run(
    `INSERT OR REPLACE INTO clip_texts (clip_pk, lyrics, description_prompt, raw_json, note)
     VALUES (?, ?, ?, ?, ?)`,
    pk,
    clip.lyrics,
    clip.descriptionPrompt,
    JSON.stringify(item.sidecar.gateway),
    note
  )
  setClipStyles(db, pk, clip.styleTags)
  // Media rows come from the disk; a row for a file that is gone says so in plain words.
  db.run('DELETE FROM files WHERE clip_pk = ?', pk)
  const insertFile = db.sql(
    `INSERT INTO files (clip_pk, kind, state, rel_path, bytes, sha256, error, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  for (const file of item.files) {
    if (file.refused !== undefined) {
      insertFile.run(pk, file.kind, 'failed', null, null, null, file.refused, now)
    } else if (file.bytes === null)
      insertFile.run(pk, file.kind, 'failed', null, null, null, MISSING, now)
    else insertFile.run(pk, file.kind, 'done', file.rel, file.bytes, file.sha256, null, now)
  }
  insertFile.run(pk, 'sidecar', 'done', item.rel, item.bytes, null, null, now)
  // Issue 16's upstream fields come back from the clip section, or else from everything
  // the gateway sent.
  const up = upstreamForRebuild(clip, item.sidecar.gateway)
  db.run(
    'UPDATE clips SET batch_index = ?, has_vocal = ? WHERE pk = ?',
    up.batchIndex ?? null,
    vocalFlag(up.hasVocal),
    pk
  )
  db.run('UPDATE clip_texts SET upstream_json = ? WHERE clip_pk = ?', upstreamJsonOf(up), pk)
  setClipTags(db, pk, library.userTags)
  refreshFileSummary(db, [pk])
  return pk
}
