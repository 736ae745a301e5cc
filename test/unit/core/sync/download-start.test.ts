import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { downloadFile } from '../../../../src/main/core/sync/download'
import { failure } from '../../../../src/main/core/sync/download-outcome'
import { nodeDownloadFs, type DownloadFs } from '../../../../src/main/core/sync/part-file'
import { mp3Payload, serveBytes, sha256, useDownloadSandbox } from './cdn-server'
import { changedFiles } from '../../../support/download-fs'

// Issue 14 §5: the start of a download. On a busy disk the look for a `.part` to continue
// (stat, read the meta, two removals, one after another) took 50–200 ms a file before the
// request went out, while the connection sat idle; a 200-clip sync paid it 450 times. A
// first attempt now sends its request at once and looks at the disk meanwhile; the look
// is two reads side by side, and nothing is removed when nothing is there.

const box = useDownloadSandbox('songshelf-start-')

/** The real file system, with each call named in `log`, and every look at the `.part`
 * (size, meta) held until `open()` is called. */
function gatedFs(log: string[]): { fs: DownloadFs; open(): void } {
  let open: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (open = resolve))
  const fs: DownloadFs = {
    ...nodeDownloadFs,
    size: async (path) => {
      log.push('size')
      await gate
      return await nodeDownloadFs.size(path)
    },
    readText: async (path) => {
      log.push('readText')
      await gate
      return await nodeDownloadFs.readText(path)
    },
    remove: async (path) => {
      log.push(`remove ${path.endsWith('.json') ? 'meta' : 'part'}`)
      await nodeDownloadFs.remove(path)
    }
  }
  return { fs, open: () => open() }
}

describe('downloadFile: starting a download', () => {
  it('sends a first attempt’s request while the disk is still being looked at', async () => {
    const body = mp3Payload(300_000)
    const s = await box.serve((req, res, rec) => serveBytes(req, res, rec, body, { etag: '"a"' }))
    const log: string[] = []
    const disk = gatedFs(log)
    const target = join(box.dir, 'a.mp3')
    const result = downloadFile({
      url: s.url('/a.mp3'),
      targetPath: target,
      kind: 'audio',
      requestFirst: true,
      fs: disk.fs
    })
    // Old code: the request waited for the look at the disk, which never ends here.
    await expect.poll(() => s.requests.length, { timeout: 5000 }).toBe(1)
    expect(log.sort()).toEqual(['readText', 'size'])
    disk.open()
    expect(await result).toMatchObject({ ok: true, bytes: body.length, sha256: sha256(body) })
    expect(sha256(await readFile(target))).toBe(sha256(body))
    expect(s.requests).toHaveLength(1)
  })

  it('removes nothing before a fresh download when no .part is there', async () => {
    const body = mp3Payload(200_000, 2)
    const s = await box.serve((req, res, rec) => serveBytes(req, res, rec, body, { etag: '"b"' }))
    const log: string[] = []
    const disk = gatedFs(log)
    disk.open()
    const target = join(box.dir, 'b.mp3')
    const result = await downloadFile({
      url: s.url('/b.mp3'),
      targetPath: target,
      kind: 'audio',
      fs: disk.fs
    })
    expect(result).toMatchObject({ ok: true, bytes: body.length })
    // Old code: 'remove part', 'remove meta' before the request, then the meta once done.
    expect(log.slice(0, 2).sort()).toEqual(['readText', 'size'])
    expect(log.filter((call) => call.startsWith('remove'))).toEqual(['remove meta'])
  })

  it('still resumes a .part left by a cut, with Range, when the request went first', async () => {
    const body = mp3Payload(1_000_000, 3)
    const state = { cut: true }
    const s = await box.serve((req, res, rec) =>
      serveBytes(req, res, rec, body, { etag: '"c"', ...(state.cut ? { cutAfter: 400_000 } : {}) })
    )
    const target = join(box.dir, 'c.mp3')
    const first = await downloadFile({ url: s.url('/c.mp3'), targetPath: target, kind: 'audio' })
    expect(first).toMatchObject({ ok: false, code: 'truncated', resumable: true })
    const kept = (await readFile(`${target}.part`)).length
    expect(kept).toBeGreaterThan(0)
    state.cut = false

    const second = await downloadFile({
      url: s.url('/c.mp3'),
      targetPath: target,
      kind: 'audio',
      requestFirst: true
    })
    expect(second).toMatchObject({ ok: true, bytes: body.length, sha256: sha256(body) })
    expect(sha256(await readFile(target))).toBe(sha256(body))
    // The early request (no Range) was cancelled; the one that counted continued the file.
    const last = s.requests.at(-1)
    expect(last?.headers.range).toBe(`bytes=${kept}-`)
    expect(last?.status).toBe(206)
  })

  it('ends with what prepare() says, before anything is written', async () => {
    const body = mp3Payload(200_000, 4)
    const s = await box.serve((req, res, rec) => serveBytes(req, res, rec, body, { etag: '"d"' }))
    const target = join(box.dir, 'd.mp3')
    const refused = failure('io', 'audio', { detail: 'ENOENT' })
    const result = await downloadFile({
      url: s.url('/d.mp3'),
      targetPath: target,
      kind: 'audio',
      requestFirst: true,
      prepare: async () => refused
    })
    expect(result).toEqual(refused)
    expect(existsSync(target)).toBe(false)
    expect(existsSync(`${target}.part`)).toBe(false)
    expect(existsSync(`${target}.part.json`)).toBe(false)
  })

  it('frees the connection once the last byte is read, before the last write is on disk', async () => {
    const body = mp3Payload(1_600_000, 5)
    const s = await box.serve((req, res, rec) => serveBytes(req, res, rec, body, { etag: '"e"' }))
    let open: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (open = resolve))
    // A busy disk: every write waits until the test says.
    const slowDisk = changedFiles((file) => ({
      async write(chunks) {
        await gate
        await file.write(chunks)
      }
    }))
    let received = false
    const target = join(box.dir, 'e.mp3')
    const result = downloadFile({
      url: s.url('/e.mp3'),
      targetPath: target,
      kind: 'audio',
      fs: slowDisk,
      onReceived: () => (received = true)
    })
    // Old code: the slot was held until the first 1 MiB batch was on disk.
    await expect.poll(() => received, { timeout: 5000 }).toBe(true)
    open()
    expect(await result).toMatchObject({ ok: true, bytes: body.length, sha256: sha256(body) })
    expect(sha256(await readFile(target))).toBe(sha256(body))
  })

  it('does not report a cut transfer as received', async () => {
    const body = mp3Payload(500_000, 6)
    const s = await box.serve((req, res, rec) =>
      serveBytes(req, res, rec, body, { etag: '"f"', cutAfter: 200_000 })
    )
    let received = false
    const result = await downloadFile({
      url: s.url('/f.mp3'),
      targetPath: join(box.dir, 'f.mp3'),
      kind: 'audio',
      onReceived: () => (received = true)
    })
    expect(result).toMatchObject({ ok: false, code: 'truncated' })
    expect(received).toBe(false)
  })
})
