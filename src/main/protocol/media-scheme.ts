import type { Protocol } from 'electron'

export const MEDIA_SCHEME = 'songshelf-media'

/** Must run before `app` is ready, exactly once. `stream` makes <video>/<audio> treat the
 * responses as streams (electron#40447); no `bypassCSP` — the page's CSP must apply. */
export function registerMediaSchemePrivileges(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    {
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
  ])
}

/** Serves the scheme with the core's `(Request) => Response` handler. The handler answers
 * Range itself: never `net.fetch('file://…')`, which breaks seeking (electron#38749). */
export function handleMediaScheme(
  protocol: Protocol,
  handler: (request: Request) => Promise<Response>
): void {
  protocol.handle(MEDIA_SCHEME, (request) => handler(request))
}
