import {
  MEDIA_KINDS,
  type RefusedClip,
  type TaskPhase,
  type TaskProblem,
  type TaskRow,
  type TaskState
} from '../../../../shared/domain'
import type { Db } from '../db'
import { parseErrorParams } from '../file-errors'
import { readListedTask, TASK_LIST_COLUMNS, type ListedTask } from '../rows/tasks'
import { enumOf, many, shape, text, textOrNull } from '../rows/read'
import { FILE_STATES } from './rows'

// The task list as the user sees it: one row per task with a user-facing phase, its
// clips and its file progress. Three grouped queries, not one per task.

const readFileStat = shape({
  task_id: text,
  clip_id: text,
  kind: enumOf(MEDIA_KINDS),
  state: enumOf(FILE_STATES),
  error: textOrNull,
  error_code: textOrNull,
  error_params: textOrNull
})
type FileStatDbRow = ReturnType<typeof readFileStat>
const TASK_CLIP = shape({ task_id: text, id: text })

// Gateway statuses before Suno has produced anything (GATEWAY.md#status).
const NOT_STARTED = new Set(['', 'NOT_START', 'SUBMITTED', 'QUEUED'])

export function taskPhase(
  task: { state: TaskState; upstreamStatus: string; stale: boolean },
  clipCount: number,
  filesPending: number
): TaskPhase {
  switch (task.state) {
    case 'failed':
      return 'failed'
    case 'not_found':
      return 'not_found'
    case 'succeeded':
      return filesPending > 0 ? 'downloading' : 'done'
    default:
      if (task.stale) return 'stale'
      if (clipCount === 0 || NOT_STARTED.has(task.upstreamStatus.toUpperCase())) return 'waiting'
      return 'generating'
  }
}

export function listTasks(db: Db): TaskRow[] {
  const tasks = db
    .sql(`SELECT ${TASK_LIST_COLUMNS} FROM tasks ORDER BY added_at DESC, id DESC`)
    .all()
    .map(readListedTask)
  const clipIds = new Map<string, string[]>()
  for (const row of many(
    db,
    TASK_CLIP,
    `SELECT c.task_id, c.id FROM clips c JOIN tasks t ON t.id = c.task_id
     ORDER BY c.task_id, c.created_at, c.id`
  )) {
    const list = clipIds.get(row.task_id) ?? []
    list.push(row.id)
    clipIds.set(row.task_id, list)
  }
  const files = new Map<string, FileStatDbRow[]>()
  for (const row of many(
    db,
    readFileStat,
    `SELECT c.task_id, c.id AS clip_id, f.kind, f.state, f.error, f.error_code, f.error_params
     FROM files f JOIN clips c ON c.pk = f.clip_pk JOIN tasks t ON t.id = c.task_id
     WHERE f.kind != 'sidecar' AND f.state != 'absent'
     ORDER BY c.task_id, c.id, f.kind`
  )) {
    const list = files.get(row.task_id) ?? []
    list.push(row)
    files.set(row.task_id, list)
  }

  return tasks.map((task): TaskRow => {
    const clips = clipIds.get(task.id) ?? []
    const taskFiles = files.get(task.id) ?? []
    const pending = taskFiles.filter((f) => f.state === 'pending').length
    const problem = problemOf(task)
    return {
      id: task.id,
      state: task.state,
      phase: problem !== null ? 'unreadable' : taskPhase(task, clips.length, pending),
      upstreamStatus: task.upstreamStatus,
      failReason: task.failReason,
      clipIds: clips,
      addedAt: task.addedAt,
      lastPolledAt: task.lastPolledAt,
      nextPollAt: task.nextPollAt,
      // A failed task's files fail with it; its reason says everything.
      fileErrors: taskFiles
        .filter((f) => f.state === 'failed' && task.state !== 'failed')
        .map((f) => ({
          clipId: f.clip_id,
          kind: f.kind,
          error: f.error ?? 'Download failed.',
          ...(f.error !== null && f.error_code
            ? { errorCode: f.error_code, errorParams: parseErrorParams(f.error_params) }
            : {})
        })),
      filesDone: taskFiles.filter((f) => f.state === 'done').length,
      filesTotal: taskFiles.length,
      lyrics:
        task.lyricsText === null ? null : { title: task.lyricsTitle ?? '', text: task.lyricsText },
      problem,
      refusedClips:
        task.refusedClipsJson === null ? [] : (JSON.parse(task.refusedClipsJson) as RefusedClip[])
    }
  })
}

/** A success with nothing readable, while Songshelf asks again and once it gave up. */
function problemOf(task: ListedTask): TaskProblem | null {
  if (task.unreadableJson === null) return null
  if (task.state !== 'pending' && task.state !== 'failed') return null
  return {
    code: 'unreadable_success',
    answer: task.unreadableJson,
    answers: task.unreadableAnswers,
    final: task.state === 'failed'
  }
}
