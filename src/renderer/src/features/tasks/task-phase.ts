import type { TaskPhase, TaskRow } from '../../../../shared/domain'

export type Tone = 'neutral' | 'busy' | 'good' | 'bad' | 'warn'

export const PHASE_TONE: Record<TaskPhase, Tone> = {
  waiting: 'neutral',
  generating: 'busy',
  downloading: 'busy',
  done: 'good',
  failed: 'bad',
  not_found: 'bad',
  stale: 'warn',
  unreadable: 'bad'
}

export type TaskFilter = 'all' | 'active' | 'done' | 'problems'
export const TASK_FILTERS: TaskFilter[] = ['all', 'active', 'done', 'problems']

export function hasProblem(task: TaskRow): boolean {
  return PHASE_TONE[task.phase] === 'bad' || task.phase === 'stale' || task.fileErrors.length > 0
}

export function matchesFilter(task: TaskRow, filter: TaskFilter): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'active':
      return task.phase === 'waiting' || task.phase === 'generating' || task.phase === 'downloading'
    case 'done':
      return task.phase === 'done' && task.fileErrors.length === 0
    case 'problems':
      return hasProblem(task)
  }
}

/** Retry helps when the gateway gave up, did not know the id, went quiet, or a file failed. */
export function canRetry(task: TaskRow): boolean {
  return (
    task.phase === 'failed' ||
    task.phase === 'not_found' ||
    task.phase === 'stale' ||
    (task.phase === 'unreadable' && task.problem?.final === true) ||
    task.fileErrors.length > 0
  )
}
