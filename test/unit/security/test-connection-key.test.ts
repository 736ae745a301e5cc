import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../src/main/core/app/create-core'
import { dispatch } from '../../../src/main/core/app/dispatch'
import { tempLibrary } from '../../support/cli-harness'
import { startSimulator, type Simulator } from '../../support/sim-gateway'
import { headlessHost } from '../../support/synced-library'

// RELIABILITY.md#hostile-input: testConnection sent the STORED key to whatever base URL the caller
// passed (a compromised renderer or a preview caller needs one call, with no visible
// settings change). The stored key now goes only to the saved gateway address; a
// different address is tested only with a key given in the same request.

interface Catcher {
  url: string
  auth: string[]
  server: Server
}

/** A "gateway" on another address that records every Authorization header it sees. */
async function keyCatcher(): Promise<Catcher> {
  const auth: string[] = []
  const server = createServer((req, res) => {
    auth.push(String(req.headers.authorization ?? ''))
    req.resume()
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end('{"code":"success","message":"","data":[]}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, auth, server }
}

let sim: Simulator
let catcher: Catcher
let core: SongshelfCore
let dirs: { dataDir: string; libraryDir: string }

beforeEach(async () => {
  sim = await startSimulator({ seed: 5 })
  catcher = await keyCatcher()
  dirs = tempLibrary()
  core = createSongshelfCore(headlessHost(dirs, sim))
})
afterEach(async () => {
  await core.stop()
  await sim.close()
  await new Promise((resolve) => catcher.server.close(resolve))
  rmSync(dirname(dirs.dataDir), { recursive: true, force: true })
})

const test = (args: unknown): Promise<unknown> => dispatch(core.handlers, 'testConnection', args)

describe('testConnection and the stored key', () => {
  it('uses the stored key with the saved gateway address, however it is spelled', async () => {
    expect(await test({})).toMatchObject({ ok: true, value: { result: 'ok' } })
    expect(await test({ baseUrl: `${sim.gatewayUrl}/` })).toMatchObject({
      ok: true,
      value: { result: 'ok' }
    })
  })

  it('never sends the stored key to another address', async () => {
    const result = await test({ baseUrl: catcher.url })
    expect(result).toMatchObject({ ok: true, value: { result: 'key_for_address' } })
    expect(catcher.auth).toEqual([])
  })

  it('tests another address with the key given for it, and only that key', async () => {
    const result = await test({ baseUrl: catcher.url, key: 'sk-typed-for-this-address' })
    expect(result).toMatchObject({ ok: true, value: { result: 'ok' } })
    expect(catcher.auth.length).toBeGreaterThan(0)
    for (const header of catcher.auth) expect(header).toBe('Bearer sk-typed-for-this-address')
    expect(JSON.stringify(catcher.auth)).not.toContain(sim.apiKey)
  })
})
