import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Protocol } from 'electron'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_ENTRY_URL,
  contentTypeOf,
  handleAppScheme,
  resolveAppPath,
  serveAppFile
} from '../../../src/main/protocol/app-scheme'
import { registerSchemePrivileges } from '../../../src/main/protocol/schemes'
import { appResponseHeaders, CONTENT_SECURITY_POLICY, isAppUrl } from '../../../src/main/security'

// The renderer's static handler on the app scheme, over a real folder laid out like
// out/renderer, with a secret file next to it that must never be reachable.

let base: string
let root: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'songshelf-app-scheme-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>')
  writeFileSync(join(root, 'assets/index-abc.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets/index-abc.css'), 'body{}')
  writeFileSync(join(root, 'assets/font.woff2'), 'wOF2')
  writeFileSync(join(base, 'secret.txt'), 'sk-do-not-serve')
  mkdirSync(join(base, 'renderer-evil'))
  writeFileSync(join(base, 'renderer-evil/x.js'), 'evil')
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET'): Promise<Response> =>
  serveAppFile(new Request(url, { method }), root, appResponseHeaders)

describe('app scheme', () => {
  it('serves index.html with the CSP as a response header', async () => {
    const response = await get(APP_ENTRY_URL)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('id="root"')
    expect((await get('songshelf-app://app/')).status).toBe(200)
  })

  it('gives each bundle file its type', async () => {
    const js = await get('songshelf-app://app/assets/index-abc.js')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await js.text()).toBe('console.log(1)')
    expect(
      (await get('songshelf-app://app/assets/index-abc.css')).headers.get('content-type')
    ).toBe('text/css; charset=utf-8')
    expect(contentTypeOf('a/font.woff2')).toBe('font/woff2')
    expect(contentTypeOf('a/blob.unknown')).toBe('application/octet-stream')
  })

  it('never leaves the renderer folder, however the path is spelled', async () => {
    for (const url of [
      'songshelf-app://app/../secret.txt',
      'songshelf-app://app/%2e%2e/secret.txt',
      'songshelf-app://app/assets/..%2f..%2fsecret.txt',
      'songshelf-app://app/..%5csecret.txt',
      'songshelf-app://app/%2e%2e%5csecret.txt',
      'songshelf-app://app/../renderer-evil/x.js',
      'songshelf-app://app/%00index.html',
      'songshelf-app://app/%E0%A4%A',
      'songshelf-app://other/index.html',
      'songshelf-media://app/index.html'
    ]) {
      const response = await get(url)
      expect(response.status, url).toBe(404)
      expect(await response.text(), url).not.toContain('sk-do-not-serve')
    }
    expect(resolveAppPath('songshelf-app://app/assets/../index.html', root)).toBe(
      join(root, 'index.html')
    )
    // The one containment rule (core/path-inside.ts): a name that merely starts with two
    // dots is inside; the old copy's startsWith('..') refused it.
    expect(resolveAppPath('songshelf-app://app/..chunk.js', root)).toBe(join(root, '..chunk.js'))
  })

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await get(APP_ENTRY_URL, 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405)
    expect((await get('songshelf-app://app/missing.js')).status).toBe(404)
  })

  it('is handled through protocol.handle and registered with the media scheme in one call', async () => {
    const handled: [string, (r: Request) => Promise<Response>][] = []
    const registered: unknown[] = []
    const protocol = {
      handle: (scheme: string, handler: (r: Request) => Promise<Response>) =>
        handled.push([scheme, handler]),
      registerSchemesAsPrivileged: (schemes: unknown) => registered.push(schemes)
    } as unknown as Protocol
    handleAppScheme(protocol, root, appResponseHeaders)
    expect(handled.map(([scheme]) => scheme)).toEqual(['songshelf-app'])
    expect((await handled[0]![1](new Request(APP_ENTRY_URL))).status).toBe(200)
    registerSchemePrivileges(protocol)
    expect(registered).toHaveLength(1)
    expect(registered[0]).toEqual([
      expect.objectContaining({ scheme: 'songshelf-media' }),
      expect.objectContaining({
        scheme: 'songshelf-app',
        privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false })
      })
    ])
  })

  it('treats only the app scheme and the dev server as the app, and never file://', () => {
    expect(isAppUrl(APP_ENTRY_URL, undefined)).toBe(true)
    expect(
      isAppUrl('file:///opt/Songshelf/resources/app.asar/out/renderer/index.html', undefined)
    ).toBe(false)
    expect(isAppUrl('songshelf-app://evil/index.html', undefined)).toBe(false)
    expect(appResponseHeaders(APP_ENTRY_URL)['Content-Security-Policy']).toBe(
      CONTENT_SECURITY_POLICY
    )
    expect(appResponseHeaders('http://localhost:5173/')).toEqual({})
  })
})

describe('media scheme CORS', () => {
  it('lets our page read media with fetch (the MediaSession cover) and nobody else', async () => {
    const { allowAppOrigin, handleMediaScheme, MEDIA_SCHEME_PRIVILEGES } =
      await import('../../../src/main/protocol/media-scheme')
    expect(MEDIA_SCHEME_PRIVILEGES.privileges?.corsEnabled).toBe(true)
    const handled: ((r: Request) => Promise<Response>)[] = []
    handleMediaScheme(
      { handle: (_s: string, fn: (r: Request) => Promise<Response>) => handled.push(fn) } as never,
      async () =>
        new Response('abc', {
          status: 206,
          headers: { 'Content-Range': 'bytes 0-2/10', 'Content-Type': 'audio/mpeg' }
        })
    )
    const response = await handled[0]!(new Request('songshelf-media://clip/x/audio'))
    expect(response.status).toBe(206)
    expect(response.headers.get('access-control-allow-origin')).toBe('songshelf-app://app')
    expect(response.headers.get('content-range')).toBe('bytes 0-2/10')
    expect(await response.text()).toBe('abc')
    expect(allowAppOrigin(new Response(null, { status: 404 }), 'songshelf-app://app').status).toBe(
      404
    )
  })
})
