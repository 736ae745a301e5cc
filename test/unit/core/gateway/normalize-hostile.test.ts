import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeTask } from '../../../../src/main/core/gateway/normalize'

// Input built to hurt: huge strings, nesting deeper than the stack, cycles, prototype
// keys, throwing proxies and personal fields hidden deep down (GATEWAY.md#values).

const PERSONAL = [
  'user_id',
  'userId',
  'handle',
  'display_name',
  'displayName',
  'avatar_image_url',
  'email',
  'owner_email',
  'E-Mail'
]

describe('hostile input', () => {
  it('drops personal fields at any depth and keeps everything else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PERSONAL), fc.integer({ min: 0, max: 6 }), (key, depth) => {
        let nested: Record<string, unknown> = { [key]: 'leak-personal', keep: 1 }
        for (let i = 0; i < depth; i++) nested = { level: nested, list: [nested] }
        const task = normalizeTask({
          task_id: 't',
          extra: nested,
          data: [{ id: 'c', metadata: nested }]
        })
        const text = JSON.stringify(task)
        expect(text).not.toContain('leak-personal')
        expect(text).toContain('"keep":1')
      })
    )
  })

  it('handles huge strings', () => {
    const huge = 'x'.repeat(5_000_000)
    const task = normalizeTask({
      task_id: 't',
      status: huge,
      fail_reason: huge,
      data: [{ id: 'c', title: huge, audio_url: huge }]
    })
    // A non-empty fail_reason ends the task (GATEWAY.md#status), however long it is.
    expect(task?.state).toBe('failed')
    expect(task?.failReason).toHaveLength(5_000_000)
    expect(task?.clips[0]?.title).toHaveLength(5_000_000)
  })

  it('handles nesting deeper than any stack', () => {
    let deep: unknown = { leaf: true }
    for (let i = 0; i < 100_000; i++) deep = { metadata: deep, data: [deep] }
    const task = normalizeTask({
      task_id: 't',
      status: 'SUCCESS',
      extra: deep,
      data: [{ id: 'c', metadata: deep }]
    })
    expect(task?.clips).toHaveLength(1)
    // Depth and node budgets bound the copy kept in `raw`.
    expect(JSON.stringify(task).length).toBeLessThan(5_000_000)
  })

  it('handles deep JSON text the way it arrives (parsed by JSON.parse)', () => {
    const text = `{"task_id":"t","data":${'['.repeat(5000)}${']'.repeat(5000)}}`
    expect(normalizeTask(JSON.parse(text))?.taskId).toBe('t')
  })

  it('handles cycles and shared references', () => {
    const cyclic: Record<string, unknown> = { task_id: 't', status: 'SUCCESS' }
    cyclic.self = cyclic
    cyclic.data = [{ id: 'c', metadata: cyclic }]
    let shared: unknown = { x: 1 }
    for (let i = 0; i < 60; i++) shared = { a: shared, b: shared }
    cyclic.shared = shared
    const task = normalizeTask(cyclic)
    expect(task?.clips).toHaveLength(1)
    expect(() => structuredClone(task)).not.toThrow()
  })

  it('cannot be used to pollute prototypes', () => {
    const wire = JSON.parse(
      '{"task_id":"t","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},' +
        '"data":[{"id":"c","__proto__":{"polluted":"yes"},"status":"__proto__",' +
        '"metadata":{"__proto__":{"isAdmin":true},"tags":"rock"}}]}'
    ) as unknown
    const task = normalizeTask(wire)
    const probe: Record<string, unknown> = {}
    expect(probe.polluted).toBeUndefined()
    expect(probe.isAdmin).toBeUndefined()
    expect(Object.getPrototypeOf(task?.raw)).toBe(Object.prototype)
    expect((task?.raw as Record<string, unknown>).polluted).toBeUndefined()
    const clip = task?.clips[0]
    expect(clip?.status).toBe('unknown')
    expect(clip?.styleTags).toBe('rock')
    expect((clip?.raw as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.hasOwn(clip?.raw ?? {}, '__proto__')).toBe(false)
    expect(JSON.stringify(task)).not.toContain('polluted')
  })

  it('reads no getters and survives objects that throw on access', () => {
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap')
        },
        ownKeys: () => {
          throw new Error('trap')
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('trap')
        }
      }
    )
    const withGetter = Object.defineProperty({ task_id: 't' }, 'status', {
      enumerable: true,
      get: () => {
        throw new Error('getter')
      }
    })
    expect(normalizeTask(trap)).toBeNull()
    expect(normalizeTask(withGetter)?.upstreamStatus).toBe('')
    expect(
      normalizeTask({ task_id: 't', data: [trap, { id: 'c', metadata: trap }] })?.clips
    ).toHaveLength(1)
  })
})
