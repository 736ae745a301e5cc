import type { NormalizedClip, NormalizedTask, RefusedClip } from '../../../shared/domain'
import { UNREADABLE_SUCCESS_MESSAGE } from '../gateway/normalize'
import { clipIdRefusal, clipIdRefusalCode } from './clip-id-edge'
import type { Db } from './db'
import { placeholders } from './db'
import { ensureStem, fileRows, freeStem } from './files'
import { mediaVerdicts, nextFileState, writeFile, settleForFailedTask } from './ingest-files'
import { CLIP_FIELD_MERGE, clipFieldColumns, clipFieldValues } from './rows/clip-fields'
import { SUMMARY_COLUMNS, summarize, summaryValues, type FileSummary } from './rows/file-summary'
import { int, one, shape, text, textOrNull } from './rows/read'
import { indexNewClip, reindexClips, type SearchMode } from './search-index'
import { setClipStyles } from './styles'
import { titleKey } from './text'
import { upstreamJsonOf, vocalFlag } from './upstream'

// recordTaskResult: what the gateway said about a task becomes task, clip and file rows.
// A task is answered many times as it progresses (queued → streaming → complete), so
// every write only ever moves forward: later answers fill in fields, never blank them,
// and a file already on disk is never touched again. The user's own title and note are
// never touched by an answer: the title key (sort, type-ahead) follows the user's title. New clips (the bulk of an import)
// are written in one go; known clips are updated in place.

export interface IngestContext {
  db: Db
  mode: SearchMode
  /** Clips whose metadata changed; their sidecars, if any, are rewritten. */
  onSidecarStale(pks: number[]): void
  /** The task and these clips were written (`inserted`: some clips are new). */
  onWritten?(taskId: string, pks: number[], inserted: boolean): void
}

export function recordTaskResult(
  ctx: IngestContext,
  task: NormalizedTask,
  now: number,
  opts: { downloadVideo: boolean }
): void {
  const { db } = ctx
  db.tx(() => {
    if (unchangedPendingAnswer(db, task)) return
    upsertTask(db, task, now)
    // A LYRICS task is text only (GATEWAY.md#clip-shapes): no clips, no media.
    if (task.kind === 'lyrics') {
      ctx.onWritten?.(task.taskId, [], false)
      return
    }
    const { valid, refused } = partitionClips(task.clips)
    const refusedJson = refused.length === 0 ? null : JSON.stringify(refused)
    // Written only when it changes: a poll that changes nothing writes nothing (issue 14 §6).
    db.run(
      'UPDATE tasks SET refused_clips = ? WHERE id = ? AND refused_clips IS NOT ?',
      refusedJson,
      task.taskId,
      refusedJson
    )
    const updated: number[] = []
    const inserted: number[] = []
    const reindex: number[] = []
    for (const clip of valid) {
      const known = one(db, KNOWN_CLIP, 'SELECT pk, stem FROM clips WHERE id = ?', clip.id)
      const current = known === undefined ? [] : fileRows(db, known.pk)
      const files = mediaVerdicts(clip, opts.downloadVideo).map(([kind, verdict]) => {
        const row = current.find((r) => r.kind === kind)
        const next = nextFileState(row, verdict)
        return { kind, row, next: task.state === 'failed' ? settleForFailedTask(row, next) : next }
      })
      const final = files.map(({ kind, row, next }) => ({
        kind,
        state: next?.state ?? row?.state ?? 'absent',
        queued: (next ?? row)?.state === 'pending' && (next ?? row)?.source_url != null
      }))
      const summary = summarize(final)
      // The file name is fixed when the first download is queued, once the title is
      // known; later title edits upstream do not move files around.
      const wantsName = final.some((f) => f.queued)
      let pk: number
      if (known === undefined) {
        pk = insertClip(db, clip, task.taskId, now, summary, wantsName)
        indexNewClip(db, ctx.mode, pk, clip)
        inserted.push(pk)
      } else {
        pk = known.pk
        if (updateClip(db, pk, clip, task.taskId, summary)) reindex.push(pk)
        if (wantsName && known.stem === null) ensureStem(db, pk)
        updated.push(pk)
      }
      for (const { kind, next } of files) if (next !== null) writeFile(db, pk, kind, next, now)
    }
    reindexClips(db, ctx.mode, reindex)
    ctx.onSidecarStale(updated)
    ctx.onWritten?.(task.taskId, [...inserted, ...updated], inserted.length > 0)
  })
}

