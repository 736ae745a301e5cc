import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

// A tiny HTTP server that answers whatever a property test tells it to: any status, any
// headers, any bytes, delivered whole, chunked, or cut off half-way. It records what
// each request carried, so a test can also check what the client sent.

export interface FuzzAnswer {
  status: number
  headers: Record<string, string>
  body: Uint8Array
  delivery: 'length' | 'chunked' | 'cut'
  /** Append the request's Authorization header to the body (a gateway echoing the key). */
  echoAuthorization?: boolean
}

export interface SeenRequest {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
}

export interface FuzzServer {
  readonly url: string
  answer: FuzzAnswer
  readonly requests: SeenRequest[]
  close(): Promise<void>
}

const NO_BODY = new Set([204, 304])

export async function startFuzzServer(): Promise<FuzzServer> {
  const requests: SeenRequest[] = []
  const state: { answer: FuzzAnswer } = {
    answer: { status: 200, headers: {}, body: new Uint8Array(), delivery: 'length' }
  }
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers } })
    req.resume()
    const { status, headers, delivery, echoAuthorization } = state.answer
    let body = Buffer.from(state.answer.body)
    if (echoAuthorization === true) {
      body = Buffer.concat([body, Buffer.from(` ${req.headers.authorization ?? ''}`)])
    }
    if (NO_BODY.has(status)) body = Buffer.alloc(0)
    const out: Record<string, string | number> = { ...headers }
    if (delivery !== 'chunked' && !NO_BODY.has(status)) out['content-length'] = body.length
    try {
      res.writeHead(status, out)
    } catch {
      // A header value Node refuses to send: answer something plain instead.
      res.writeHead(status, { 'content-length': body.length })
    }
    if (delivery === 'cut' && body.length > 1) {
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy())
      return
    }
    res.end(body)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get answer() {
      return state.answer
    },
    set answer(value) {
      state.answer = value
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
