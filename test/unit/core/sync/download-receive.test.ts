import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { downloadFile } from '../../../../src/main/core/sync/download'
import { nodeDownloadFs, type DownloadFs } from '../../../../src/main/core/sync/part-file'
import { mp3Payload, serveBytes, sha256, useDownloadSandbox } from './cdn-server'

// Issue 14 §5: the receive path. A profile put a third of a download's CPU in the
// web-streams layer (`Readable.toWeb` → Response → a promise per chunk) and in the
// `Buffer.concat` copies of each 256 KiB write batch. The body now goes through Node
// streams end to end and reaches the disk in gather writes of the chunks as received.

const box = useDownloadSandbox('songshelf-receive-')
const MiB = 1024 * 1024

afterEach(() => {
  vi.restoreAllMocks()
})

interface WriteLog {
  calls: number
  chunks: number
  bytes: number
  largest: number
}

/** The real file system, with every write recorded. */
function recordingFs(log: WriteLog): DownloadFs {
  return {
    ...nodeDownloadFs,
    async openForWrite(path, truncate) {
      const file = await nodeDownloadFs.openForWrite(path, truncate)
      return {
        ...file,
        async write(chunks) {
          const bytes = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)
          log.calls++
          log.chunks += chunks.length
          log.bytes += bytes
          log.largest = Math.max(log.largest, bytes)
          await file.write(chunks)
        }
      }
    }
  }
}

describe('downloadFile: the receive path', () => {
  it('uses no web-stream adapter on its own transport', async () => {
    const body = mp3Payload(3 * MiB)
    const s = await box.serve((req, res, rec) => serveBytes(req, res, rec, body, { etag: '"a"' }))
    const toWeb = vi.spyOn(Readable, 'toWeb')
    const fromWeb = vi.spyOn(Readable, 'fromWeb')
    const target = join(box.dir, 'a.mp3')
    const result = await downloadFile({ url: s.url('/a.mp3'), targetPath: target, kind: 'audio' })
    expect(result).toMatchObject({ ok: true, bytes: body.length, sha256: sha256(body) })
    expect(toWeb).not.toHaveBeenCalled()
    expect(fromWeb).not.toHaveBeenCalled()
    expect(sha256(await readFile(target))).toBe(sha256(body))
  })

  it('writes the chunks as received, gathered into about 1 MiB per write', async () => {
    const body = mp3Payload(6 * MiB + 12_345)
    const s = await box.serve((req, res, rec) => serveBytes(req, res, rec, body, { etag: '"b"' }))
    const log: WriteLog = { calls: 0, chunks: 0, bytes: 0, largest: 0 }
    const target = join(box.dir, 'b.mp3')
    const result = await downloadFile({
      url: s.url('/b.mp3'),
      targetPath: target,
      kind: 'audio',
      fs: recordingFs(log)
    })
    expect(result).toMatchObject({ ok: true, bytes: body.length, sha256: sha256(body) })
    expect(log.bytes).toBe(body.length)
    // Old code: one 256 KiB joined buffer per write, 25 writes of one chunk each.
    expect(log.calls).toBeLessThanOrEqual(8)
    expect(log.chunks).toBeGreaterThan(log.calls)
    expect(log.largest).toBeLessThan(2 * MiB)
    expect(sha256(await readFile(target))).toBe(sha256(body))
  })

  it('reads an injected fetch through one Node stream made from its web body', async () => {
    const body = mp3Payload(2 * MiB, 2)
    const s = await box.serve((req, res, rec) => serveBytes(req, res, rec, body, { etag: '"c"' }))
    const fromWeb = vi.spyOn(Readable, 'fromWeb')
    const target = join(box.dir, 'c.mp3')
    const result = await downloadFile({
      url: s.url('/c.mp3'),
      targetPath: target,
      kind: 'audio',
      fetch: (input, init) => fetch(input, init)
    })
    expect(result).toMatchObject({ ok: true, bytes: body.length, sha256: sha256(body) })
    expect(fromWeb).toHaveBeenCalledTimes(1)
  })

  it('keeps what arrived before a cut in the .part, so the resume asks for the rest', async () => {
    const body = mp3Payload(3 * MiB, 3)
    const state = { cut: true }
    const s = await box.serve((req, res, rec) =>
      serveBytes(req, res, rec, body, {
        etag: '"d"',
        ...(state.cut ? { cutAfter: 1_500_000 } : {})
      })
    )
    const target = join(box.dir, 'd.mp3')
    const first = await downloadFile({ url: s.url('/d.mp3'), targetPath: target, kind: 'audio' })
    expect(first).toMatchObject({ ok: false, code: 'truncated', resumable: true })
    const kept = (await readFile(`${target}.part`)).length
    expect(kept).toBeGreaterThan(1 * MiB)
    expect(kept).toBeLessThanOrEqual(1_500_000)
    state.cut = false
    const second = await downloadFile({ url: s.url('/d.mp3'), targetPath: target, kind: 'audio' })
    expect(second).toMatchObject({ ok: true, bytes: body.length, sha256: sha256(body) })
    expect(s.requests[1]?.headers.range).toBe(`bytes=${kept}-`)
  })
})
