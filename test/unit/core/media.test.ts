import { readdirSync, readlinkSync } from 'node:fs'
import { rm, truncate, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createMediaHandler, parseMediaUrl } from '../../../src/main/core/media'
import {
  bodyBytes,
  clipUrl,
  DATA_SIZE,
  makeLibrary,
  mediaRequest,
  type TestLibrary
} from './media-library'

// The media protocol handler (RELIABILITY.md B2–B7), called the way Electron's
// protocol.handle and the web preview call it: a WHATWG Request in, a Response out.

let t: TestLibrary
beforeAll(async () => {
  t = await makeLibrary()
})
afterAll(async () => {
  await rm(t.root, { recursive: true, force: true })
})

const N = DATA_SIZE

describe('ranges (B3 edge cases, file of N = 1000 bytes)', () => {
  it.each([
    [undefined, 200, 0, N - 1],
    ['bytes=0-0', 206, 0, 0],
    ['bytes=10-20', 206, 10, 20],
    ['bytes=10-', 206, 10, N - 1],
    ['bytes=-100', 206, N - 100, N - 1],
    ['bytes=-5000', 206, 0, N - 1],
    [`bytes=0-${N}`, 206, 0, N - 1],
    ['bytes=990-99999999999999999999', 206, 990, N - 1],
    ['BYTES=1-2', 206, 1, 2],
    // Documented choices: an invalid range is ignored, several ranges get the whole file.
    ['bytes=5-2', 200, 0, N - 1],
    ['bytes=a-b', 200, 0, N - 1],
    ['bytes=-', 200, 0, N - 1],
    ['bytes=0-1,5-6', 200, 0, N - 1],
    ['items=0-5', 200, 0, N - 1]
  ])('Range %s → %i bytes %i-%i', async (range, status, start, end) => {
    const res = await t.handler(mediaRequest(clipUrl('data', 'audio'), { range }))
    expect(res.status).toBe(status)
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(res.headers.get('content-length')).toBe(String(end - start + 1))
    expect(res.headers.get('content-range')).toBe(
      status === 206 ? `bytes ${start}-${end}/${N}` : null
    )
    expect(await bodyBytes(res)).toEqual(t.data.subarray(start, end + 1))
  })

  it.each([`bytes=${N}-`, `bytes=${N + 5}-${N + 10}`, 'bytes=-0'])(
    '%s → 416 bytes */N',
    async (range) => {
      const res = await t.handler(mediaRequest(clipUrl('data', 'audio'), { range }))
      expect(res.status).toBe(416)
      expect(res.headers.get('content-range')).toBe(`bytes */${N}`)
      expect((await bodyBytes(res)).length).toBe(0)
    }
  )

  it('sends the whole file when If-Range is present (we never hand out validators)', async () => {
    const res = await t.handler(
      mediaRequest(clipUrl('data', 'audio'), {
        range: 'bytes=10-20',
        headers: { 'if-range': '"x"' }
      })
    )
    expect(res.status).toBe(200)
    expect((await bodyBytes(res)).length).toBe(N)
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    const full = await t.handler(mediaRequest(clipUrl('data', 'audio'), { method: 'HEAD' }))
    expect(full.status).toBe(200)
    expect(full.headers.get('content-length')).toBe(String(N))
    expect(full.body).toBeNull()
    const part = await t.handler(
      mediaRequest(clipUrl('data', 'audio'), { method: 'HEAD', range: 'bytes=5-9' })
    )
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 5-9/${N}`)
    expect(part.body).toBeNull()
  })

  it('serves an empty file as 200 with length 0', async () => {
    const res = await t.handler(mediaRequest(clipUrl('empty', 'audio')))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe('0')
    expect((await bodyBytes(res)).length).toBe(0)
  })

  it('serves two ranges of the same file at once', async () => {
    const [a, b] = await Promise.all([
      t.handler(mediaRequest(clipUrl('data', 'audio'), { range: 'bytes=0-499' })),
      t.handler(mediaRequest(clipUrl('data', 'audio'), { range: 'bytes=500-' }))
    ])
    expect(Buffer.concat([await bodyBytes(a), await bodyBytes(b)])).toEqual(t.data)
  })
})

describe('methods, types and headers', () => {
  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])('%s → 405 with Allow', async (method) => {
    const res = await t.handler(mediaRequest(clipUrl('data', 'audio'), { method }))
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD')
  })

  it.each([
    ['data', 'audio', 'audio/mpeg'],
    ['vid', 'video', 'video/mp4'],
    ['vid', 'video_cover', 'video/mp4'],
    ['jpg', 'cover', 'image/jpeg'],
    ['png', 'cover', 'image/png'],
    ['webp', 'cover', 'image/webp']
  ])('types %s %s as %s, with nosniff and no-cache', async (id, kind, type) => {
    const res = await t.handler(mediaRequest(clipUrl(id, kind)))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(type)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    await res.body?.cancel()
  })

  it('accepts the web preview form of the URL', async () => {
    const res = await t.handler(mediaRequest('http://127.0.0.1:5173/media/clip/data/audio?x=1'))
    expect(res.status).toBe(200)
    expect(await bodyBytes(res)).toEqual(t.data)
  })

  it.each([
    ['html', 'audio'],
    ['html', 'cover'],
    ['svg', 'cover'],
    ['wrongkind', 'video'],
    ['wrongkind', 'video_cover']
  ])('refuses non-media or the wrong kind (%s as %s) with 403 (B7)', async (id, kind) => {
    const res = await t.handler(mediaRequest(clipUrl(id, kind)))
    expect(res.status).toBe(403)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await res.text()).includes('<')).toBe(false)
  })

  it('answers 404 for a missing file and for an id not in the index', async () => {
    expect((await t.handler(mediaRequest(clipUrl('gone', 'audio')))).status).toBe(404)
    expect((await t.handler(mediaRequest(clipUrl('nobody', 'audio')))).status).toBe(404)
    expect((await t.handler(mediaRequest(clipUrl('data', 'video')))).status).toBe(404)
  })

  it('answers 500 without naming a path when the index fails', async () => {
    const broken = createMediaHandler({
      lookup: () => {
        throw new Error(`SQLITE_CORRUPT at ${t.lib}/index.db`)
      },
      libraryDir: () => t.lib
    })
    const res = await broken(mediaRequest(clipUrl('data', 'audio')))
    expect(res.status).toBe(500)
    expect(await res.text()).not.toContain(t.root)
  })
})

describe('streams (B5)', () => {
  const fdsOn = (path: string): number =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path
      } catch {
        return false
      }
    }).length

  it.runIf(process.platform === 'linux')('closes the file when the consumer cancels', async () => {
    const path = t.path('big.mp3')
    expect(fdsOn(path)).toBe(0)
    const res = await t.handler(mediaRequest(clipUrl('big', 'audio'), { range: 'bytes=1000-' }))
    expect(res.status).toBe(206)
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const first = await reader.read()
    expect(first.value?.byteLength).toBeGreaterThan(0)
    expect(fdsOn(path)).toBe(1)
    await reader.cancel()
    await vi.waitFor(() => expect(fdsOn(path)).toBe(0))
  })

  it.runIf(process.platform === 'linux')(
    'closes the file after HEAD, 416 and a full read',
    async () => {
      const path = t.path('big.mp3')
      await t.handler(mediaRequest(clipUrl('big', 'audio'), { method: 'HEAD' }))
      await t.handler(mediaRequest(clipUrl('big', 'audio'), { range: 'bytes=99999999-' }))
      await bodyBytes(
        await t.handler(mediaRequest(clipUrl('big', 'audio'), { range: 'bytes=-70000' }))
      )
      await vi.waitFor(() => expect(fdsOn(path)).toBe(0))
    }
  )

  it('errors the body, and nothing else, when the file shrinks while it streams', async () => {
    const path = t.path('shrinking.mp3')
    await writeFile(path, Buffer.alloc(1024 * 1024, 1))
    t.index.set('shrinking', { audio: path })
    const res = await t.handler(mediaRequest(clipUrl('shrinking', 'audio')))
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    await truncate(path, 10)
    const drain = async (): Promise<void> => {
      for (;;) if ((await reader.read()).done) return
    }
    await expect(drain()).rejects.toThrow('media read failed')
  })
})

describe('parseMediaUrl', () => {
  it.each([
    ['songshelf-media://clip/abc_DEF-123/audio', { clipId: 'abc_DEF-123', kind: 'audio' }],
    [
      'songshelf-media://clip/a06015d0-1c2b-4f7e-9a1d-0123456789ab/cover',
      {
        clipId: 'a06015d0-1c2b-4f7e-9a1d-0123456789ab',
        kind: 'cover'
      }
    ],
    ['http://127.0.0.1:4000/media/clip/x/video', { clipId: 'x', kind: 'video' }],
    ['songshelf-media://clip/x/video_cover', { clipId: 'x', kind: 'video_cover' }],
    ['http://127.0.0.1:4000/media/clip/x/video_cover', { clipId: 'x', kind: 'video_cover' }],
    ['songshelf-media://clip/x/sidecar', null],
    ['songshelf-media://clip/x/audio/', null],
    ['songshelf-media://track/x/audio', null],
    [`songshelf-media://clip/${'a'.repeat(129)}/audio`, null],
    ['not a url', null]
  ])('%s', (url, expected) => {
    expect(parseMediaUrl(url)).toEqual(expected)
  })
})
