import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { downloadFile } from '../../../../src/main/core/sync/download'
import { fixture, serveBytes, sha256, startServer, useDownloadSandbox } from './cdn-server'

const sandbox = useDownloadSandbox('songshelf-dl-')
const serve = sandbox.serve

// What may enter the library (E1, E2, C6, E10): only the media asked for, never a page.

const song = fixture('tiny.mp3')

describe('downloadFile: what gets into the library', () => {
  it('saves a plain 200 mp3 under its final name with its sha256', async () => {
    const s = await serve((req, res, rec) => serveBytes(req, res, rec, song, { etag: '"a"' }))
    const progress: number[] = []
    const target = join(sandbox.dir, 'City Lights [a1].mp3')
    const result = await downloadFile({
      url: s.url('/a1.mp3'),
      targetPath: target,
      kind: 'audio',
      onProgress: (bytes) => progress.push(bytes)
    })
    expect(result).toEqual({
      ok: true,
      path: target,
      bytes: song.length,
      sha256: sha256(song),
      ext: 'mp3'
    })
    expect(await readFile(target)).toEqual(song)
    expect(await readdir(sandbox.dir)).toEqual(['City Lights [a1].mp3'])
    expect(progress.at(-1)).toBe(song.length)
  })

  it('never sends credentials or cookies and asks for unencoded bytes', async () => {
    const s = await serve((req, res, rec) => serveBytes(req, res, rec, song))
    await downloadFile({
      url: s.url('/a.mp3'),
      targetPath: join(sandbox.dir, 'a.mp3'),
      kind: 'audio'
    })
    const headers = s.requests[0]?.headers ?? {}
    expect(headers.authorization).toBeUndefined()
    expect(headers.cookie).toBeUndefined()
    expect(headers['accept-encoding']).toBe('identity')
  })

  it('refuses an HTML page served for an mp3 and leaves no file', async () => {
    const page = Buffer.from('<html><body>Session expired</body></html>')
    const s = await serve((req, res, rec) =>
      serveBytes(req, res, rec, page, { contentType: 'text/html; charset=utf-8' })
    )
    const result = await downloadFile({
      url: s.url('/x.mp3'),
      targetPath: join(sandbox.dir, 'x.mp3'),
      kind: 'audio'
    })
    expect(result).toMatchObject({ ok: false, code: 'html_page', resumable: false })
    expect(result.ok ? '' : result.message).toBe('The server sent a web page instead of the song.')
    expect(await readdir(sandbox.dir)).toEqual([])
  })

  it('sniffs a web page hidden behind application/octet-stream', async () => {
    const page = Buffer.from(
      '\ufeff  \n<!doctype html><html><title>Login</title></html>'.padEnd(200, ' ')
    )
    const s = await serve((req, res, rec) =>
      serveBytes(req, res, rec, page, { contentType: 'application/octet-stream' })
    )
    const result = await downloadFile({
      url: s.url('/x.mp4'),
      targetPath: join(sandbox.dir, 'x.mp4'),
      kind: 'video'
    })
    expect(result).toMatchObject({ ok: false, code: 'html_page' })
    expect(await readdir(sandbox.dir)).toEqual([])
  })

  it.each([
    ['application/json', '{"error":"quota exceeded"}'],
    ['application/octet-stream', '{"code":403,"message":"forbidden"}'.padEnd(100, ' ')],
    ['audio/mpeg', '[]']
  ])('never saves a JSON error (%s) as a song', async (contentType, text) => {
    const s = await serve((req, res, rec) =>
      serveBytes(req, res, rec, Buffer.from(text), { contentType })
    )
    const result = await downloadFile({
      url: s.url('/x.mp3'),
      targetPath: join(sandbox.dir, 'x.mp3'),
      kind: 'audio'
    })
    expect(result).toMatchObject({ ok: false, code: 'wrong_type', retryable: false })
    expect(await readdir(sandbox.dir)).toEqual([])
  })

  it('refuses a real file of the wrong kind (a jpeg where the video should be)', async () => {
    const jpeg = fixture('cover.jpg')
    const s = await serve((req, res, rec) =>
      serveBytes(req, res, rec, jpeg, { contentType: 'video/mp4' })
    )
    const result = await downloadFile({
      url: s.url('/v.mp4'),
      targetPath: join(sandbox.dir, 'v.mp4'),
      kind: 'video'
    })
    expect(result).toMatchObject({ ok: false, code: 'wrong_type' })
  })

  it.each([
    ['cover.png', 'png'],
    ['cover.webp', 'webp'],
    ['cover.jpg', 'jpg']
  ])('names a cover after what it really is (%s)', async (name, ext) => {
    const bytes = fixture(name)
    const s = await serve((req, res, rec) =>
      serveBytes(req, res, rec, bytes, { contentType: 'application/octet-stream' })
    )
    const result = await downloadFile({
      url: s.url('/c'),
      targetPath: join(sandbox.dir, 'Song [c1].jpg'),
      kind: 'cover'
    })
    expect(result).toMatchObject({ ok: true, ext, path: join(sandbox.dir, `Song [c1].${ext}`) })
    expect(await readFile(join(sandbox.dir, `Song [c1].${ext}`))).toEqual(bytes)
  })

  it.each([
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [410, 'not_found', false],
    [429, 'rate_limited', true],
    [400, 'http_4xx', false],
    [503, 'http_5xx', true]
  ])('maps HTTP %i to %s', async (status, code, retryable) => {
    const s = await serve((_req, res) =>
      res.writeHead(status, { 'content-type': 'text/plain' }).end('no')
    )
    const result = await downloadFile({
      url: s.url('/x.mp3'),
      targetPath: join(sandbox.dir, 'x.mp3'),
      kind: 'audio'
    })
    expect(result).toMatchObject({ ok: false, code, retryable })
    expect(await readdir(sandbox.dir)).toEqual([])
  })

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:audio/mpeg;base64,SUQz',
    'ftp://127.0.0.1/x.mp3',
    'http://example.com/x.mp3',
    'http://169.254.169.254/latest/meta-data',
    'https://user:pass@cdn.example/x.mp3',
    'not a url'
  ])('rejects %s before any I/O', async (url) => {
    let calls = 0
    const fetchSpy: typeof fetch = async () => {
      calls++
      return new Response('x')
    }
    const result = await downloadFile({
      url,
      targetPath: join(sandbox.dir, 'x.mp3'),
      kind: 'audio',
      fetch: fetchSpy
    })
    expect(result).toMatchObject({ ok: false, code: 'invalid_url' })
    expect(calls).toBe(0)
  })
})