/** The ingest edge for clip ids: the bridge accepts only ids that pass `clipId` (shared
 * schemas), so a clip whose id fails it (`../../x`, overlong, control characters) is not
 * stored at all; otherwise every bulk action naming it would be refused as a whole. */
function partitionClips(clips: readonly NormalizedClip[]): {
  valid: NormalizedClip[]
  refused: RefusedClip[]
} {
  const valid: NormalizedClip[] = []
  const refused: RefusedClip[] = []
  for (const clip of clips) {
    const reason = clipIdRefusal(clip.id)
    if (reason === null) valid.push(clip)
    else refused.push({ id: clip.id.slice(0, 200), reason, code: clipIdRefusalCode(clip.id) })
  }
  return { valid, refused }
}

const KNOWN_CLIP = shape({ pk: int, stem: textOrNull })
const SEARCHED_TEXT = shape({
  title: text,
  style_tags: textOrNull,
  lyrics: textOrNull,
  description_prompt: textOrNull
})

/** Answers in a row that say SUCCESS with nothing readable before Songshelf gives up:
 * the first and three more polls at the usual pace (some gateways fill `data` late). */
export const UNREADABLE_ANSWERS_LIMIT = 4

/** A still-pending task whose answer is, byte for byte, the one already stored: writing
 * it again would change nothing, and every poll cycle did (the upsert was 46% of polling
 * CPU, issue 14 §6). Only answers without clips: with clips, file states may move. */
function unchangedPendingAnswer(db: Db, task: NormalizedTask): boolean {
  if (task.state !== 'pending' || task.clips.length > 0 || task.unreadable != null) return false
  const same = db.get(
    `SELECT 1 AS x FROM tasks WHERE id = ? AND state = 'pending' AND raw_json = ?
       AND not_found_count = 0 AND unreadable_answers = 0 AND unreadable_json IS NULL`,
    task.taskId,
    JSON.stringify(task.raw)
  )
  return same !== undefined
}

function upsertTask(db: Db, task: NormalizedTask, now: number): void {
  const unreadable = task.unreadable == null ? null : JSON.stringify(task.unreadable)
  // The counter and the give-up are decided here, in the same statement, so a batch of
  // answers cannot race them; `excluded.unreadable_answers` is 1 for an unreadable answer.
  const givesUp = `excluded.unreadable_json IS NOT NULL
       AND tasks.unreadable_answers + 1 >= ${UNREADABLE_ANSWERS_LIMIT}`
  db.run(
    `INSERT INTO tasks (id, state, upstream_status, fail_reason, kind, added_at, raw_json,
       submit_time, finish_time, lyrics_title, lyrics_text, unreadable_answers, unreadable_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET
       state = CASE WHEN ${givesUp} THEN 'failed' ELSE excluded.state END,
       upstream_status = excluded.upstream_status,
       fail_reason = CASE WHEN ${givesUp} THEN ? ELSE excluded.fail_reason END,
       next_poll_at = CASE WHEN ${givesUp} THEN NULL ELSE tasks.next_poll_at END,
       unreadable_answers = CASE WHEN excluded.unreadable_json IS NULL THEN 0
         ELSE tasks.unreadable_answers + 1 END,
       unreadable_json = excluded.unreadable_json,
       kind = CASE WHEN excluded.kind = 'unknown' THEN tasks.kind ELSE excluded.kind END,
       raw_json = excluded.raw_json,
       submit_time = coalesce(excluded.submit_time, tasks.submit_time),
       finish_time = coalesce(excluded.finish_time, tasks.finish_time),
       lyrics_title = coalesce(excluded.lyrics_title, tasks.lyrics_title),
       lyrics_text = coalesce(excluded.lyrics_text, tasks.lyrics_text),
       not_found_count = 0,
       stale = CASE WHEN excluded.state = 'pending' THEN tasks.stale ELSE 0 END`,
    task.taskId,
    task.state,
    task.upstreamStatus,
    task.failReason,
    task.kind,
    now,
    JSON.stringify(task.raw),
    task.submitTime,
    task.finishTime,
    task.lyrics?.title ?? null,
    task.lyrics?.text ?? null,
    unreadable === null ? 0 : 1,
    unreadable,
    UNREADABLE_SUCCESS_MESSAGE
  )
}

