import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../support/sim-gateway'

// The simulated gateway is a test instrument; these tests pin down the gateway-origin
// behaviour other tests rely on (docs/GATEWAY.md #auth,
// #routes, #clip-shapes). CDN: sim-cdn.test.ts.

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator({ seed: 42 })
})
afterEach(async () => {
  await sim.close()
})

function batch(ids: unknown, key: string | null = sim.apiKey): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (key !== null) headers.authorization = `Bearer ${key}`
  return fetch(`${sim.gatewayUrl}/suno/fetch`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ ids })
  })
}

async function batchData(ids: string[]): Promise<Record<string, unknown>[]> {
  const body = (await (await batch(ids)).json()) as {
    code: string
    data: Record<string, unknown>[]
  }
  expect(body.code).toBe('success')
  return body.data
}

describe('gateway origin', () => {
  it('requires the bearer key, answering like new-api TokenAuth', async () => {
    const missing = await batch([], null)
    expect(missing.status).toBe(401)
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(
      /^未提供令牌 \(request id: /
    )
    const wrong = await batch([], 'sk-wrong')
    expect(await wrong.json()).toEqual({
      error: {
        message: expect.stringMatching(/^无效的令牌 \(request id: \d+\)$/),
        type: 'new_api_error'
      }
    })
    expect(wrong.headers.get('x-oneapi-request-id')).toMatch(/^\d+$/)
    expect(await (await batch([])).json()).toEqual({ code: 'success', message: '', data: [] })
  })

  it('advances a task one step per poll: waiting, streaming with audiopipe links, complete', async () => {
    const task = sim.addTask({ id: 't1' })
    const [waiting] = await batchData(['t1'])
    expect(waiting).toMatchObject({
      status: 'NOT_START',
      progress: '0%',
      data: null,
      start_time: 0
    })
    const [streaming] = await batchData(['t1'])
    const streamingClips = streaming?.data as Record<string, unknown>[]
    expect(streaming?.status).toBe('IN_PROGRESS')
    expect(streamingClips).toHaveLength(2)
    expect(streamingClips[0]).toMatchObject({
      status: 'streaming',
      audio_url: `${sim.cdnUrl}/audiopipe/?item_id=${task.clipIds[0]}`,
      metadata: expect.objectContaining({ duration: null })
    })
    const [done] = await batchData(['t1'])
    expect(done).toMatchObject({ status: 'SUCCESS', progress: '100%' })
    expect((done?.data as Record<string, unknown>[])[0]).toMatchObject({
      status: 'complete',
      audio_url: sim.mediaUrl(task.clipIds[0] as string, 'audio'),
      video_url: sim.mediaUrl(task.clipIds[0] as string, 'video'),
      image_large_url: sim.mediaUrl(task.clipIds[0] as string, 'coverLarge'),
      user_id: expect.any(String),
      display_name: expect.any(String)
    })
    expect(task.polls).toBe(3)
  })

  it('scripts steps, failures, shapes and lineage', async () => {
    sim.addTask({ id: 'slow', steps: [{ status: 'QUEUED', polls: 2 }, { status: 'TEXT_SUCCESS' }] })
    sim.addTask({ id: 'bad', fail: '任务超时（1440分钟）', steps: [{ status: 'FAILURE' }] })
    sim.addTask({
      id: 'flat',
      shape: 'flattened',
      steps: [{ status: 'SUCCESS' }],
      continueClipId: 'p',
      continueAt: 30,
      video: false
    })
    sim.addTask({ id: 'camel', shape: 'camel', steps: [{ status: 'IN_PROGRESS' }] })
    sim.addTask({
      id: 'ly',
      shape: 'lyrics',
      steps: [{ status: 'SUCCESS' }],
      title: 'Moon',
      lyrics: '月光',
      tags: 'ballad, piano'
    })
    const rows = new Map(
      (await batchData(['slow', 'bad', 'flat', 'camel', 'ly'])).map((r) => [r.task_id, r])
    )
    expect(rows.get('slow')?.status).toBe('QUEUED')
    expect(rows.get('bad')).toMatchObject({
      status: 'FAILURE',
      fail_reason: '任务超时（1440分钟）',
      progress: '100%'
    })
    const failedClip = (rows.get('bad')?.data as Record<string, Record<string, unknown>>[])[0]
    expect(failedClip?.metadata?.error_message).toBe('任务超时（1440分钟）')
    expect((rows.get('flat')?.data as unknown[])[0]).toMatchObject({
      state: 'succeeded',
      task_id: 'flat_1',
      continue_clip_id: 'p',
      continue_at: 30,
      video_url: ''
    })
    expect((rows.get('camel')?.data as unknown[])[0]).toMatchObject({
      audioUrl: '',
      streamAudioUrl: expect.stringContaining('audiopipe')
    })
    expect(rows.get('camel')?.submit_time).toBeGreaterThan(1e12)
    expect(rows.get('ly')).toMatchObject({
      action: 'LYRICS',
      data: { status: 'complete', title: 'Moon', text: '月光', tags: ['ballad', 'piano'] }
    })
    expect((await batchData(['slow']))[0]?.status).toBe('QUEUED')
    expect((await batchData(['slow']))[0]?.status).toBe('TEXT_SUCCESS')
  })

  it('answers unknown ids like new-api or one-hub, and strips user_id in one-hub mode', async () => {
    sim.addTask({ id: 'known', steps: [{ status: 'SUCCESS' }] })
    const single = (id: string): Promise<Response> =>
      fetch(`${sim.gatewayUrl}/suno/fetch/${id}`, {
        headers: { authorization: `Bearer ${sim.apiKey}` }
      })
    const newApi = await single('ghost')
    expect(newApi.status).toBe(400)
    expect(await newApi.json()).toEqual({
      code: 'task_not_exist',
      message: 'task_not_exist',
      data: null
    })
    sim.flavor = 'one-hub'
    const oneHub = await single('ghost')
    expect(oneHub.status).toBe(404)
    expect(await oneHub.json()).toEqual({ code: 'task_not_exist', message: '' })
    const known = (await (await single('known')).json()) as {
      data: { data: Record<string, unknown>[] }
    }
    expect(known.data.data[0]).not.toHaveProperty('user_id')
    expect(known.data.data[0]).toHaveProperty('handle')
  })

  it('caps one-hub batch answers at 100 tasks', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `t${i}`)
    for (const id of ids) sim.addTask({ id })
    sim.flavor = 'one-hub'
    expect(await batchData(ids)).toHaveLength(100)
  })

  it('serves its web page for unknown routes and rejects a body that is not JSON', async () => {
    const page = await fetch(`${sim.gatewayUrl}/v1/whatever`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const bad = await fetch(`${sim.gatewayUrl}/suno/fetch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.apiKey}` },
      body: '{ids:'
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ code: 'invalid_request', data: null })
  })

  it('counts down faults with times and lists them', async () => {
    sim.setFault({ kind: 'html', status: 503 }, { times: 2 })
    expect(sim.faults).toEqual([{ fault: { kind: 'html', status: 503 }, remaining: 2 }])
    expect((await batch([])).status).toBe(503)
    expect((await batch([])).status).toBe(503)
    expect((await batch([])).status).toBe(200)
    expect(sim.faults).toEqual([])
  })

  it('records every request with what was asked and what was sent', async () => {
    await batch(['a'])
    const [rec] = sim.requests
    expect(rec).toMatchObject({
      method: 'POST',
      origin: 'gateway',
      path: '/suno/fetch',
      authorization: `Bearer ${sim.apiKey}`,
      body: '{"ids":["a"]}',
      status: 200,
      bytesSent: '{"code":"success","message":"","data":[]}'.length
    })
    expect(sim.counts()).toMatchObject({ gateway: 1, batch: 1, cdn: 0 })
  })

  it('gives the same clip ids for the same seed', async () => {
    const again = await startSimulator({ seed: 42 })
    const other = await startSimulator({ seed: 43 })
    try {
      const ids = sim.addTask({ id: 'x' }).clipIds
      expect(again.addTask({ id: 'x' }).clipIds).toEqual(ids)
      expect(other.addTask({ id: 'x' }).clipIds).not.toEqual(ids)
    } finally {
      await Promise.all([again.close(), other.close()])
    }
  })
})
