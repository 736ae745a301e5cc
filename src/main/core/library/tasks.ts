import type { StoredTask, TaskPollPatch } from '../sync/store-port'
import type { Db } from './db'
import { requeueFailedFiles } from './files'
import { readTask, TASK_COLUMNS } from './rows/tasks'
import { int, intOrNull, one, shape } from './rows/read'

// Task rows as the poller sees them (the SyncStore half that is about tasks).

const PENDING_SUMMARY = shape({ n: int, next: intOrNull })

export function addTasks(db: Db, ids: string[], now: number): { added: string[]; known: string[] } {
  const added: string[] = []
  const known: string[] = []
  db.tx(() => {
    for (const id of new Set(ids.map((raw) => raw.trim()).filter((id) => id !== ''))) {
      const changes = db.run(
        `INSERT INTO tasks (id, state, added_at) VALUES (?, 'pending', ?) ON CONFLICT (id) DO NOTHING`,
        id,
        now
      )
      ;(changes > 0 ? added : known).push(id)
    }
  })
  return { added, known }
}

export function tasksToPoll(db: Db, now: number): StoredTask[] {
  return db
    .sql(
      `SELECT ${TASK_COLUMNS} FROM tasks
       WHERE state = 'pending' AND (next_poll_at IS NULL OR next_poll_at <= ?)
       ORDER BY coalesce(next_poll_at, 0), added_at, id`
    )
    .all(now)
    .map(readTask)
}

export function pendingTasks(db: Db): StoredTask[] {
  return db
    .sql(`SELECT ${TASK_COLUMNS} FROM tasks WHERE state = 'pending' ORDER BY added_at, id`)
    .all()
    .map(readTask)
}

/** How many tasks are pending and when the soonest is due (0 = now), in one query. */
export function pendingSummary(db: Db): { count: number; nextPollAt: number | null } {
  const row = one(
    db,
    PENDING_SUMMARY,
    `SELECT count(*) AS n, min(coalesce(next_poll_at, 0)) AS next FROM tasks WHERE state = 'pending'`
  )
  return { count: row?.n ?? 0, nextPollAt: row?.next ?? null }
}

export function getTask(db: Db, id: string): StoredTask | null {
  const row = db.sql(`SELECT ${TASK_COLUMNS} FROM tasks WHERE id = ?`).get(id)
  return row === undefined ? null : readTask(row)
}

export function recordPoll(db: Db, id: string, patch: TaskPollPatch): void {
  db.run(
    // A task that just ended (an answer in the same poll gave up on it) keeps no schedule.
    `UPDATE tasks SET last_polled_at = ?, next_poll_at = CASE WHEN state = 'pending' THEN ? END,
       not_found_count = coalesce(?, not_found_count),
       stale = coalesce(?, stale)
     WHERE id = ?`,
    patch.lastPolledAt,
    patch.nextPollAt,
    patch.notFoundCount ?? null,
    patch.stale === undefined ? null : patch.stale ? 1 : 0,
    id
  )
}

// Only a task still waiting for an answer can become not_found or failed this way: a
// succeeded task keeps its songs and its state whatever a later poll says.
export function markTaskNotFound(db: Db, id: string, now: number): void {
  db.run(
    `UPDATE tasks SET state = 'not_found', last_polled_at = ?, next_poll_at = NULL, stale = 0
     WHERE id = ? AND state = 'pending'`,
    now,
    id
  )
}

export function markTaskFailed(db: Db, id: string, reason: string, now: number): void {
  db.run(
    `UPDATE tasks SET state = 'failed', fail_reason = ?, last_polled_at = ?, next_poll_at = NULL,
       stale = 0
     WHERE id = ? AND state IN ('pending', 'not_found')`,
    reason,
    now,
    id
  )
}

/** Polls a failed, not-found or stale task again from scratch, and re-queues its failed
 * downloads. */
export function retryTask(
  db: Db,
  id: string,
  now: number,
  onRequeued?: (pks: number[]) => void
): boolean {
  return db.tx(() => {
    const task = db.run(
      `UPDATE tasks SET state = 'pending', fail_reason = NULL, not_found_count = 0,
         stale = 0, next_poll_at = NULL, unreadable_answers = 0
       WHERE id = ? AND (state IN ('failed', 'not_found') OR (state = 'pending' AND stale = 1))`,
      id
    )
    const { pks, changed: files } = requeueFailedFiles(
      db,
      'AND clip_pk IN (SELECT pk FROM clips WHERE task_id = ?)',
      [id],
      now
    )
    if (files > 0) onRequeued?.(pks)
    return task + files > 0
  })
}

/** Forgets a task: it leaves the task list and is no longer polled. Its clips and files
 * stay in the library (they keep the task id for lineage); adding the id again polls it
 * again and merges into the same clips. */
export function removeTask(db: Db, id: string): boolean {
  return db.run('DELETE FROM tasks WHERE id = ?', id) > 0
}
