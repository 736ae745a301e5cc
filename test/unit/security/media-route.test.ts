import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { previewOverLibrary, SECRET_MARK, type PreviewFixture } from '../../support/preview-fixture'
import { rawRequest, type RawResponse } from '../../support/raw-http'

// The media scheme serves nothing outside the library (RELIABILITY.md B6, B8),
// checked at the HTTP level through the web preview's `/media/` route, the same server
// `npm run preview:web` runs: requests written byte for byte, so no client tidies the
// path first. The handler-level table and fuzz live in test/unit/core/media-traversal
// .test.ts; the Electron scheme uses the same handler.

let f: PreviewFixture
beforeAll(async () => {
  f = await previewOverLibrary()
}, 60_000)
afterAll(async () => {
  await f?.close()
})

const get = (target: string, headers?: Record<string, string>): Promise<RawResponse> =>
  rawRequest(f.port, { target, ...(headers === undefined ? {} : { headers }) })

function expectNothingServed(res: RawResponse, statuses: number[]): void {
  expect(statuses).toContain(res.status)
  expect(res.body.toString('latin1')).not.toContain(SECRET_MARK)
}

describe('the preview /media/ route', () => {
  it('serves a song only with the token, byte for byte, with ranges', async () => {
    const clipId = f.lib.clipIds[0] as string
    const onDisk = readFileSync(f.core.library().getFilePath(clipId, 'audio') as string)
    const ok = await get(`/media/clip/${clipId}/audio?token=${f.token}`)
    expect(ok.status).toBe(200)
    expect(ok.headers['content-type']).toBe('audio/mpeg')
    expect(ok.headers['x-content-type-options']).toBe('nosniff')
    expect(ok.body.equals(onDisk)).toBe(true)
    const part = await get(`/media/clip/${clipId}/audio?token=${f.token}`, { Range: 'bytes=10-19' })
    expect(part.status).toBe(206)
    expect(part.body.equals(onDisk.subarray(10, 20))).toBe(true)
  })

  it.each([
    ['no token', ''],
    ['an empty token', '?token='],
    ['a wrong token of the same length', `?token=${'x'.repeat(40)}`],
    ['a token with one character changed', '?token=preview-token-for-tests-0123456789abcdeF'],
    ['the token twice, the first one wrong', '?token=nope&token=TOKEN']
  ])('refuses a real song with %s (401, empty body)', async (_what, query) => {
    const clipId = f.lib.clipIds[0] as string
    const res = await get(`/media/clip/${clipId}/audio${query.replace('TOKEN', f.token)}`)
    expect(res.status).toBe(401)
    expect(res.body.length).toBe(0)
  })

  it('does not take the token from a header instead of the URL', async () => {
    const clipId = f.lib.clipIds[0] as string
    const res = await get(`/media/clip/${clipId}/audio`, { 'X-Songshelf-Token': f.token })
    expect(res.status).toBe(401)
  })

  const tails = [
    '/media/clip/../../../outside/secret.mp3',
    '/media/../../outside/secret.mp3',
    '/media/clip/%2e%2e/%2e%2e/outside/secret.mp3',
    '/media/clip/..%2f..%2foutside%2fsecret.mp3/audio',
    '/media/clip/%252e%252e%252foutside%252fsecret.mp3/audio',
    '/media/clip/..\\..\\outside\\secret.mp3/audio',
    '/media/clip/escape/audio',
    '/media/clip/escape.mp3/audio',
    '/media/clip/escape%2fsecret.mp3/audio',
    '/media/clip/CLIP/audio/../../../../outside/secret.mp3',
    '/media/clip/CLIP/..%2f..%2f..%2foutside%2fsecret.mp3',
    '/media//etc/passwd',
    '/media/clip/%00/audio',
    '/media/clip/CLIP%00.mp3/audio',
    '/media/clip/CLIP/audio%00',
    '/media/clip/CLIP/sidecar',
    '/media/clip/CLIP/../../library-evil/x.mp3',
    '/media/clip/CLIP/audio:evil'
  ]
  it.each(tails)('never serves %s, with or without the token', async (tail) => {
    const target = tail.replace('CLIP', f.lib.clipIds[0] as string)
    const joiner = target.includes('?') ? '&' : '?'
    expectNothingServed(await get(target), [400, 401, 404])
    expectNothingServed(await get(`${target}${joiner}token=${f.token}`), [400, 403, 404])
  })

  it.each([
    '/../outside/secret.mp3',
    '/%2e%2e/outside/secret.mp3',
    '/..%2foutside%2fsecret.mp3',
    '/..\\outside\\secret.mp3',
    '/%2e%2e%5coutside%5csecret.mp3',
    '//outside/secret.mp3',
    'http://evil.test/../outside/secret.mp3'
  ])('the static files never serve %s either', async (target) => {
    expectNothingServed(await get(target), [400, 404])
  })

  it('answers other methods on /media/ with 405 or 401, never the file', async () => {
    const clipId = f.lib.clipIds[0] as string
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND']) {
      const res = await rawRequest(f.port, {
        method,
        target: `/media/clip/${clipId}/audio?token=${f.token}`
      })
      expect([401, 405]).toContain(res.status)
      expect(res.body.length).toBeLessThan(100)
    }
  })
})
