import type { NormalizedTask } from '../../../shared/domain'
import { GatewayError } from './errors'
import { BATCH_PATH, callGateway, isMissingBatchRoute, singleTaskPath } from './gateway-http'
import { httpSettings, type GatewayHttpOptions } from './http-settings'
import { normalizeTask, normalizeTaskList } from './normalize'

export { validateBaseUrl, type BaseUrlCheck } from './base-url'
export { testConnection, type ConnectionTestResult } from './test-connection'
export { GatewayError, isRetryable, type GatewayErrorCode } from './errors'

// Task polling against one gateway (GATEWAY.md#routes, #polling): batches of ≤ 50
// ids, answers matched by task_id, and a one-by-one fallback where the batch route is
// missing.

/** One-hub returns at most 100 rows and new-api has no limit; 50 is safe for both
 * (docs/GATEWAY.md#routes). */
export const BATCH_SIZE = 50
/** Parallel single fetches in fallback mode: enough to keep up, few enough to be polite. */
const FALLBACK_CONCURRENCY = 4

export type GatewayClientOptions = GatewayHttpOptions

export interface CallOptions {
  signal?: AbortSignal
}

export interface BatchResult {
  /** Answers for the requested ids, in request order. */
  tasks: NormalizedTask[]
  /** Requested ids the gateway did not answer for; confirm them with `fetchTask`. */
  missing: string[]
}

export interface GatewayClient {
  fetchTasks(ids: readonly string[], opts?: CallOptions): Promise<BatchResult>
  /** null means the gateway said `task_not_exist` (unknown id, or another account's). */
  fetchTask(id: string, opts?: CallOptions): Promise<NormalizedTask | null>
  /** null until the first batch call shows whether `POST /suno/fetch` exists. */
  readonly batchSupported: boolean | null
}

export function createGatewayClient(opts: GatewayClientOptions): GatewayClient {
  const http = httpSettings(opts)
  let batchSupported: boolean | null = null

  async function fetchTask(id: string, callOpts: CallOptions = {}): Promise<NormalizedTask | null> {
    if (id.trim() === '') throw new GatewayError('bad_request', 'A task id cannot be empty.')
    let data: unknown
    try {
      data = await callGateway({ method: 'GET', path: singleTaskPath(id), ...callOpts }, http)
    } catch (err) {
      if (err instanceof GatewayError && err.gatewayCode === 'task_not_exist') return null
      throw err
    }
    const task = normalizeTask(data, id)
    if (task === null) {
      throw new GatewayError(
        'malformed',
        'The gateway answered without the task. Songshelf will retry.'
      )
    }
    // The answer to GET /fetch/{id} is that task, even when a fork reports another id
    // (newer new-api hands out public ids and keeps the upstream one, GATEWAY.md#routes).
    if (task.taskId === id) return task
    return { ...task, taskId: id, clips: task.clips.map((clip) => ({ ...clip, taskId: id })) }
  }

  async function fetchBatch(ids: string[], callOpts: CallOptions): Promise<NormalizedTask[]> {
    const data = await callGateway(
      { method: 'POST', path: BATCH_PATH, json: { ids }, ...callOpts },
      http
    )
    const wanted = new Set(ids)
    // GATEWAY.md#routes: order is whatever the DB returns and unknown ids are silently left out.
    return normalizeTaskList(data).filter((task) => wanted.has(task.taskId))
  }

  async function fetchEach(
    ids: string[],
    callOpts: CallOptions
  ): Promise<Map<string, NormalizedTask | null>> {
    const answers = new Map<string, NormalizedTask | null>()
    const failures: unknown[] = []
    let next = 0
    const worker = async (): Promise<void> => {
      while (failures.length === 0 && next < ids.length) {
        const id = ids[next++] as string
        try {
          answers.set(id, await fetchTask(id, callOpts))
        } catch (err) {
          failures.push(err)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(FALLBACK_CONCURRENCY, ids.length) }, worker))
    if (failures.length > 0) throw failures[0]
    return answers
  }

  async function fetchTasks(
    ids: readonly string[],
    callOpts: CallOptions = {}
  ): Promise<BatchResult> {
    const unique = [...new Set(ids)].filter((id) => id.trim() !== '')
    const found = new Map<string, NormalizedTask>()
    let pending = unique
    if (batchSupported !== false) {
      for (let i = 0; i < unique.length; i += BATCH_SIZE) {
        const chunk = unique.slice(i, i + BATCH_SIZE)
        try {
          for (const task of await fetchBatch(chunk, callOpts)) found.set(task.taskId, task)
          batchSupported = true
        } catch (err) {
          if (batchSupported === true || !isMissingBatchRoute(err)) throw err
          break
        }
      }
      pending = batchSupported === true ? [] : unique.filter((id) => !found.has(id))
    }
    if (pending.length > 0) {
      const answers = await fetchEach(pending, callOpts)
      // Only now is it known that the gateway answers single fetches where the batch
      // route failed; a wrong base URL fails both and leaves the question open.
      batchSupported = false
      for (const [id, task] of answers) if (task !== null) found.set(id, task)
    }
    return {
      tasks: unique.flatMap((id) => found.get(id) ?? []),
      missing: unique.filter((id) => !found.has(id))
    }
  }

  return {
    fetchTasks,
    fetchTask,
    get batchSupported(): boolean | null {
      return batchSupported
    }
  }
}
