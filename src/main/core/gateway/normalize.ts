import type { NormalizedClip, NormalizedTask, TaskKind } from '../../../shared/domain'
import { parseClip, clipStatusOf, type ParsedClip } from './normalize-clip'
import { sanitizeRecord } from './sanitize'
import {
  asFields,
  field,
  firstOf,
  keysOf,
  progress,
  text,
  unixMs,
  verbatim,
  type Fields
} from './normalize-values'

// Turns whatever a gateway calls a task into one NormalizedTask (docs/GATEWAY.md
// #status, #clip-shapes, #values). Never throws: every reader takes `unknown`, falls back to null.

type TaskStateValue = NormalizedTask['state']

/** Plain words for a success that holds no readable song (issue 16). */
export const UNREADABLE_SUCCESS_MESSAGE =
  'The gateway says it finished but sent no songs Songshelf understands. Its answer is kept for a bug report; press Retry to ask again.'

/**
 * GATEWAY.md#status: NOT_START/SUBMITTED/QUEUED/IN_PROGRESS are pending, SUCCESS
 * succeeded, FAILURE and UNKNOWN (terminal in Suno-API's IsDone) failed. Vendor strings
 * are pending unless they say FAIL, ERROR or EXCEPTION (sunoapi.org's
 * CALLBACK_EXCEPTION is listed among its failures). TEXT_SUCCESS and FIRST_SUCCESS mean
 * only part of the work is done, so only an exact SUCCESS counts; the clips themselves
 * can still prove success (see `deriveState`).
 */
export function taskStateOf(status: string): TaskStateValue {
  const folded = status.trim().toUpperCase()
  if (folded === 'SUCCESS') return 'succeeded'
  if (folded === 'FAILURE' || folded === 'UNKNOWN') return 'failed'
  return /FAIL|ERROR|EXCEPTION/.test(folded) ? 'failed' : 'pending'
}

/** Normalises one task; null when it has no usable `task_id`. */
export function normalizeTask(value: unknown, fallbackTaskId?: string): NormalizedTask | null {
  const obj = asFields(value)
  if (obj === null) return null
  const taskId = text(firstOf([obj], ['task_id', 'taskId'])) ?? text(fallbackTaskId)
  if (taskId === null) return null

  const upstreamStatus =
    typeof field(obj, 'status') === 'string' ? String(field(obj, 'status')) : ''
  const action = typeof field(obj, 'action') === 'string' ? String(field(obj, 'action')) : ''
  const payload = readPayload(obj)
  const parsed = payload.clips
    .map((entry) => parseClip(entry.value, taskId, entry.key))
    .filter((clip): clip is ParsedClip => clip !== null)
  const unique = dedupeClips(parsed)
  const lyrics = payload.lyrics === null ? null : lyricsOf(payload.lyrics)

  let failReason = verbatim(firstOf([obj], ['fail_reason', 'failReason', 'errorMessage']))
  let state = deriveState(upstreamStatus, failReason, unique, payload.lyrics)
  // A music task that "succeeded" without one readable clip is not done: it would end as
  // "succeeded, 0 songs" and the songs would be lost when the links expire. Keep asking,
  // and keep the answer for a bug report. LYRICS tasks have no clips by nature.
  const unreadable =
    state === 'succeeded' &&
    unique.length === 0 &&
    payload.shape !== 'lyrics' &&
    (payload.clips.length > 0 || action.trim().toUpperCase() === 'MUSIC')
  if (unreadable) state = 'pending'
  if (state === 'failed' && failReason === null) {
    failReason =
      unique.map((p) => p.clip.errorMessage).find((m) => m !== null) ??
      verbatim(firstOf([payload.lyrics], ['error_message', 'errorMessage'])) ??
      null
  }
  const clips = unique.map((p) => fillClipStatus(p, state, failReason))

  return {
    taskId,
    state,
    upstreamStatus,
    failReason,
    progress: progress(field(obj, 'progress')),
    submitTime: unixMs(firstOf([obj], ['submit_time', 'submitTime', 'createTime'])),
    startTime: unixMs(firstOf([obj], ['start_time', 'startTime'])),
    finishTime: unixMs(firstOf([obj], ['finish_time', 'finishTime', 'completeTime'])),
    action,
    kind: kindOf(action, payload, clips),
    clips,
    lyrics,
    raw: sanitizeRecord(obj, { omit: ['data', 'response'] }),
    unreadable: unreadable ? sanitizeRecord(obj, { secrets: true }) : null
  }
}

/**
 * A batch answer: an array of tasks, one task, or an envelope `{code, data}` around
 * either. Tasks without a task_id are dropped; a repeated task_id keeps its first answer.
 */
export function normalizeTaskList(value: unknown): NormalizedTask[] {
  const items = taskItems(value)
  const seen = new Set<string>()
  const out: NormalizedTask[] = []
  for (const item of items) {
    const task = normalizeTask(item)
    if (task === null || seen.has(task.taskId)) continue
    seen.add(task.taskId)
    out.push(task)
  }
  return out
}

function taskItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  const obj = asFields(value)
  if (obj === null) return []
  if (text(firstOf([obj], ['task_id', 'taskId'])) !== null) return [obj]
  const inner = field(obj, 'data')
  if (Array.isArray(inner)) return inner
  return asFields(inner) !== null ? [inner] : []
}

/** One clip as found in `data`: from an array, or from a map under its key. */
interface ClipEntry {
  value: unknown
  key?: string
}

interface Payload {
  clips: ClipEntry[]
  lyrics: Fields | null
  shape: 'none' | 'clips' | 'lyrics'
}

