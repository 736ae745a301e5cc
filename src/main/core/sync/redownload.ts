import type { MediaKind, NormalizedTask } from '../../../shared/domain'
import type {
  RedownloadCode,
  RedownloadRefusal,
  RedownloadResult
} from '../../../shared/redownload'
import { BATCH_SIZE, type GatewayClient } from '../gateway/client'
import { mediaVerdicts } from '../library/ingest-files'
import type { RedownloadStore } from './store-port'

// "Download again" (issue 12 §3): a file that is missing from the library folder, or that
// failed, comes back while the gateway still has it. Its clip's task is fetched again for
// fresh links (CDN links from an old answer may have expired), and each file with a usable
// link is queued; the rest are refused with a stable code, in plain words.

export const REDOWNLOAD_MESSAGES: Readonly<Record<RedownloadCode, string>> = {
  gone_upstream:
    'The gateway no longer has this song, so it cannot be downloaded again. Restore the file from a backup if you have one.',
  no_link: 'The gateway has this song but gives no usable link for this file any more.',
  no_task:
    'This song did not come from a gateway task (it was imported), so there is nowhere to download it from.',
  not_missing: 'Nothing to download again: every file of this song is in the library folder.'
}

const refusal = (
  clipId: string,
  kind: MediaKind | null,
  code: RedownloadCode
): RedownloadRefusal => ({
  clipId,
  kind,
  code,
  message: REDOWNLOAD_MESSAGES[code]
})

/** The gateway's current answer for each task id (null: it has no such task). Gateway
 * failures (a bad key, offline) are thrown as they are: nothing was changed. */
async function currentAnswers(
  client: GatewayClient,
  taskIds: readonly string[],
  signal?: AbortSignal
): Promise<Map<string, NormalizedTask | null>> {
  const answers = new Map<string, NormalizedTask | null>()
  for (let start = 0; start < taskIds.length; start += BATCH_SIZE) {
    const result = await client.fetchTasks(taskIds.slice(start, start + BATCH_SIZE), { signal })
    for (const task of result.tasks) answers.set(task.taskId, task)
    // Missing from a batch answer: confirmed one by one, as the poller does (GATEWAY.md#routes).
    for (const id of result.missing) answers.set(id, await client.fetchTask(id, { signal }))
  }
  return answers
}

export async function redownloadFiles(
  deps: { store: RedownloadStore; client: GatewayClient; signal?: AbortSignal },
  clipIds?: readonly string[],
  kind?: MediaKind
): Promise<RedownloadResult> {
  const wanted = deps.store.filesToFetchAgain(clipIds, kind)
  const refused: RedownloadRefusal[] = []
  for (const id of clipIds ?? []) {
    if (!wanted.some((file) => file.clipId === id))
      refused.push(refusal(id, kind ?? null, 'not_missing'))
  }
  const fromTasks = wanted.filter((file) => file.taskId !== '')
  for (const file of wanted)
    if (file.taskId === '') refused.push(refusal(file.clipId, file.kind, 'no_task'))
  const answers = await currentAnswers(
    deps.client,
    [...new Set(fromTasks.map((file) => file.taskId))],
    deps.signal
  )
  let queued = 0
  for (const file of fromTasks) {
    const clip = answers.get(file.taskId)?.clips.find((c) => c.id === file.clipId)
    if (clip === undefined) {
      refused.push(refusal(file.clipId, file.kind, 'gone_upstream'))
      continue
    }
    const verdict = mediaVerdicts(clip, true).find(([k]) => k === file.kind)?.[1]
    if (verdict == null || verdict === 'disabled' || verdict.kind !== 'ok') {
      refused.push(refusal(file.clipId, file.kind, 'no_link'))
      continue
    }
    if (deps.store.queueWithLink(file.clipId, file.kind, verdict.url)) queued++
  }
  return { queued, refused }
}