// Column lists from rows/ (the one home of each); built once, so ingest reuses one statement.
const INSERT_CLIP_COLUMNS = `id, task_id, title, title_key, ${clipFieldColumns()}, added_at, stem,
  stem_key, ${SUMMARY_COLUMNS.join(', ')}, batch_index, has_vocal`
const INSERT_CLIP_SQL = `INSERT INTO clips (${INSERT_CLIP_COLUMNS})
  VALUES (${placeholders(INSERT_CLIP_COLUMNS.split(',').length)}) RETURNING pk`
const UPDATE_CLIP_SQL = `UPDATE clips SET
    task_id = ?,
    title = CASE WHEN ? = '' THEN title ELSE ? END,
    title_key = CASE WHEN ? = '' OR user_title IS NOT NULL THEN title_key ELSE ? END,
    ${CLIP_FIELD_MERGE},
    ${SUMMARY_COLUMNS.map((column) => `${column} = ?`).join(', ')},
    batch_index = coalesce(?, batch_index),
    has_vocal = coalesce(?, has_vocal)
  WHERE pk = ? RETURNING style_tags`

function insertClip(
  db: Db,
  clip: NormalizedClip,
  taskId: string,
  now: number,
  summary: FileSummary,
  wantsName: boolean
): number {
  const title = clip.title.trim()
  const name = wantsName
    ? freeStem(db, { id: clip.id, title, createdAt: clip.createdAt, addedAt: now }, null)
    : null
  const values = [
    clip.id,
    taskId,
    title,
    titleKey(title),
    ...clipFieldValues(clip),
    now,
    name?.stem ?? null,
    name?.key ?? null,
    ...summaryValues(summary),
    clip.batchIndex ?? null,
    vocalFlag(clip.hasVocal)
  ]
  const row = db.get(INSERT_CLIP_SQL, ...values)
  if (row === undefined) throw new Error(`Clip ${clip.id} was not stored`)
  const pk = int(row, 'pk')
  db.run(
    `INSERT INTO clip_texts (clip_pk, lyrics, description_prompt, raw_json, upstream_json)
     VALUES (?, ?, ?, ?, ?)`,
    pk,
    clip.lyrics,
    clip.descriptionPrompt,
    JSON.stringify(clip.raw),
    upstreamJsonOf(clip)
  )
  setClipStyles(db, pk, clip.styleTags, true)
  return pk
}

/** Updates a clip from a newer answer; true when its searchable text changed (a task
 * polled while generating repeats the same text every time, and re-indexing it for
 * search was most of a poll cycle's cost). */
function updateClip(
  db: Db,
  pk: number,
  clip: NormalizedClip,
  taskId: string,
  summary: FileSummary
): boolean {
  const title = clip.title.trim()
  const before = one(
    db,
    SEARCHED_TEXT,
    `SELECT c.title, c.style_tags, x.lyrics, x.description_prompt
     FROM clips c LEFT JOIN clip_texts x ON x.clip_pk = c.pk WHERE c.pk = ?`,
    pk
  )
  const differs = (next: string | null, old: string | null | undefined): boolean =>
    next !== null && next !== (old ?? null)
  const searchChanged =
    before === undefined ||
    (title !== '' && title !== before.title) ||
    differs(clip.styleTags, before.style_tags) ||
    differs(clip.lyrics, before.lyrics) ||
    differs(clip.descriptionPrompt, before.description_prompt)
  const row = db.get(
    UPDATE_CLIP_SQL,
    taskId,
    title,
    title,
    title,
    titleKey(title),
    ...clipFieldValues(clip),
    ...summaryValues(summary),
    clip.batchIndex ?? null,
    vocalFlag(clip.hasVocal),
    pk
  )
  db.run(
    `INSERT INTO clip_texts (clip_pk, lyrics, description_prompt, raw_json, upstream_json)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (clip_pk) DO UPDATE SET
       lyrics = coalesce(excluded.lyrics, clip_texts.lyrics),
       description_prompt = coalesce(excluded.description_prompt, clip_texts.description_prompt),
       raw_json = excluded.raw_json,
       upstream_json = coalesce(excluded.upstream_json, clip_texts.upstream_json)`,
    pk,
    clip.lyrics,
    clip.descriptionPrompt,
    JSON.stringify(clip.raw),
    upstreamJsonOf(clip)
  )
  setClipStyles(db, pk, row === undefined ? null : textOrNull(row, 'style_tags'))
  return searchChanged
}
