import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { previewOverLibrary, SECRET_MARK, type PreviewFixture } from '../../support/preview-fixture'
import { rawRequest } from '../../support/raw-http'

// The media handler with arbitrary URLs, methods and Range/If-Range headers, over HTTP
// through the web preview and against the REAL index of a synced library. This extends
// test/unit/core/media-traversal.test.ts, which fuzzes the handler itself with a fake
// index: here nothing normalises the request target before the server sees it, and the
// file paths come from SQLite. Properties: nothing outside the library is ever served,
// nothing is served without the token, and every 200/206 is the right slice of the
// right clip's file.

let f: PreviewFixture
const files = new Map<string, Buffer>()
beforeAll(async () => {
  f = await previewOverLibrary(22)
  for (const clipId of f.lib.clipIds) {
    for (const kind of ['audio', 'video', 'cover'] as const) {
      const path = f.core.library().getFilePath(clipId, kind)
      if (path !== null) files.set(`${clipId}/${kind}`, readFileSync(path))
    }
  }
}, 60_000)
afterAll(async () => {
  await f?.close()
})

// Anything a request line can carry: no spaces, CR or LF (those end the line).
const targetText = fc.string({ maxLength: 30 }).map((s) => s.replace(/[\s]/g, ''))
const segment = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...f.lib.clipIds),
    fc.constantFrom('clip', 'media', 'audio', 'video', 'cover', 'sidecar', 'escape', 'escape.mp3'),
    fc.constantFrom('..', '.', '%2e%2e', '%252e%252e', '..%2f', '..%5c', '..\\..', '%00', ''),
    fc.constantFrom('outside', 'secret.mp3', 'library-evil', 'x.mp3', 'etc', 'passwd'),
    targetText
  )

const targets = (): fc.Arbitrary<{ target: string; withToken: boolean }> =>
  fc
    .tuple(
      fc.constantFrom('/media/clip/', '/media/', '/media//', '/', '//'),
      fc.oneof(
        fc.array(segment(), { minLength: 0, maxLength: 6 }),
        // Well-formed often enough that real files get served, and their ranges checked.
        fc.tuple(fc.constantFrom(...f.lib.clipIds), fc.constantFrom('audio', 'video', 'cover'))
      ),
      fc.constantFrom('token', 'none', 'wrong', 'twice')
    )
    .map(([prefix, parts, token]) => {
      const path = `${prefix}${parts.join('/')}`
      const query =
        token === 'token'
          ? `?token=${f.token}`
          : token === 'wrong'
            ? `?token=${f.token.slice(0, -1)}0`
            : token === 'twice'
              ? `?token=${f.token}&token=x`
              : ''
      return { target: `${path}${query}`, withToken: token === 'token' || token === 'twice' }
    })

const ranges = fc.oneof(
  fc.constant(undefined),
  targetText,
  fc
    .tuple(fc.option(fc.nat(40_000)), fc.option(fc.nat(40_000)))
    .map(([a, b]) => `bytes=${a ?? ''}-${b ?? ''}`),
  fc.constantFrom('bytes=0-0,5-6', 'bytes=-0', 'items=0-1', 'bytes=99999999999999999999-')
)

describe('the media route over HTTP, arbitrary requests', () => {
  it('never serves anything outside the library, or anything without the token', async () => {
    let served = 0
    await fc.assert(
      fc.asyncProperty(
        targets(),
        fc.constantFrom('GET', 'GET', 'HEAD', 'POST', 'DELETE', 'TRACE', 'OPTIONS'),
        ranges,
        fc.option(targetText),
        async ({ target, withToken }, method, range, ifRange) => {
          const headers: Record<string, string> = {}
          if (range !== undefined) headers['Range'] = range
          if (ifRange !== null) headers['If-Range'] = ifRange
          const res = await rawRequest(f.port, { method, target, headers })
          expect(res.status).toBeGreaterThanOrEqual(200)
          expect(res.body.toString('latin1')).not.toContain(SECRET_MARK)
          if (res.status !== 200 && res.status !== 206) return
          // The server resolves dot segments first, as every HTTP server does.
          const { pathname } = new URL(target, 'http://127.0.0.1')
          if (!pathname.startsWith('/media/')) return // the renderer's own static files
          expect(withToken).toBe(true)
          // A 200/206 is the clip the URL names, and exactly the slice it says it is.
          const [clip, clipId, kind] = pathname.split('/').slice(-3)
          expect(clip).toBe('clip')
          const whole = files.get(`${clipId}/${kind}`)
          expect(whole, target).toBeDefined()
          served++
          if (method === 'HEAD') return
          if (res.status === 200) expect(res.body.equals(whole as Buffer)).toBe(true)
          else {
            const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(res.headers['content-range'] ?? '')
            expect(m, res.headers['content-range']).not.toBeNull()
            const slice = (whole as Buffer).subarray(Number(m?.[1]), Number(m?.[2]) + 1)
            expect(res.body.equals(slice)).toBe(true)
          }
        }
      ),
      { numRuns: 600, seed: 606 }
    )
    // The generator reaches real files too, not only refusals.
    expect(served).toBeGreaterThan(5)
  })
})
