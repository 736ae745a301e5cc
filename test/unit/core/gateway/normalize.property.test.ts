import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { NormalizedTask } from '../../../../src/shared/domain'
import { normalizeTask, normalizeTaskList } from '../../../../src/main/core/gateway/normalize'
import { gatewayFixture } from './gateway-fixtures'

// Whatever the gateway sends, the normaliser answers a well-formed task or null, never
// throws, never leaks personal fields and never pollutes a prototype (GATEWAY.md#values).

/** Any value in a field's place: right type, wrong type, huge, nested, hostile. */
const anyField = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.string(),
  fc.constantFrom(
    '',
    '  ',
    '0%',
    '100%',
    '55',
    'NaN',
    '1e309',
    '-1',
    'SUCCESS',
    'complete',
    'streaming'
  ),
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, 1717236900, 1717236900123, 1e12, 1e13, 8.64e15, 1e300, -1e12),
  fc.constantFrom(
    'https://audiopipe.suno.ai/?item_id=x',
    'https://cdn1.suno.ai/x.mp3',
    'https://studio-api.prod.suno.com/api/forbidden',
    'https://cdn1.suno.ai/None.mp3',
    'javascript:alert(1)',
    'not a url'
  ),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.constant(null),
  fc.constant(undefined)
)

const clipArb = fc.record(
  {
    id: fc.oneof(fc.uuid(), fc.string(), fc.integer(), anyField),
    clip_id: anyField,
    title: anyField,
    status: fc.oneof(
      fc.constantFrom(
        'submitted',
        'queued',
        'streaming',
        'complete',
        'error',
        'succeeded',
        'COMPLETE',
        '__proto__'
      ),
      anyField
    ),
    state: anyField,
    audio_url: anyField,
    audioUrl: anyField,
    stream_audio_url: anyField,
    streamAudioUrl: anyField,
    video_url: anyField,
    image_url: anyField,
    image_large_url: anyField,
    model_name: anyField,
    mv: anyField,
    modelName: anyField,
    created_at: anyField,
    create_time: anyField,
    continue_clip_id: anyField,
    continue_at: anyField,
    tags: anyField,
    prompt: anyField,
    duration: anyField,
    msg: anyField,
    user_id: fc.constant('leak-user-id'),
    display_name: fc.constant('leak-display-name'),
    handle: fc.constant('leak-handle'),
    metadata: fc.oneof(
      fc.record(
        {
          tags: anyField,
          prompt: anyField,
          duration: anyField,
          error_message: anyField,
          type: anyField,
          continue_clip_id: anyField,
          email: fc.constant('leak@example.com')
        },
        { requiredKeys: [] }
      ),
      anyField
    )
  },
  { requiredKeys: [] }
)

const dataArb = fc.oneof(
  fc.constant(null),
  fc.constant([]),
  fc.array(fc.oneof(clipArb, anyField), { maxLength: 4 }),
  fc.record(
    { id: anyField, status: anyField, title: anyField, text: anyField, tags: anyField },
    { requiredKeys: [] }
  ),
  fc.record({ songs: fc.array(clipArb, { maxLength: 3 }) }),
  // GoAPI: clips as a map keyed by clip id, at the depths the normaliser searches.
  fc.record({ clips: fc.dictionary(fc.string(), fc.oneof(clipArb, anyField), { maxKeys: 4 }) }),
  fc.record({
    data: fc.record({ clips: fc.dictionary(fc.string(), clipArb, { maxKeys: 3 }) })
  }),
  fc.record({ data: fc.record({ songs: fc.array(clipArb, { maxLength: 3 }) }) }),
  fc.json(),
  anyField
)

const taskArb = fc.record(
  {
    task_id: fc.oneof(fc.uuid(), fc.string({ minLength: 1 }), anyField),
    taskId: anyField,
    action: fc.oneof(fc.constantFrom('MUSIC', 'LYRICS', '', 'udio-generate'), anyField),
    status: fc.oneof(
      fc.constantFrom(
        'NOT_START',
        'SUBMITTED',
        'QUEUED',
        'IN_PROGRESS',
        'SUCCESS',
        'FAILURE',
        'UNKNOWN',
        'TEXT_SUCCESS'
      ),
      anyField
    ),
    fail_reason: anyField,
    submit_time: anyField,
    start_time: anyField,
    finish_time: anyField,
    progress: anyField,
    notify_hook: anyField,
    user_id: fc.constant('leak-user-id'),
    data: dataArb
  },
  { requiredKeys: [] }
)

