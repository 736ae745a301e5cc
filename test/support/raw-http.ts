import { connect } from 'node:net'

// One HTTP/1.1 request written byte for byte on a socket. fetch() and `new Request()`
// normalise the path (`/a/../b` → `/b`, `\` → `/`) before anything is sent, so a server's
// own handling of hostile request targets can only be tested this way.

export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: Buffer
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const eol = body.indexOf('\r\n', at)
    if (eol < 0) break
    const size = Number.parseInt(body.subarray(at, eol).toString('latin1'), 16)
    if (!Number.isFinite(size) || size === 0) break
    parts.push(body.subarray(eol + 2, eol + 2 + size))
    at = eol + 2 + size + 2
  }
  return Buffer.concat(parts)
}

export function rawRequest(
  port: number,
  opts: { method?: string; target: string; headers?: Record<string, string>; body?: string }
): Promise<RawResponse> {
  const headers = { ...opts.headers }
  // The preview refuses a Host that is not its own address and port (DNS rebinding).
  const hasHost = Object.keys(headers).some((name) => name.toLowerCase() === 'host')
  const body = opts.body === undefined ? [] : [`Content-Length: ${Buffer.byteLength(opts.body)}`]
  const lines = [
    `${opts.method ?? 'GET'} ${opts.target} HTTP/1.1`,
    ...(hasHost ? [] : [`Host: 127.0.0.1:${port}`]),
    'Connection: close',
    ...body,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    '',
    opts.body ?? ''
  ]
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const all = Buffer.concat(chunks)
      const split = all.indexOf('\r\n\r\n')
      const head = (split < 0 ? all : all.subarray(0, split)).toString('latin1').split('\r\n')
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1] ?? 0)
      const headers: Record<string, string> = {}
      for (const line of head.slice(1)) {
        const colon = line.indexOf(':')
        if (colon > 0)
          headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
      }
      const rest = split < 0 ? Buffer.alloc(0) : all.subarray(split + 4)
      const body = headers['transfer-encoding'] === 'chunked' ? dechunk(rest) : rest
      resolve({ status, headers, body })
    })
    socket.write(lines.join('\r\n'), 'latin1')
  })
}
