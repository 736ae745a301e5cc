import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { downloadFile } from '../../../../src/main/core/sync/download'
import { fixture, serveBytes, useDownloadSandbox } from './cdn-server'
import { changedFiles } from '../../../support/download-fs'

const sandbox = useDownloadSandbox('songshelf-dl-limits-')
const serve = sandbox.serve

// Size cap (E6), stalled and silent servers (E7, D3), a full disk (E8), quitting (E5).

const song = fixture('tiny.mp3')

describe('downloadFile: size, time and disk limits', () => {
  it('refuses a Content-Length above the cap before reading the body', async () => {
    const big = Buffer.concat([song, Buffer.alloc(50_000)])
    const s = await serve((req, res, rec) => serveBytes(req, res, rec, big))
    const result = await downloadFile({
      url: s.url('/big.mp3'),
      targetPath: join(sandbox.dir, 'big.mp3'),
      kind: 'audio',
      maxBytes: 20_000
    })
    expect(result).toMatchObject({ ok: false, code: 'too_large', retryable: false })
    expect(await readdir(sandbox.dir)).toEqual([])
  })

  it('stops a chunked body at the cap and removes the .part', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'audio/mpeg' })
      res.write(song)
      res.write(Buffer.alloc(40_000, 1))
      res.end(Buffer.alloc(40_000, 2))
    })
    const result = await downloadFile({
      url: s.url('/big.mp3'),
      targetPath: join(sandbox.dir, 'big.mp3'),
      kind: 'audio',
      maxBytes: 20_000
    })
    expect(result).toMatchObject({ ok: false, code: 'too_large' })
    expect(await readdir(sandbox.dir)).toEqual([])
  })

  it('times out when the server stops sending, keeping a resumable .part', async () => {
    const s = await serve((req, res, rec) =>
      serveBytes(req, res, rec, Buffer.concat([song, Buffer.alloc(10_000)]), {
        etag: '"e"',
        stallAfter: 4_000
      })
    )
    const target = join(sandbox.dir, 'slow.mp3')
    const result = await downloadFile({
      url: s.url('/slow.mp3'),
      targetPath: target,
      kind: 'audio',
      idleTimeoutMs: 200
    })
    expect(result).toMatchObject({ ok: false, code: 'timeout', retryable: true, resumable: true })
    expect((await readFile(`${target}.part`)).length).toBe(4_000)
    expect(existsSync(target)).toBe(false)
  })

  it('times out when the server never answers', async () => {
    const s = await serve(() => undefined)
    const result = await downloadFile({
      url: s.url('/never.mp3'),
      targetPath: join(sandbox.dir, 'never.mp3'),
      kind: 'audio',
      connectTimeoutMs: 200
    })
    expect(result).toMatchObject({ ok: false, code: 'timeout', retryable: true })
    expect(await readdir(sandbox.dir)).toEqual([])
  })

  it('reports a full disk, removes the .part and leaves no file', async () => {
    const payload = Buffer.concat([song, Buffer.alloc(100_000, 7)])
    const s = await serve((req, res, rec) => serveBytes(req, res, rec, payload, { etag: '"d"' }))
    let written = 0
    const fullDisk = changedFiles((file) => ({
      // Like a real disk: what fits is written, then the write fails.
      async write(chunks) {
        const chunk = Buffer.concat(chunks)
        const room = 50_000 - written
        await file.write([chunk.subarray(0, Math.min(room, chunk.byteLength))])
        written += Math.min(room, chunk.byteLength)
        if (chunk.byteLength > room) {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
        }
      }
    }))
    const target = join(sandbox.dir, 'full.mp3')
    const result = await downloadFile({
      url: s.url('/full.mp3'),
      targetPath: target,
      kind: 'audio',
      fs: fullDisk
    })
    expect(result).toMatchObject({ ok: false, code: 'disk_full', resumable: false })
    expect(result.ok ? '' : result.message).toMatch(/^Disk full: downloads are paused\./)
    expect(written).toBe(50_000)
    expect(await readdir(sandbox.dir)).toEqual([])
  })

  it('keeps the .part when the app aborts, so the next run resumes', async () => {
    const payload = Buffer.concat([song, Buffer.alloc(100_000, 3)])
    const s = await serve((req, res, rec) =>
      serveBytes(req, res, rec, payload, { etag: '"q"', stallAfter: 20_000 })
    )
    const quit = new AbortController()
    const target = join(sandbox.dir, 'quit.mp3')
    const result = await downloadFile({
      url: s.url('/quit.mp3'),
      targetPath: target,
      kind: 'audio',
      signal: quit.signal,
      onProgress: (bytes) => {
        if (bytes >= 20_000) quit.abort()
      }
    })
    expect(result).toMatchObject({ ok: false, code: 'aborted', resumable: true })
    expect((await readFile(`${target}.part`)).length).toBe(20_000)
    expect(existsSync(`${target}.part.json`)).toBe(true)
  })
})