function expectWellFormed(task: NormalizedTask | null): void {
  if (task === null) return
  expect(typeof task.taskId).toBe('string')
  expect(task.taskId.trim()).not.toBe('')
  expect(['pending', 'succeeded', 'failed']).toContain(task.state)
  expect(['music', 'lyrics', 'unknown']).toContain(task.kind)
  if (task.progress !== null) expect(task.progress).toBeGreaterThanOrEqual(0)
  if (task.progress !== null) expect(task.progress).toBeLessThanOrEqual(100)
  for (const time of [task.submitTime, task.startTime, task.finishTime]) {
    if (time !== null) expect(Number.isSafeInteger(time) && time > 0).toBe(true)
  }
  for (const clip of task.clips) {
    expect(clip.taskId).toBe(task.taskId)
    expect(typeof clip.title).toBe('string')
    expect(['submitted', 'queued', 'streaming', 'complete', 'error', 'unknown']).toContain(
      clip.status
    )
    if (clip.audioUrl !== null) expect(clip.audioUrl).not.toContain('audiopipe')
    if (clip.durationSec !== null) expect(Number.isFinite(clip.durationSec)).toBe(true)
    if (clip.createdAt !== null) expect(Number.isSafeInteger(clip.createdAt)).toBe(true)
  }
  // Plain data: survives structured clone (the bridge) unchanged.
  expect(structuredClone(task)).toEqual(task)
  const text = JSON.stringify(task)
  expect(text).not.toContain('leak-')
  expect(text).not.toContain('leak@example.com')
}

describe('normalizer never throws and answers plain, safe data', () => {
  it('for any value at all', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (value) => {
        expectWellFormed(normalizeTask(value))
        normalizeTaskList(value).forEach(expectWellFormed)
      }),
      { numRuns: 500 }
    )
  })

  it('for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(normalizeTask(value))
        normalizeTaskList(value).forEach(expectWellFormed)
      }),
      { numRuns: 500 }
    )
  })

  it('for near-valid tasks with fields of random types, also inside a batch envelope', () => {
    fc.assert(
      fc.property(fc.array(taskArb, { maxLength: 5 }), (tasks) => {
        for (const task of tasks) expectWellFormed(normalizeTask(task))
        const listed = normalizeTaskList({ code: 'success', message: '', data: tasks })
        listed.forEach(expectWellFormed)
        expect(new Set(listed.map((t) => t.taskId)).size).toBe(listed.length)
      }),
      { numRuns: 400 }
    )
  })

  it('for the same tasks sent over the wire as JSON text', () => {
    fc.assert(
      fc.property(taskArb, (task) => {
        let wire: unknown
        try {
          wire = JSON.parse(JSON.stringify(task) ?? 'null')
        } catch {
          return // values JSON cannot carry (e.g. BigInt) never reach the normaliser
        }
        expectWellFormed(normalizeTask(wire))
      }),
      { numRuns: 300 }
    )
  })
})

/** Every path to a value inside a JSON fixture (objects and arrays included). */
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  const here = prefix.length === 0 ? [] : [[...prefix]]
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))]
  if (typeof value === 'object' && value !== null) {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))]
  }
  return here
}

function replaced(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value
  // An earlier edit may already have replaced a parent with a non-container.
  if (typeof root !== 'object' || root === null) return root
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  if (Array.isArray(root)) {
    return root.map((item, i) => (i === head ? replaced(item, rest, value) : item))
  }
  const obj = root as Record<string, unknown>
  return { ...obj, [head]: replaced(obj[head], rest, value) }
}

describe('the four real shapes, with any of their fields replaced by anything', () => {
  it.each(['snake-case', 'camel-official', 'goapi-map', 'upstream-full'])('%s', (name) => {
    const fixture = gatewayFixture(name)
    const paths = pathsOf(fixture)
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), anyField), { minLength: 1, maxLength: 4 }),
        (edits) => {
          let answer: unknown = fixture
          for (const [path, value] of edits) answer = replaced(answer, path, value)
          expectWellFormed(normalizeTask(answer))
          normalizeTaskList({ code: 'success', data: [answer] }).forEach(expectWellFormed)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('an array of clips sent as a map keyed by id gives the same songs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('snake-case', 'camel-official', 'upstream-full'),
        fc.boolean(),
        (name, dropIds) => {
          const fixture = gatewayFixture(name)
          const clips = fixture.data as Record<string, unknown>[]
          const map = Object.fromEntries(
            clips.map((clip) => {
              const { id, ...rest } = clip
              return [String(id), dropIds ? rest : clip]
            })
          )
          const asMap = normalizeTask({ ...fixture, data: { clips: map } })
          const asArray = normalizeTask(fixture)
          expect(asMap?.clips.map((c) => [c.id, c.status, c.audioUrl])).toEqual(
            asArray?.clips.map((c) => [c.id, c.status, c.audioUrl])
          )
        }
      ),
      { numRuns: 20 }
    )
  })
})