describe('downloadFile: redirects', () => {
  it('follows a redirect to another origin without credentials or cookies', async () => {
    const cdn = await startServer((req, res, rec) => serveBytes(req, res, rec, song))
    try {
      const cdnPort = new URL(cdn.origin).port
      const s = await serve((_req, res) =>
        res
          .writeHead(302, {
            location: `http://user:secret@127.0.0.1:${cdnPort}/real.mp3`,
            'set-cookie': 'session=abc; Path=/'
          })
          .end()
      )
      const result = await downloadFile({
        url: s.url('/a.mp3'),
        targetPath: join(sandbox.dir, 'a.mp3'),
        kind: 'audio'
      })
      expect(result).toMatchObject({ ok: true, sha256: sha256(song) })
      expect(cdn.requests).toHaveLength(1)
      expect(cdn.requests[0]?.headers.authorization).toBeUndefined()
      expect(cdn.requests[0]?.headers.cookie).toBeUndefined()
    } finally {
      await cdn.close()
    }
  })

  it('gives up on a redirect loop after 10 hops', async () => {
    const s = await serve((_req, res) => res.writeHead(302, { location: '/loop' }).end())
    const result = await downloadFile({
      url: s.url('/loop'),
      targetPath: join(sandbox.dir, 'a.mp3'),
      kind: 'audio'
    })
    expect(result).toMatchObject({ ok: false, code: 'invalid_url', retryable: false })
    expect(s.requests).toHaveLength(11)
  })
})
