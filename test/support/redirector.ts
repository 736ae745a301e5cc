import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

// A second origin that answers every request with a redirect to the same path on a target
// origin (a CDN edge handing off to another host), recording what each request carried.

export interface Redirector {
  readonly url: string
  readonly requests: { path: string; headers: Record<string, string | string[] | undefined> }[]
  close(): Promise<void>
}

export async function startRedirector(target: string, status = 302): Promise<Redirector> {
  const requests: Redirector['requests'] = []
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: { ...req.headers } })
    res.writeHead(status, { location: `${target}${req.url ?? '/'}`, 'content-length': 0 }).end()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** A fetch that sends the first request for each CDN media URL to the redirector
 * instead, so every download starts with a real cross-origin redirect that the
 * downloader must follow on its own. */
export function firstHopVia(redirector: Redirector, cdnUrl: string): typeof fetch {
  const redirected = new Set<string>()
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (url.origin === new URL(cdnUrl).origin && url.pathname.startsWith('/media/')) {
      if (!redirected.has(url.href)) {
        redirected.add(url.href)
        return fetch(`${redirector.url}${url.pathname}${url.search}`, init)
      }
    }
    return fetch(input, init)
  }
}
