import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { downloadFile } from '../../../../src/main/core/sync/download'
import {
  mp3Payload,
  serveBytes,
  sha256,
  startServer,
  type ServeOptions,
  type TestServer
} from './cdn-server'

// Resume after a cut (RELIABILITY.md E3, E4): Range + If-Range, and every way the
// server can make appending wrong.

const SIZE = 1_000_000
const CUT = 600_000

let dir: string
let target: string
let server: TestServer | null = null

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'songshelf-resume-'))
  target = join(dir, 'Long Song [r1].mp3')
})
afterEach(async () => {
  await server?.close()
  server = null
  await rm(dir, { recursive: true, force: true })
})

/** A server whose file and behaviour the test changes between attempts. */
async function cdn(state: { body: Buffer; opts: ServeOptions }): Promise<TestServer> {
  server = await startServer((req, res, rec) => serveBytes(req, res, rec, state.body, state.opts))
  return server
}

async function download(s: TestServer): ReturnType<typeof downloadFile> {
  return await downloadFile({ url: s.url('/r1.mp3'), targetPath: target, kind: 'audio' })
}

async function partSize(): Promise<number> {
  return (await stat(`${target}.part`)).size
}

describe('downloadFile: resuming a cut transfer', () => {
  it('reports a short body as truncated, then resumes to a byte-identical file', async () => {
    const body = mp3Payload(SIZE)
    const state = { body, opts: { etag: '"v1"', cutAfter: CUT } as ServeOptions }
    const s = await cdn(state)

    const first = await download(s)
    expect(first).toMatchObject({ ok: false, code: 'truncated', retryable: true, resumable: true })
    expect(existsSync(target)).toBe(false)
    const kept = await partSize()
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThanOrEqual(CUT)

    state.opts = { etag: '"v1"' }
    const second = await download(s)
    expect(second).toEqual({
      ok: true,
      path: target,
      bytes: SIZE,
      sha256: sha256(body),
      ext: 'mp3'
    })
    expect(sha256(await readFile(target))).toBe(sha256(body))
    const resumed = s.requests[1]
    expect(resumed?.headers.range).toBe(`bytes=${kept}-`)
    expect(resumed?.headers['if-range']).toBe('"v1"')
    expect(resumed?.status).toBe(206)
    expect(resumed?.bytesSent).toBe(SIZE - kept)
    expect(await readdir(dir)).toEqual(['Long Song [r1].mp3'])
  })

  it('starts over when the file changed on the server (new ETag → 200)', async () => {
    const state = {
      body: mp3Payload(SIZE, 1),
      opts: { etag: '"v1"', cutAfter: CUT } as ServeOptions
    }
    const s = await cdn(state)
    expect(await download(s)).toMatchObject({ code: 'truncated', resumable: true })

    const changed = mp3Payload(SIZE - 1234, 2)
    state.body = changed
    state.opts = { etag: '"v2"' }
    const second = await download(s)
    expect(second).toMatchObject({ ok: true, bytes: changed.length, sha256: sha256(changed) })
    expect(s.requests[1]?.status).toBe(200)
    expect(sha256(await readFile(target))).toBe(sha256(changed))
  })

  it('starts over without a duplicated prefix when the server ignores Range', async () => {
    const body = mp3Payload(SIZE)
    const state = { body, opts: { etag: '"v1"', cutAfter: CUT } as ServeOptions }
    const s = await cdn(state)
    await download(s)

    state.opts = { etag: '"v1"', ranges: false }
    const second = await download(s)
    expect(second).toMatchObject({ ok: true, bytes: SIZE, sha256: sha256(body) })
    expect(s.requests[1]?.headers.range).toBeDefined()
    expect((await stat(target)).size).toBe(SIZE)
  })

  it('does not resume without a strong validator, and deletes what cannot be resumed', async () => {
    const body = mp3Payload(SIZE)
    const state = { body, opts: { etag: 'W/"weak"', cutAfter: CUT } as ServeOptions }
    const s = await cdn(state)
    expect(await download(s)).toMatchObject({ code: 'truncated', resumable: false })
    expect(await readdir(dir)).toEqual([])

    state.opts = { etag: 'W/"weak"' }
    expect(await download(s)).toMatchObject({ ok: true, sha256: sha256(body) })
    expect(s.requests[1]?.headers.range).toBeUndefined()
  })

  it('resumes with Last-Modified when there is no ETag', async () => {
    const body = mp3Payload(SIZE)
    const lastModified = 'Wed, 21 Oct 2026 07:28:00 GMT'
    const state = { body, opts: { lastModified, cutAfter: CUT } as ServeOptions }
    const s = await cdn(state)
    await download(s)
    state.opts = { lastModified }
    expect(await download(s)).toMatchObject({ ok: true, sha256: sha256(body) })
    expect(s.requests[1]?.headers['if-range']).toBe(lastModified)
  })

  it('aborts a 206 that starts somewhere other than where we asked', async () => {
    const body = mp3Payload(SIZE)
    let misbehave = false
    server = await startServer((req, res, rec) => {
      if (!misbehave) return serveBytes(req, res, rec, body, { etag: '"v1"', cutAfter: CUT })
      res.writeHead(206, {
        'content-type': 'audio/mpeg',
        'content-range': `bytes 0-${SIZE - 1}/${SIZE}`,
        'content-length': String(SIZE)
      })
      res.end(body)
    })
    expect(await download(server)).toMatchObject({ code: 'truncated', resumable: true })
    misbehave = true
    const result = await download(server)
    expect(server.requests[1]?.headers.range).toMatch(/^bytes=[1-9]\d*-$/)
    expect(result).toMatchObject({
      ok: false,
      code: 'range_mismatch',
      retryable: true,
      resumable: false
    })
    expect(await readdir(dir)).toEqual([])
  })
})

describe('downloadFile: 416 on resume', () => {
  async function leavePart(body: Buffer, total: number, url: string): Promise<void> {
    await writeFile(`${target}.part`, body)
    await writeFile(
      `${target}.part.json`,
      JSON.stringify({ url, etag: '"v1"', lastModified: null, total })
    )
  }

  it('finishes a .part that already holds the whole file', async () => {
    const body = mp3Payload(50_000)
    const s = await cdn({ body, opts: { etag: '"v1"' } })
    await leavePart(body, body.length, s.url('/r1.mp3'))
    const result = await download(s)
    expect(result).toMatchObject({ ok: true, bytes: body.length, sha256: sha256(body) })
    expect(s.requests).toHaveLength(1)
    expect(s.requests[0]?.status).toBe(416)
    expect(await readdir(dir)).toEqual(['Long Song [r1].mp3'])
  })

  it('starts over when the server file is now shorter than the .part', async () => {
    const old = mp3Payload(60_000, 1)
    const now = mp3Payload(40_000, 2)
    const s = await cdn({ body: now, opts: { etag: '"v1"' } })
    await leavePart(old.subarray(0, 50_000), old.length, s.url('/r1.mp3'))
    const result = await download(s)
    expect(result).toMatchObject({ ok: true, bytes: now.length, sha256: sha256(now) })
    expect(s.requests.map((r) => r.status)).toEqual([416, 200])
    expect(s.requests[1]?.headers.range).toBeUndefined()
  })

  it('discards a .part left for a different link', async () => {
    const body = mp3Payload(50_000)
    const s = await cdn({ body, opts: { etag: '"v1"' } })
    await leavePart(Buffer.alloc(10_000, 9), body.length, s.url('/other.mp3'))
    expect(await download(s)).toMatchObject({ ok: true, sha256: sha256(body) })
    expect(s.requests[0]?.headers.range).toBeUndefined()
  })
})
