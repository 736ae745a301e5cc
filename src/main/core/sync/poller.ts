import type { NormalizedTask } from '../../../shared/domain'
import { BATCH_SIZE, GatewayError, type GatewayClient } from '../gateway/client'
import { nextPollDelay, type PollPolicy } from './schedule'
import type { StoredTask, SyncStore } from './store-port'

export const GIVE_UP_MESSAGE =
  'The gateway gave no final answer within 24 hours, so Songshelf stopped asking. Press Retry to poll it again.'

export type PollOutcome =
  | { kind: 'idle' }
  | { kind: 'ok'; polled: number; changedTaskIds: string[] }
  | { kind: 'error'; error: GatewayError; changedTaskIds: string[] }

export interface PollDeps {
  store: SyncStore
  client: GatewayClient
  policy: PollPolicy
  downloadVideo: boolean
  signal?: AbortSignal
}

function schedule(store: SyncStore, task: StoredTask, now: number, policy: PollPolicy): void {
  const age = now - task.addedAt
  store.recordPoll(task.id, {
    lastPolledAt: now,
    nextPollAt: now + nextPollDelay(age, policy),
    notFoundCount: 0,
    stale: age >= policy.staleAfterMs
  })
}

/** Anything the client throws, as a GatewayError (unknown failures count as network). */
function asGatewayError(error: unknown): GatewayError {
  return error instanceof GatewayError
    ? error
    : new GatewayError('network', undefined, { cause: error })
}

/** One poll cycle: due tasks in batches, ids missing from the batch confirmed one by one,
 * results handed to the store. Never polls a finished task (only pending ones are due). */
export async function pollOnce(deps: PollDeps, now: number): Promise<PollOutcome> {
  const { store, client, policy } = deps
  const due = store.tasksToPoll(now)
  if (due.length === 0) return { kind: 'idle' }
  const changed: string[] = []

  // Tasks past the give-up age are closed without asking the gateway again.
  const live: StoredTask[] = []
  for (const task of due) {
    if (now - task.addedAt >= policy.giveUpAfterMs) {
      store.markTaskFailed(task.id, GIVE_UP_MESSAGE, now)
      changed.push(task.id)
    } else live.push(task)
  }
  if (live.length === 0) return { kind: 'ok', polled: 0, changedTaskIds: changed }

  const byId = new Map(live.map((task) => [task.id, task]))
  const ids = [...byId.keys()]
  const missing: string[] = []
  // Batch by batch, storing each answer as it comes: a failure halfway through keeps what
  // the earlier batches said instead of asking for it all again.
  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    let answers: NormalizedTask[]
    try {
      const result = await client.fetchTasks(ids.slice(start, start + BATCH_SIZE), {
        signal: deps.signal
      })
      answers = result.tasks
      missing.push(...result.missing)
    } catch (error) {
      return { kind: 'error', error: asGatewayError(error), changedTaskIds: changed }
    }
    // One transaction per answer: fifty tasks are one commit, not fifty.
    store.batch(() => {
      for (const answer of answers) {
        const task = byId.get(answer.taskId)
        if (!task) continue
        store.recordTaskResult(answer, now, { downloadVideo: deps.downloadVideo })
        if (answer.state === 'pending') schedule(store, task, now, policy)
        changed.push(task.id)
      }
    })
  }

  // GATEWAY.md#routes: ids missing from a batch answer are confirmed one by one before being called
  // not found; three `task_not_exist` in a row make it final.
  for (const id of missing) {
    const task = byId.get(id)
    if (!task) continue
    let answer: NormalizedTask | null
    try {
      answer = await client.fetchTask(id, { signal: deps.signal })
    } catch (error) {
      return { kind: 'error', error: asGatewayError(error), changedTaskIds: changed }
    }
    if (answer) {
      store.recordTaskResult(answer, now, { downloadVideo: deps.downloadVideo })
      if (answer.state === 'pending') schedule(store, task, now, policy)
    } else {
      const count = task.notFoundCount + 1
      if (count >= policy.notFoundConfirmations) store.markTaskNotFound(id, now)
      else {
        store.recordPoll(id, {
          lastPolledAt: now,
          nextPollAt: now + nextPollDelay(now - task.addedAt, policy),
          notFoundCount: count
        })
      }
    }
    changed.push(id)
  }
  return { kind: 'ok', polled: live.length, changedTaskIds: changed }
}
