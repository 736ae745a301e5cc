import type { App, Session, WebContents } from 'electron'
import { isAppSchemeUrl } from './protocol/app-scheme'
import { parseExternalUrl } from '../shared/external-url'

// The shell's security baseline (DESIGN.md "Security of the shell"; RELIABILITY.md
// group A). Pure functions of the Electron objects they receive, so tests can pass
// mocks and check every hook.

/** The renderer's CSP: scripts and styles from the app only, media and images from our
 * scheme only, no network for the page (main does all HTTP). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' songshelf-media: data: blob:",
  "media-src 'self' songshelf-media:",
  "font-src 'self'",
  // songshelf-media: for the MediaSession cover, fetched and handed over as a blob: URL.
  "connect-src 'self' songshelf-media:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** Which links may leave the app for the system browser: one rule, shared with the
 * openExternal handler. */
export { parseExternalUrl }

/** Is this URL one of the app's own pages (the app scheme, or the dev server in
 * `npm run dev`)? file:// is never ours: the renderer is not served from it. */
export function isAppUrl(value: string, devServerUrl: string | undefined): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (isAppSchemeUrl(url.href)) return true
  if (devServerUrl) {
    try {
      return url.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}

/** Denies every navigation, redirect, webview and new window; hands parsed https links
 * to the system browser instead. */
export function hardenWebContents(
  contents: WebContents,
  openExternal: (url: string) => void,
  devServerUrl: string | undefined
): void {
  const block = (event: { preventDefault: () => void }, url: string): void => {
    if (isAppUrl(url, devServerUrl) && url === contents.getURL()) return
    event.preventDefault()
  }
  contents.on('will-navigate', block)
  contents.on('will-redirect', block)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const external = parseExternalUrl(url)
    if (external) openExternal(external.toString())
    return { action: 'deny' }
  })
}

/** Permission requests and checks are denied by default (Electron grants everything
 * otherwise). Two exceptions: fullscreen for the video panel, and
 * `clipboard-sanitized-write` for our own page's main frame only, which
 * `navigator.clipboard.writeText` (the copy buttons) needs and which goes through both
 * handlers (docs/api/session.md, electron#37158). Sub-frames and other origins never get
 * it. */
export function denyPermissions(
  session: Session,
  isAppUrl: (url: string) => boolean = () => false
): void {
  const allowed = (permission: string, url: string | undefined, mainFrame: boolean): boolean => {
    if (permission === 'fullscreen') return true
    return permission === 'clipboard-sanitized-write' && mainFrame && !!url && isAppUrl(url)
  }
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowed(permission, details.requestingUrl, details.isMainFrame))
  })
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    allowed(permission, details.requestingUrl, details.isMainFrame)
  )
}

/** The headers the app adds to a response for `url`: the CSP for the app scheme's pages,
 * nothing for any other URL. Deliberately nothing for Vite's dev server (`npm run dev`):
 * @vitejs/plugin-react injects an inline `<script type="module">` preamble there, which a
 * `script-src 'self'` header blocks, so the refresh runtime throws "can't detect preamble"
 * and #root stays empty. In dev the index.html <meta> CSP applies instead; Vite puts it
 * after the preamble. (This used to be a webRequest hook that stamped every response of the
 * default session, the dev server's included.) */
export function appResponseHeaders(url: string): Record<string, string> {
  return isAppSchemeUrl(url) ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}
}

export function installSecurityHooks(
  app: App,
  openExternal: (url: string) => void,
  devServerUrl: string | undefined
): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, openExternal, devServerUrl)
  })
}
