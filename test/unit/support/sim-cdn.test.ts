import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../support/sim-gateway'

// The simulated CDN origin: what download code relies on (RELIABILITY.md E2–E4:
// magic bytes, Range/206/416, If-Range with changing files, resets, HTML as media).

const FIXTURES = join(__dirname, '../../fixtures')
let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator({ seed: 42 })
})
afterEach(async () => {
  await sim.close()
})

const sha = (buf: ArrayBuffer | Buffer): string =>
  createHash('sha256')
    .update(Buffer.from(buf as ArrayBuffer))
    .digest('hex')

async function batchData(ids: string[]): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${sim.gatewayUrl}/suno/fetch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sim.apiKey}` },
    body: JSON.stringify({ ids })
  })
  return ((await res.json()) as { data: Record<string, unknown>[] }).data
}

describe('CDN origin', () => {
  it('serves generated media that starts with real magic bytes, with validators', async () => {
    const clip = sim.addTask({ id: 't' }).clipIds[0] as string
    const audio = Buffer.from(await (await fetch(sim.mediaUrl(clip, 'audio'))).arrayBuffer())
    expect(audio.subarray(0, 3).toString('latin1')).toBe('ID3')
    const video = await fetch(sim.mediaUrl(clip, 'video'))
    expect(video.headers.get('content-type')).toBe('video/mp4')
    expect(
      Buffer.from(await video.arrayBuffer())
        .subarray(4, 12)
        .toString('latin1')
    ).toBe('ftypisom')
    const cover = await fetch(sim.mediaUrl(clip, 'coverLarge'))
    expect([...Buffer.from(await cover.arrayBuffer()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
    expect(cover.headers.get('etag')).toMatch(/^".+"$/)
    expect(cover.headers.get('last-modified')).toMatch(/GMT$/)
    expect((await fetch(`${sim.cdnUrl}/media/not-a-clip.mp3`)).status).toBe(404)
  })

  it('serves the real fixture files when given a fixtures folder', async () => {
    const withFixtures = await startSimulator({ fixturesDir: FIXTURES })
    try {
      const clip = withFixtures.addTask({ id: 't' }).clipIds[0] as string
      const served = await (await fetch(withFixtures.mediaUrl(clip, 'audio'))).arrayBuffer()
      expect(sha(served)).toBe(sha(readFileSync(join(FIXTURES, 'tiny.mp3'))))
    } finally {
      await withFixtures.close()
    }
  })

  it('answers ranges with 206, suffix ranges, and 416 beyond the end', async () => {
    const clip = sim.addTask({ id: 't' }).clipIds[0] as string
    const url = sim.mediaUrl(clip, 'audio')
    const full = Buffer.from(await (await fetch(url)).arrayBuffer())
    const part = await fetch(url, { headers: { range: 'bytes=100-199' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${full.length}`)
    expect(Buffer.from(await part.arrayBuffer()).equals(full.subarray(100, 200))).toBe(true)
    const tail = await fetch(url, { headers: { range: 'bytes=-10' } })
    expect(Buffer.from(await tail.arrayBuffer()).equals(full.subarray(-10))).toBe(true)
    const beyond = await fetch(url, { headers: { range: `bytes=${full.length}-` } })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe(`bytes */${full.length}`)
    const head = await fetch(url, { method: 'HEAD' })
    expect(head.headers.get('content-length')).toBe(String(full.length))
    expect(head.headers.get('accept-ranges')).toBe('bytes')
  })

  it('honours If-Range: a changed file answers 200 with the new body and a new ETag', async () => {
    const clip = sim.addTask({ id: 't' }).clipIds[0] as string
    const url = sim.mediaUrl(clip, 'audio')
    const first = await fetch(url)
    const etag = first.headers.get('etag') as string
    const original = Buffer.from(await first.arrayBuffer())
    const resumed = await fetch(url, { headers: { range: 'bytes=10-', 'if-range': etag } })
    expect(resumed.status).toBe(206)
    await resumed.arrayBuffer()
    sim.changeMedia(clip, 'audio')
    const changed = await fetch(url, { headers: { range: 'bytes=10-', 'if-range': etag } })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    const body = Buffer.from(await changed.arrayBuffer())
    expect(body.subarray(0, 3).toString('latin1')).toBe('ID3')
    expect(body.equals(original)).toBe(false)
    expect(sim.requests.at(-1)).toMatchObject({
      origin: 'cdn',
      range: 'bytes=10-',
      ifRange: etag,
      status: 200
    })
  })

  it('streams big generated files consistently across ranges', async () => {
    const clip = sim.addTask({ id: 'big', bigFile: 6 * 1024 * 1024 + 123 }).clipIds[0] as string
    const url = sim.mediaUrl(clip, 'audio')
    const full = Buffer.from(await (await fetch(url)).arrayBuffer())
    expect(full.length).toBe(6 * 1024 * 1024 + 123)
    expect(full.subarray(0, 3).toString('latin1')).toBe('ID3')
    const middle = await fetch(url, { headers: { range: 'bytes=3000000-3200000' } })
    expect(
      Buffer.from(await middle.arrayBuffer()).equals(full.subarray(3_000_000, 3_200_001))
    ).toBe(true)
  })

  it('produces the download faults: forbidden links, HTML or JSON as mp3, resets', async () => {
    const task = sim.addTask({ id: 'f', links: 'forbidden', steps: [{ status: 'SUCCESS' }] })
    const [row] = await batchData(['f'])
    const link = (row?.data as Record<string, string>[])[0]?.audio_url as string
    expect(link).toBe(`${sim.cdnUrl}/api/forbidden`)
    expect((await fetch(link)).status).toBe(403)
    const clip = task.clipIds[1] as string
    const path = sim.mediaPath(clip, 'audio')
    sim.setFault({ kind: 'media', path, as: 'html' }, { times: 1 })
    sim.setFault({ kind: 'media', path, as: 'json_error' }, { times: 1 })
    const html = await fetch(sim.mediaUrl(clip, 'audio'))
    expect([html.status, html.headers.get('content-type')]).toEqual([
      200,
      'text/html; charset=utf-8'
    ])
    await html.arrayBuffer()
    const json = await fetch(sim.mediaUrl(clip, 'audio'))
    expect(json.headers.get('content-type')).toBe('application/json')
    await json.arrayBuffer()
    sim.setFault({ kind: 'reset', path, afterBytes: 1000 }, { times: 1 })
    await expect(fetch(sim.mediaUrl(clip, 'audio')).then((r) => r.arrayBuffer())).rejects.toThrow()
    expect(sim.requests.at(-1)?.bytesSent).toBe(1000)
    expect((await fetch(sim.mediaUrl(clip, 'audio'))).status).toBe(200)
  })

  it('holds a stalled body until the test releases it, then sends the rest', async () => {
    const clip = sim.addTask({ id: 't' }).clipIds[0] as string
    const url = sim.mediaUrl(clip, 'audio')
    const full = Buffer.from(await (await fetch(url)).arrayBuffer())
    sim.setFault(
      { kind: 'stall', path: sim.mediaPath(clip, 'audio'), afterBytes: 1000 },
      { times: 1 }
    )
    const res = await fetch(url)
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const chunks: Uint8Array[] = []
    let received = 0
    while (received < 1000) {
      const { value } = await reader.read()
      chunks.push(value as Uint8Array)
      received += (value as Uint8Array).byteLength
    }
    expect(received).toBe(1000)
    expect(sim.requests.at(-1)?.bytesSent).toBe(1000)
    sim.releaseStalled()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
    }
    expect(Buffer.concat(chunks).equals(full)).toBe(true)
  })

  it('serves audiopipe streams without a length and lets tests wait for a request', async () => {
    const clip = sim.addTask({ id: 't' }).clipIds[0] as string
    const seen = sim.waitForRequest((r) => r.path.startsWith('/audiopipe/'))
    const res = await fetch(`${sim.cdnUrl}/audiopipe/?item_id=${clip}`)
    expect(res.headers.get('content-length')).toBeNull()
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 3)
        .toString('latin1')
    ).toBe('ID3')
    expect((await seen).origin).toBe('cdn')
  })
})
