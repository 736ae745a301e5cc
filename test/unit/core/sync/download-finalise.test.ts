import { readFile, rename, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { downloadFile } from '../../../../src/main/core/sync/download'
import { nodeDownloadFs, type DownloadFs } from '../../../../src/main/core/sync/part-file'
import { mp3Payload, serveBytes, sha256, useDownloadSandbox } from './cdn-server'

// Issue 12 §1: two processes streaming into one `<final>.part` left 0-byte and truncated
// songs under their final names, marked done. These tests play the other process inside
// the file system (real files, real HTTP) at the two moments that lost songs.

const box = useDownloadSandbox('songshelf-finalise-')

describe('downloadFile: finishing next to another writer', () => {
  it('never re-creates a .part that another process renamed away, so no empty file replaces the song', async () => {
    const body = mp3Payload(50_000)
    const s = await box.serve((req, res, rec) => serveBytes(req, res, rec, body, { etag: '"v1"' }))
    const target = join(box.dir, 'Song [f1].mp3')
    // A complete `.part` left by an earlier run: the server answers the resume with 416.
    await writeFile(`${target}.part`, body)
    await writeFile(
      `${target}.part.json`,
      JSON.stringify({
        url: s.url('/f1.mp3'),
        etag: '"v1"',
        lastModified: null,
        total: body.length
      })
    )
    // The other process finishes first: it renames the same `.part` into place just as
    // this one reopens it to fsync (old code: 'a' created a new empty `.part` here).
    const fs: DownloadFs = {
      ...nodeDownloadFs,
      async openForWrite(path, truncateFile) {
        if (!truncateFile) await rename(path, target)
        return await nodeDownloadFs.openForWrite(path, truncateFile)
      }
    }
    const result = await downloadFile({
      url: s.url('/f1.mp3'),
      targetPath: target,
      kind: 'audio',
      fs
    })
    expect(result.ok).toBe(false)
    expect(sha256(await readFile(target))).toBe(sha256(body))
  })

  it('does not call a file downloaded when the bytes at its final name are not the ones received', async () => {
    const body = mp3Payload(80_000)
    const s = await box.serve((req, res, rec) => serveBytes(req, res, rec, body, { etag: '"v1"' }))
    const target = join(box.dir, 'Song [f2].mp3')
    // Another writer's empty file lands on the final name right after our rename.
    const fs: DownloadFs = {
      ...nodeDownloadFs,
      async rename(from, to) {
        await nodeDownloadFs.rename(from, to)
        await truncate(to, 0)
      }
    }
    const result = await downloadFile({
      url: s.url('/f2.mp3'),
      targetPath: target,
      kind: 'audio',
      fs
    })
    expect(result).toMatchObject({ ok: false, code: 'not_verified', retryable: true })
    expect((await stat(target)).size).toBe(0)
  })

  it('still records size and sha256 of a file that reads back whole', async () => {
    const body = mp3Payload(64_000, 3)
    const s = await box.serve((req, res, rec) => serveBytes(req, res, rec, body, { etag: '"v1"' }))
    const target = join(box.dir, 'Song [f3].mp3')
    const result = await downloadFile({ url: s.url('/f3.mp3'), targetPath: target, kind: 'audio' })
    expect(result).toMatchObject({ ok: true, bytes: body.length, sha256: sha256(body) })
  })
})