/**
 * `data` may be null, [], a clip array, a LYRICS object, a Udio `{songs:[…]}`
 * (possibly one level deeper in `data.data`), or a sunoapi.org `response.sunoData`.
 * Some vendors double-encode it as a JSON string.
 */
function readPayload(obj: Fields): Payload {
  let data = field(obj, 'data')
  if (data === undefined || data === null) data = field(obj, 'response')
  return payloadOf(decodeString(data), 0)
}

const CLIP_LIST_KEYS = ['songs', 'clips', 'sunoData'] as const

function payloadOf(data: unknown, depth: number): Payload {
  if (Array.isArray(data)) return { clips: listEntries(data), lyrics: null, shape: 'clips' }
  const obj = asFields(data)
  if (obj === null || depth > 2) return { clips: [], lyrics: null, shape: 'none' }
  for (const key of CLIP_LIST_KEYS) {
    const clips = clipEntries(decodeString(field(obj, key)))
    if (clips !== null) return { clips, lyrics: null, shape: 'clips' }
  }
  if (typeof field(obj, 'text') === 'string') return { clips: [], lyrics: obj, shape: 'lyrics' }
  // sunoapi.org's record-info keeps its clips in `response.sunoData`.
  for (const key of ['data', 'response']) {
    const nested = field(obj, key)
    if (nested !== undefined && nested !== null) return payloadOf(decodeString(nested), depth + 1)
  }
  // A lone clip object (some vendors answer a one-clip task without the array).
  if (text(field(obj, 'id')) !== null && firstOf([obj], ['audio_url', 'audioUrl', 'metadata'])) {
    return { clips: [{ value: obj }], lyrics: null, shape: 'clips' }
  }
  return { clips: [], lyrics: null, shape: 'none' }
}

function listEntries(list: readonly unknown[]): ClipEntry[] {
  return list.map((value) => ({ value }))
}

/**
 * A clip list is an array, or (GoAPI's `GoAPIFetchResponseData`, new-api `dto/suno.go`) a
 * map keyed by clip id: `{ "<id>": {…}, … }`. Map entries that are not objects are left
 * out; null means "no clip list here".
 */
function clipEntries(value: unknown): ClipEntry[] | null {
  if (Array.isArray(value)) return listEntries(value)
  const map = asFields(value)
  if (map === null) return null
  const entries: ClipEntry[] = []
  for (const key of keysOf(map)) {
    const clip = field(map, key)
    if (asFields(clip) !== null) entries.push({ value: clip, key })
  }
  return entries
}

function decodeString(data: unknown): unknown {
  if (typeof data !== 'string') return data
  const trimmed = data.trim()
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return data
  try {
    return JSON.parse(trimmed) as unknown
  } catch {
    return data
  }
}

function lyricsOf(obj: Fields): { title: string; text: string } | null {
  const body = field(obj, 'text')
  if (typeof body !== 'string') return null
  return { title: text(field(obj, 'title')) ?? '', text: body }
}

/**
 * Exact SUCCESS succeeds; failure words fail; a pending task whose gateway already wrote
 * a fail_reason is failed (a non-empty fail_reason ends polling at "100%"). A pending
 * or vendor status still succeeds when every clip reports `complete` (Suno-API's own rule
 * for SUCCESS) or the lyrics object is complete: the gateway lags upstream by ~15 s.
 */
function deriveState(
  status: string,
  failReason: string | null,
  clips: readonly ParsedClip[],
  lyrics: Fields | null
): TaskStateValue {
  const fromStatus = taskStateOf(status)
  if (fromStatus !== 'pending') return fromStatus
  if (failReason !== null) return 'failed'
  if (clips.length > 0 && clips.every((p) => p.explicitStatus && p.clip.status === 'complete')) {
    return 'succeeded'
  }
  const lyricsStatus = clipStatusOf(field(lyrics, 'status'))
  if (lyricsStatus === 'complete' && verbatim(field(lyrics, 'text')) !== null) return 'succeeded'
  return 'pending'
}

/** camelCase clips (GATEWAY.md#clip-shapes) carry no status of their own; infer it from the task. */
function fillClipStatus(
  parsed: ParsedClip,
  state: TaskStateValue,
  failReason: string | null
): NormalizedClip {
  const clip = parsed.clip
  if (parsed.explicitStatus) {
    return clip.status === 'error' && clip.errorMessage === null
      ? { ...clip, errorMessage: failReason }
      : clip
  }
  if (state === 'failed')
    return { ...clip, status: 'error', errorMessage: clip.errorMessage ?? failReason }
  if (state === 'succeeded' && clip.audioUrl !== null) return { ...clip, status: 'complete' }
  if (clip.streamAudioUrl !== null) return { ...clip, status: 'streaming' }
  return clip
}

function dedupeClips(clips: readonly ParsedClip[]): ParsedClip[] {
  const seen = new Set<string>()
  return clips.filter((p) => (seen.has(p.clip.id) ? false : (seen.add(p.clip.id), true)))
}

/** GATEWAY.md#status: the kind from the shape of `data`; `action` only when data says nothing. */
function kindOf(action: string, payload: Payload, clips: readonly NormalizedClip[]): TaskKind {
  if (payload.shape === 'lyrics') return 'lyrics'
  if (clips.length > 0) return 'music'
  const folded = action.trim().toUpperCase()
  if (folded === 'MUSIC') return 'music'
  if (folded === 'LYRICS') return 'lyrics'
  return 'unknown'
}
