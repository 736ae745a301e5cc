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
    corsEnabled: false,
    allowServiceWorkers: false,
    codeCache: false
  }
}

/** Serves the scheme with the core's `(Request) => Response` handler. The handler answers
 * Range itself: never `net.fetch('file://…')`, which breaks seeking (electron#38749). */
export function handleMediaScheme(
  protocol: Protocol,
  handler: (request: Request) => Promise<Response>
): void {
  protocol.handle(MEDIA_SCHEME, (request) => handler(request))
}
