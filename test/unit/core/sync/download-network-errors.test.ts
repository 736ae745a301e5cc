import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server,
  type Socket
} from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { downloadFile } from '../../../../src/main/core/sync/download'
import { useDownloadSandbox } from './cdn-server'

// A download that never got an answer names the system's reason, whatever layer put it on
// the error: node:http rejects with the system error itself (`code` on the error, e.g.
// https://nodejs.org/api/errors.html#common-system-errors), fetch wraps it in `cause`.
// The old reader looked at `cause` only, so every node:http failure read "connection failed".

const sandbox = useDownloadSandbox('songshelf-dl-neterr-')
const servers: Server[] = []

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve())))
  )
})

async function listen(onSocket: (socket: Socket) => void): Promise<number> {
  const server = createTcpServer(onSocket)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

/** A port that was just free: bound, then closed, so a connection there is refused. */
async function closedPort(): Promise<number> {
  const server = createTcpServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

async function fetchFrom(url: string): Promise<{ code: string; message: string }> {
  const result = await downloadFile({
    url,
    targetPath: join(sandbox.dir, 'song.mp3'),
    kind: 'audio',
    connectTimeoutMs: 20_000
  })
  if (result.ok) throw new Error('expected a failure')
  return { code: result.code, message: result.message }
}

describe('downloadFile: the reason a connection failed', () => {
  it('names a refused port', async () => {
    const port = await closedPort()
    const failed = await fetchFrom(`http://127.0.0.1:${port}/song.mp3`)
    expect(failed.code).toBe('network')
    expect(failed.message).toMatch(/\(ECONNREFUSED\)$/)
  })

  it('names a connection the server reset', async () => {
    const port = await listen((socket) => socket.resetAndDestroy())
    const failed = await fetchFrom(`http://127.0.0.1:${port}/song.mp3`)
    expect(failed.code).toBe('network')
    expect(failed.message).toMatch(/\(ECONNRESET\)$/)
  })

  it('names a TLS failure: https to a server that does not speak it', async () => {
    const port = await listen((socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'))
    })
    const failed = await fetchFrom(`https://127.0.0.1:${port}/song.mp3`)
    expect(failed.code).toBe('network')
    expect(failed.message).toMatch(/\((ERR_SSL_[A-Z_]+|EPROTO)\)$/)
  })

  it('names a host that does not resolve', async () => {
    // `.invalid` never resolves (RFC 6761 §6.4); offline resolvers answer EAI_AGAIN.
    const failed = await fetchFrom('https://songshelf-test.invalid/song.mp3')
    expect(failed.code).toBe('network')
    expect(failed.message).toMatch(/\((ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL)\)$/)
  })
})
