import type { CustomScheme, Protocol } from 'electron'

export const MEDIA_SCHEME = 'songshelf-media'

/** `stream` makes <video>/<audio> treat the responses as streams (electron#40447); no
 * `bypassCSP` — the page's CSP must apply. Registered with the app scheme in one call
 * (protocol/schemes.ts). */
export const MEDIA_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: MEDIA_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    stream: true,
    bypassCSP: false,
    // CORS on, with an allow-origin for our page only (below): the page fetches the cover
    // to hand MediaSession a blob: URL. <audio>, <video> and <img> loads are unaffected.
    corsEnabled: true,
    allowServiceWorkers: false,
    codeCache: false
  }
}

/** Adds `Access-Control-Allow-Origin` for our page's origin, so that page (and nothing
 * else) can read media responses with fetch(). */
export function allowAppOrigin(response: Response, appOrigin: string): Response {
  const headers = new Headers(response.headers)
  headers.set('Access-Control-Allow-Origin', appOrigin)
  headers.append('Vary', 'Origin')
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers
  })
}

/** Serves the scheme with the core's `(Request) => Response` handler. The handler answers
 * Range itself: never `net.fetch('file://…')`, which breaks seeking (electron#38749). */
export function handleMediaScheme(
  protocol: Protocol,
  handler: (request: Request) => Promise<Response>,
  appOrigin = 'songshelf-app://app'
): void {
  protocol.handle(MEDIA_SCHEME, async (request) =>
    allowAppOrigin(await handler(request), appOrigin)
  )
}
