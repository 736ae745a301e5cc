import { describe, expect, it } from 'vitest'
import { normalizeTask, normalizeTaskList } from '../../../../src/main/core/gateway/normalize'

// The value rules of GATEWAY.md#status (status enum and vendor strings),
// GATEWAY.md#status (progress strings) and GATEWAY.md#values (seconds vs milliseconds).

describe('normalizeTask: status, progress and time rules (GATEWAY.md#status, #values)', () => {
  const base = { task_id: 't', data: null }
  it.each([
    ['NOT_START', 'pending'],
    ['SUBMITTED', 'pending'],
    ['QUEUED', 'pending'],
    ['IN_PROGRESS', 'pending'],
    ['SUCCESS', 'succeeded'],
    ['FAILURE', 'failed'],
    ['UNKNOWN', 'failed'],
    ['PENDING', 'pending'],
    ['TEXT_SUCCESS', 'pending'],
    ['FIRST_SUCCESS', 'pending'],
    ['GENERATE_AUDIO_FAILED', 'failed'],
    ['SENSITIVE_WORD_ERROR', 'failed'],
    ['CALLBACK_EXCEPTION', 'failed'],
    ['something new', 'pending'],
    ['', 'pending']
  ])('status %j is %s', (status, state) => {
    expect(normalizeTask({ ...base, status })?.state).toBe(state)
  })

  it('keeps the status exactly as sent', () => {
    expect(normalizeTask({ ...base, status: 'text_success ' })?.upstreamStatus).toBe(
      'text_success '
    )
    expect(normalizeTask({ ...base, status: 42 })?.upstreamStatus).toBe('')
  })

  it('fails a pending task whose gateway already wrote a failure reason (GATEWAY.md#status)', () => {
    expect(
      normalizeTask({ ...base, status: 'IN_PROGRESS', fail_reason: '任务超时（1440分钟）' })
    ).toMatchObject({
      state: 'failed',
      failReason: '任务超时（1440分钟）'
    })
  })

  it.each([
    ['0%', 0],
    ['100%', 100],
    [' 42% ', 42],
    [55, 55],
    [250, 100],
    ['abc', null],
    [null, null]
  ])('progress %j → %j', (value, expected) => {
    expect(normalizeTask({ ...base, progress: value })?.progress).toBe(expected)
  })

  it.each([
    [1717236900, 1717236900_000],
    [1717236900123, 1717236900123],
    ['1717236900', 1717236900_000],
    [0, null],
    [-5, null],
    ['2024-06-01T10:15:00Z', Date.parse('2024-06-01T10:15:00Z')],
    ['yesterday', null],
    [1e300, null],
    [5e-324, null],
    [5, null]
  ])('submit_time %j → %j', (value, expected) => {
    expect(normalizeTask({ ...base, submit_time: value })?.submitTime).toBe(expected)
  })
})

describe('normalizeTaskList', () => {
  it('accepts an envelope, an array or one task, and keeps the first answer per id', () => {
    const a = { task_id: 'a', status: 'SUCCESS' }
    const b = { task_id: 'b', status: 'FAILURE' }
    expect(
      normalizeTaskList({ code: 'success', data: [a, b, { ...a, status: 'FAILURE' }] }).map((t) => [
        t.taskId,
        t.state
      ])
    ).toEqual([
      ['a', 'succeeded'],
      ['b', 'failed']
    ])
    expect(normalizeTaskList([a, null, 7, { nope: 1 }])).toHaveLength(1)
    expect(normalizeTaskList(a)).toHaveLength(1)
    expect(normalizeTaskList({ code: 'success', data: null })).toEqual([])
  })
})
