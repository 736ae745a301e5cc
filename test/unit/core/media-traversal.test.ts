import fc from 'fast-check'
import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseMediaUrl } from '../../../src/main/core/media'
import {
  bodyBytes,
  clipUrl,
  DATA_SIZE,
  makeLibrary,
  mediaRequest,
  SECRET,
  type TestLibrary
} from './media-library'

// Path traversal and arbitrary file read through the media scheme (RELIABILITY.md
// B6): every trick must end in 400/403/404 with zero bytes of the target, and the index
// must only ever be asked about well-formed clip ids.

let t: TestLibrary
beforeAll(async () => {
  t = await makeLibrary()
})
afterAll(async () => {
  await rm(t.root, { recursive: true, force: true })
})

const CLIP_ID = /^[A-Za-z0-9_-]{1,128}$/
// The only files of the test library that may ever be served.
const SERVABLE = [
  'data/audio',
  'empty/audio',
  'big/audio',
  'vid/video',
  'jpg/cover',
  'png/cover',
  'webp/cover'
]

async function expectRefused(url: string): Promise<void> {
  const res = await t.handler(mediaRequest(url))
  expect([400, 403, 404]).toContain(res.status)
  expect((await bodyBytes(res)).toString('latin1')).not.toContain(SECRET)
}

describe('traversal through the URL', () => {
  const tails = [
    '../etc/passwd',
    '../../../../etc/passwd/audio',
    '..%2f..%2fetc%2fpasswd/audio',
    '%2e%2e/%2e%2e/outside/secret.mp3',
    '%2e%2e%2f%2e%2e%2foutside%2fsecret.mp3/audio',
    '..%5c..%5cwin.ini/audio',
    '..\\..\\outside\\secret.mp3/audio',
    '%252e%252e%252f/audio',
    '%252e%252e%252foutside%252fsecret.mp3/audio',
    '/etc/passwd',
    '%2Fetc%2Fpasswd/audio',
    'C:\\Windows\\win.ini/audio',
    'C:%5CWindows%5Cwin.ini/audio',
    '\\\\?\\C:\\x/audio',
    '\\\\host\\share\\x/audio',
    'data%00/audio',
    'data/audio%00',
    'data%00.mp3/audio',
    'data.mp3:evil/audio',
    'data/../../outside/secret.mp3',
    'data/audio/../../../outside/secret.mp3'
  ]
  it.each(tails)('songshelf-media://clip/%s is refused', async (tail) => {
    await expectRefused(`songshelf-media://clip/${tail}`)
  })
  it.each(tails)('/media/clip/%s is refused', async (tail) => {
    await expectRefused(`http://127.0.0.1:5173/media/clip/${tail}`)
  })
  it('never asks the index about anything but a well-formed id', () => {
    expect(t.lookups.every((id) => CLIP_ID.test(id))).toBe(true)
  })
})

describe('traversal through what the index says', () => {
  it.each([
    ['evil', 'a file outside the library'],
    ['sib', 'a sibling folder whose name starts with the library name'],
    ['link', 'a symlink inside the library pointing outside'],
    ['dirlink', 'a path through a symlinked folder'],
    ['dotdot', 'a path with .. segments'],
    ['rel', 'a relative path'],
    ['nul', 'a path with a null byte'],
    ['ads', 'a Windows alternate data stream name'],
    ['libroot', 'the library folder itself']
  ])('%s (%s) is refused', async (id) => {
    await expectRefused(clipUrl(id, 'audio'))
  })
})

describe('fuzz', () => {
  const prefixes = [
    'songshelf-media://clip/',
    'songshelf-media://',
    'http://127.0.0.1:5173/media/clip/',
    'http://127.0.0.1:5173/'
  ]
  const ids = fc.oneof(
    fc.constantFrom(
      'data',
      'evil',
      'sib',
      'link',
      'dirlink',
      'dotdot',
      'rel',
      'nul',
      'ads',
      'html'
    ),
    fc.string(),
    fc.string({ unit: 'binary' }).map(encodeURIComponent)
  )
  const urls = fc.oneof(
    fc
      .tuple(
        fc.constantFrom(...prefixes),
        ids,
        fc.constantFrom('/audio', '/cover', '/video', ''),
        fc.string()
      )
      .map(([p, id, kind, tail]) => `${p}${id}${kind}${tail}`),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.string().map((s) => `songshelf-media://${s}`)
  )
  const ranges = fc.oneof(
    fc.constant(undefined),
    fc.string(),
    fc
      .tuple(fc.option(fc.nat(3 * DATA_SIZE)), fc.option(fc.nat(3 * DATA_SIZE)))
      .map(([a, b]) => `bytes=${a ?? ''}-${b ?? ''}`)
  )

  function build(url: string, range: string | undefined, method: string): Request | null {
    try {
      return mediaRequest(url, { range, method })
    } catch {
      return null // Not a URL or header a browser could send at all.
    }
  }

  it('arbitrary URLs and Range headers never throw and never serve outside the library', async () => {
    await fc.assert(
      fc.asyncProperty(urls, ranges, fc.constantFrom('GET', 'HEAD'), async (url, range, method) => {
        const request = build(url, range, method)
        fc.pre(request !== null)
        const res = await t.handler(request as Request)
        const body = await bodyBytes(res)
        expect(body.toString('latin1')).not.toContain(SECRET)
        if (res.status === 200 || res.status === 206) {
          const target = parseMediaUrl(url)
          expect(SERVABLE).toContain(`${target?.clipId}/${target?.kind}`)
        }
      }),
      { numRuns: 300 }
    )
    expect(t.lookups.every((id) => CLIP_ID.test(id))).toBe(true)
  })

  it('any Range header gives 200, a consistent 206 or 416', async () => {
    await fc.assert(
      fc.asyncProperty(ranges, async (range) => {
        const request = build(clipUrl('data', 'audio'), range, 'GET')
        fc.pre(request !== null)
        const res = await t.handler(request as Request)
        const body = await bodyBytes(res)
        expect(Number(res.headers.get('content-length') ?? body.length)).toBe(body.length)
        if (res.status === 200) {
          expect(body).toEqual(t.data)
        } else if (res.status === 206) {
          const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(res.headers.get('content-range') ?? '')
          expect(m).not.toBeNull()
          const [start, end, size] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])]
          expect(size).toBe(DATA_SIZE)
          expect(start).toBeLessThanOrEqual(end)
          expect(end).toBeLessThan(DATA_SIZE)
          expect(body).toEqual(t.data.subarray(start, end + 1))
        } else {
          expect(res.status).toBe(416)
          expect(res.headers.get('content-range')).toBe(`bytes */${DATA_SIZE}`)
        }
      }),
      { numRuns: 500 }
    )
  })
})
