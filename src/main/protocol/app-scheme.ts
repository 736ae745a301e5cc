import type { CustomScheme, Protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import { isBelow } from '../core/path-inside'

// The renderer is served from a privileged app scheme instead of file:// (Electron
// security checklist item 18, docs/tutorial/security.md): file:// pages can read any
// file:// URL, cannot get the CSP as a header ("CSP meta tag" section of the same page),
// and need the grantFileProtocolExtraPrivileges fuse left on. A standard, secure scheme
// gives the page a real origin (`songshelf-app://app`), so 'self' in the CSP means "our
// bundle" and nothing else (docs/api/protocol.md, registerSchemesAsPrivileged).

export const APP_SCHEME = 'songshelf-app'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** Standard + secure: relative URLs resolve, storage works and the page is a secure
 * context. No bypassCSP (the page's own CSP must apply), no service workers, no stream
 * (the bundle is small files), V8 code cache on (it is our own code). */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
    codeCache: true
  }
}

/** Is `url` on the app scheme's origin? (WHATWG URL gives non-special schemes the opaque
 * origin "null", so compare scheme and host.) */
export function isAppSchemeUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
  } catch {
    return false
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm'
}

/** The content type for a bundle file; unknown extensions are opaque bytes. */
export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** Maps a request URL to a file inside `root`, or null when the URL is not ours or
 * would leave the folder (`..`, encoded separators, absolute or drive paths, NUL). */
export function resolveAppPath(url: string, root: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  if (path === '/' || path === '') path = '/index.html'
  const base = resolve(root)
  const file = resolve(base, `.${path}`)
  return isBelow(base, file) ? file : null
}

/** The static handler over the built renderer: GET/HEAD only, files inside `root` only,
 * the right content type, `nosniff`, and the headers `headersFor` gives (the CSP). */
export async function serveAppFile(
  request: Request,
  root: string,
  headersFor: (url: string) => Record<string, string>
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } })
  }
  const file = resolveAppPath(request.url, root)
  if (!file) return new Response(null, { status: 404 })
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return new Response(null, { status: 404 })
  }
  const headers = {
    'Content-Type': contentTypeOf(file),
    'Content-Length': String(body.byteLength),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    ...headersFor(request.url)
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { headers })
}

/** Serves the app scheme from the built renderer folder (after `ready`). */
export function handleAppScheme(
  protocol: Protocol,
  root: string,
  headersFor: (url: string) => Record<string, string>
): void {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(request, root, headersFor))
}
