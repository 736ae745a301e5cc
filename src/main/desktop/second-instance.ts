import { extractTaskIds } from '../../shared/task-ids'

/** What a second launch hands the running instance through
 * `requestSingleInstanceLock(additionalData)`: Electron's docs recommend this over parsing
 * `argv`, whose order and extra switches vary by platform and launcher (docs/api/app.md,
 * event 'second-instance'). */
export interface SecondInstanceData {
  taskIds: string[]
}

export function secondInstanceData(argv: readonly string[]): SecondInstanceData {
  const args = argv.filter((arg) => !arg.startsWith('-'))
  return { taskIds: extractTaskIds(args.join('\n')).ids }
}

/** The ids in a second instance's additionalData. It comes from another process, so it is
 * parsed, never trusted: anything that is not a task id is dropped. */
export function taskIdsFromSecondInstance(additionalData: unknown): string[] {
  const ids = (additionalData as { taskIds?: unknown } | null)?.taskIds
  if (!Array.isArray(ids)) return []
  const text = ids.filter((id): id is string => typeof id === 'string' && id.length < 200)
  return extractTaskIds(text.slice(0, 1000).join('\n')).ids
}
