import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { Session, WebContents } from 'electron'
import {
  CONTENT_SECURITY_POLICY,
  denyPermissions,
  hardenWebContents,
  isAppUrl,
  parseExternalUrl
} from '../../../src/main/security'
import { restoreBounds, secureWebPreferences } from '../../../src/main/windows/main-window'

type OpenHandler = (details: { url: string }) => { action: string }

function fakeContents(url: string): {
  contents: WebContents
  emitter: EventEmitter
  openHandler: () => OpenHandler
} {
  const emitter = new EventEmitter()
  let handler: OpenHandler | null = null
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    getURL: () => url,
    setWindowOpenHandler: (h: OpenHandler) => {
      handler = h
    }
  } as unknown as WebContents
  return { contents, emitter, openHandler: () => handler as OpenHandler }
}

function navigate(emitter: EventEmitter, event: string, url: string): boolean {
  let prevented = false
  emitter.emit(event, { preventDefault: () => (prevented = true) }, url)
  return prevented
}

const APP = 'songshelf-app://app/index.html'

describe('window security', () => {
  it('blocks every navigation and redirect away from the app page', () => {
    const { contents, emitter } = fakeContents(APP)
    hardenWebContents(contents, vi.fn(), undefined)
    for (const url of [
      'https://evil.test/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,x'
    ]) {
      expect(navigate(emitter, 'will-navigate', url), url).toBe(true)
      expect(navigate(emitter, 'will-redirect', url), url).toBe(true)
    }
  })

  it('refuses webviews', () => {
    const { contents, emitter } = fakeContents(APP)
    hardenWebContents(contents, vi.fn(), undefined)
    expect(navigate(emitter, 'will-attach-webview', 'x')).toBe(true)
  })

  it('denies every new window and sends only parsed https links to the browser', () => {
    const open = vi.fn()
    const { contents, openHandler } = fakeContents(APP)
    hardenWebContents(contents, open, undefined)
    const handler = openHandler()
    for (const url of [
      'https://suno.com/song/1',
      'http://x.test',
      'file:///etc/passwd',
      'javascript:1',
      'smb://host/x',
      'https://u:p@x.test'
    ]) {
      expect(handler({ url })).toEqual({ action: 'deny' })
    }
    expect(open.mock.calls).toEqual([['https://suno.com/song/1']])
  })

  it('parses external links instead of trusting prefixes', () => {
    expect(parseExternalUrl('https://example.com.attacker.test/a')?.hostname).toBe(
      'example.com.attacker.test'
    )
    expect(parseExternalUrl(42)).toBeNull()
    expect(parseExternalUrl('not a url')).toBeNull()
    expect(parseExternalUrl('x'.repeat(5000))).toBeNull()
  })

  it('recognises only the app page and the dev server as app URLs', () => {
    expect(isAppUrl(APP, undefined)).toBe(true)
    expect(isAppUrl('file:///home/me/evil.html', undefined)).toBe(false)
    expect(
      isAppUrl('file:///opt/Songshelf/resources/app.asar/out/renderer/index.html', undefined)
    ).toBe(false)
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false)
  })

  it('denies permission requests and checks by default', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void) | null =
      null
    let check: ((c: unknown, p: string, o: string, d: unknown) => boolean) | null = null
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h)
    } as unknown as Session
    denyPermissions(session)
    for (const permission of [
      'media',
      'notifications',
      'clipboard-read',
      'geolocation',
      'openExternal'
    ]) {
      const cb = vi.fn()
      request!(null, permission, cb, { requestingUrl: APP, isMainFrame: true })
      expect(cb).toHaveBeenCalledWith(false)
      expect(check!(null, permission, '', { requestingUrl: APP, isMainFrame: true })).toBe(false)
    }
  })

  it('lets only our own main frame write to the clipboard (the copy buttons)', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void) | null =
      null
    let check: ((c: unknown, p: string, o: string, d: unknown) => boolean) | null = null
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h)
    } as unknown as Session
    denyPermissions(session, (url) => isAppUrl(url, undefined))
    const ask = (details: { requestingUrl?: string; isMainFrame: boolean }): boolean[] => {
      const cb = vi.fn()
      request!(null, 'clipboard-sanitized-write', cb, details)
      return [
        cb.mock.calls[0]![0] as boolean,
        check!(null, 'clipboard-sanitized-write', '', details)
      ]
    }
    expect(ask({ requestingUrl: APP, isMainFrame: true })).toEqual([true, true])
    expect(ask({ requestingUrl: APP, isMainFrame: false })).toEqual([false, false])
    expect(ask({ requestingUrl: 'https://evil.test/', isMainFrame: true })).toEqual([false, false])
    expect(ask({ isMainFrame: true })).toEqual([false, false])
    const cb = vi.fn()
    request!(null, 'clipboard-read', cb, { requestingUrl: APP, isMainFrame: true })
    expect(cb).toHaveBeenCalledWith(false)
  })

  it('uses a strict CSP: media and images only from our scheme', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("media-src 'self' songshelf-media:")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/)
  })

  it('creates windows with the secure baseline', () => {
    const prefs = secureWebPreferences('/app/preload.cjs')
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
  })

  it('restores window bounds only when they are sane and on a display', () => {
    const display = [{ x: 0, y: 0, width: 1920, height: 1080 }]
    expect(restoreBounds({ x: 10, y: 10, width: 1000, height: 700 }, display)).toMatchObject({
      x: 10,
      y: 10
    })
    expect(restoreBounds({ x: 5000, y: 10, width: 1000, height: 700 }, display)).not.toHaveProperty(
      'x'
    )
    expect(restoreBounds({ width: 'big' }, display)).toEqual({ width: 1280, height: 820 })
    expect(restoreBounds(null, display)).toEqual({ width: 1280, height: 820 })
  })
})
