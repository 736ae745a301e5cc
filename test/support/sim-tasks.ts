import { uuidFrom } from './sim-random'
import { renderClip, renderLyrics, type ClipPhase, type RenderContext } from './sim-shapes'

// Scripted task progressions for the simulated gateway. Every time a task is part of an
// answer (batch or single fetch) it is rendered at its current step and then advances by
// one poll, like the gateway's own 15 s refresh (research/gateway-api.md §0, §4).

/** 'goapi': `data` is GoAPI's `{task_id, status, input, clips}` with `clips` a map keyed by
 * clip id (new-api `dto/suno.go` GoAPIFetchResponseData); every second clip leaves out its
 * own `id`, so only the key says which clip it is. */
export type SimShape = 'flattened' | 'raw' | 'camel' | 'lyrics' | 'goapi'

export interface SimStep {
  /** Any status string: the §4 enum, or vendor strings like 'TEXT_SUCCESS'. */
  status: string
  /** How many polls this step stays visible (default 1). */
  polls?: number
}

export interface SimTaskSpec {
  id: string
  /** Clip shape in `data` (default 'raw', the stock new-api + Suno-API shape). */
  shape?: SimShape
  /** Clips per task (default 2, as Suno makes). */
  clips?: number
  /** Default: NOT_START → IN_PROGRESS (streaming, audiopipe links) → SUCCESS;
   * lyrics: NOT_START → SUCCESS. */
  steps?: readonly SimStep[]
  /** Make the last default step FAILURE with this fail_reason (kept verbatim). */
  fail?: string
  title?: string
  titles?: readonly string[]
  lyrics?: string
  tags?: string
  model?: string
  /** Whether complete clips carry a video_url (default true). */
  video?: boolean
  continueClipId?: string
  continueAt?: number
  /** 'forbidden': complete clips link audio to `/api/forbidden` (the 2026 change, §7). */
  links?: 'final' | 'forbidden'
  /** Serve each clip's audio as a generated file of this many bytes. */
  bigFile?: number
  clipIds?: readonly string[]
  action?: string
}

export interface SimTask {
  readonly spec: SimTaskSpec
  readonly id: string
  readonly clipIds: readonly string[]
  /** Times this task has been part of an answer. */
  polls: number
  submitMs: number
  startMs: number | null
  finishMs: number | null
}

const TERMINAL = new Set(['SUCCESS', 'FAILURE', 'UNKNOWN'])

export function createTask(spec: SimTaskSpec, seed: number, nowMs: number): SimTask {
  const count = spec.shape === 'lyrics' ? 1 : Math.max(0, spec.clips ?? 2)
  const clipIds = Array.from(
    { length: count },
    (_, i) => spec.clipIds?.[i] ?? uuidFrom(`${seed}:${spec.id}:${i}`)
  )
  return { spec, id: spec.id, clipIds, polls: 0, submitMs: nowMs, startMs: null, finishMs: null }
}

export function stepsOf(spec: SimTaskSpec): readonly SimStep[] {
  if (spec.steps !== undefined && spec.steps.length > 0) return spec.steps
  const last = spec.fail !== undefined ? 'FAILURE' : 'SUCCESS'
  if (spec.shape === 'lyrics') return [{ status: 'NOT_START' }, { status: last }]
  return [{ status: 'NOT_START' }, { status: 'IN_PROGRESS' }, { status: last }]
}

/** The step visible at the task's current poll count; the last step stays forever. */
export function currentStatus(task: SimTask): string {
  const steps = stepsOf(task.spec)
  let remaining = task.polls
  for (const step of steps) {
    const polls = Math.max(1, step.polls ?? 1)
    if (remaining < polls) return step.status
    remaining -= polls
  }
  return (steps[steps.length - 1] as SimStep).status
}

function phaseOf(status: string): ClipPhase {
  const folded = status.toUpperCase()
  if (folded === 'SUCCESS') return 'complete'
  if (folded === 'FAILURE' || folded === 'UNKNOWN' || /FAIL|ERROR/.test(folded)) return 'failed'
  if (folded === 'NOT_START' || folded === 'SUBMITTED') return 'waiting'
  if (folded === 'QUEUED') return 'queued'
  return 'streaming'
}

/** Renders the task as a TaskDto at its current step, then advances it by one poll. */
export function renderTask(task: SimTask, ctx: RenderContext): Record<string, unknown> {
  const status = currentStatus(task)
  const phase = phaseOf(status)
  if (phase !== 'waiting' && task.startMs === null) task.startMs = ctx.nowMs
  if (TERMINAL.has(status.toUpperCase()) || phase === 'failed') task.finishMs ??= ctx.nowMs
  task.polls += 1

  // §10.5: the sunoapi.org-style channel writes milliseconds; everything else seconds.
  const time = (ms: number | null): number =>
    ms === null ? 0 : task.spec.shape === 'camel' ? ms : Math.floor(ms / 1000)
  const failReason = phase === 'failed' ? (task.spec.fail ?? 'time out') : ''
  let data: unknown = null
  if (task.spec.shape === 'lyrics') {
    data = phase === 'complete' ? renderLyrics(task) : null
  } else if (phase !== 'waiting') {
    const clips = task.clipIds.map((clipId, index) =>
      renderClip(task, { clipId, index, phase, failReason }, ctx)
    )
    data = task.spec.shape === 'goapi' ? goapiData(task, status, clips) : clips
  }
  return {
    task_id: task.id,
    action: task.spec.action ?? (task.spec.shape === 'lyrics' ? 'LYRICS' : 'MUSIC'),
    status,
    fail_reason: failReason,
    submit_time: time(task.submitMs),
    start_time: time(task.startMs),
    finish_time: time(task.finishMs),
    progress: task.finishMs === null ? '0%' : '100%',
    data
  }
}

function goapiData(
  task: SimTask,
  status: string,
  clips: readonly Record<string, unknown>[]
): Record<string, unknown> {
  const map: Record<string, unknown> = {}
  clips.forEach((clip, index) => {
    const { id, ...withoutId } = clip
    map[String(id)] = index % 2 === 1 ? withoutId : clip
  })
  return { task_id: task.id, status: status.toLowerCase(), input: '{"mv":"chirp-v4"}', clips: map }
}

/** A task the gateway answers for although nobody asked (the `extra` batch fault). */
export function strangerTask(id: string, nowMs: number): Record<string, unknown> {
  return {
    task_id: id,
    action: 'MUSIC',
    status: 'NOT_START',
    fail_reason: '',
    submit_time: Math.floor(nowMs / 1000),
    start_time: 0,
    finish_time: 0,
    progress: '0%',
    data: null
  }
}
