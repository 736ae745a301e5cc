import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '../../../src/shared/channels'
import type { SyncState } from '../../../src/shared/domain'
import { createSongshelfCore, type SongshelfCore } from '../../../src/main/core/app/create-core'
import { dispatch } from '../../../src/main/core/app/dispatch'
import { tempLibrary } from '../../support/cli-harness'
import { firstHopVia, startRedirector, type Redirector } from '../../support/redirector'
import { filesHoldingSecret, findSecret } from '../../support/secrets'
import { startSimulator, type Simulator } from '../../support/sim-gateway'
import { headlessHost, SHORT_POLICY } from '../../support/synced-library'

// The API key never leaves main except to the gateway origin (DESIGN "Data"; reliability
// RELIABILITY.md C5, C6). A full sync runs with downloads that start with a cross-origin
// redirect, gateway redirects within its origin and one to another origin, and a gateway
// that quotes the key back in an error. Then every request the simulator and the
// redirector saw, every event the core emitted, every bridge answer and every file the
// core wrote is searched for the key in every form it could take.

const KEY = 'sk-Sh3lfCanary7Qz9Xw2Lk5Rt8Vb1Nm4'
const id = (n: number): string => `5ec00000-0000-4000-8000-${String(n).padStart(12, '0')}`

let sim: Simulator
let redirector: Redirector
let core: SongshelfCore
let dirs: { dataDir: string; libraryDir: string }
const events: string[] = []
const answers: { method: string; text: string }[] = []

function stateEvent(match: (s: SyncState) => boolean): Promise<SyncState> {
  return new Promise((resolve) => {
    const off = core.events.subscribe((event, payload) => {
      if (event === 'sync-state' && match(payload)) {
        off()
        resolve(payload)
      }
    })
  })
}

async function call(method: string, payload: unknown): Promise<unknown> {
  const result = await dispatch(core.handlers, method, payload)
  answers.push({ method, text: JSON.stringify(result) })
  return result
}

async function syncUntilDone(ids: string[]): Promise<void> {
  await call('addTasks', { text: ids.join('\n') })
  await core.engine().untilDone()
  await core.idle()
}

beforeAll(async () => {
  sim = await startSimulator({ seed: 61, apiKey: KEY })
  redirector = await startRedirector(sim.cdnUrl)
  dirs = tempLibrary()
  core = createSongshelfCore(headlessHost(dirs, sim, KEY), {
    engine: { policy: SHORT_POLICY },
    fetch: firstHopVia(redirector, sim.cdnUrl)
  })
  core.events.subscribe((event, payload) => events.push(`${event} ${JSON.stringify(payload)}`))
  for (let n = 1; n <= 8; n++) sim.addTask({ id: id(n), shape: n % 2 === 0 ? 'raw' : 'flattened' })
  core.start()

  // 1. A sync whose first polls are redirected twice within the gateway's own origin.
  sim.setFault({ kind: 'redirect', to: 'same', route: 'batch' }, { times: 2 })
  await syncUntilDone([id(1), id(2), id(3)])

  // 2. The gateway once redirects to another origin: the key must not follow it.
  sim.setFault({ kind: 'redirect', to: 'cdn', route: 'batch' }, { times: 1 })
  await syncUntilDone([id(4), id(5)])

  // 3. The gateway rejects the key and quotes it back in its error.
  sim.setFault(
    { kind: 'auth', message: `无效的令牌 ${KEY} (Bearer ${KEY.slice(3)})` },
    { times: 1 }
  )
  const refused = stateEvent((s) => s.status === 'auth')
  await call('addTasks', { text: id(6) })
  await refused
  await call('pollNow', null)
  await core.engine().untilDone()

  // 4. Connection tests with the stored key, including one the gateway answers with it.
  await call('testConnection', {})
  sim.setFault({ kind: 'auth', message: `invalid token ${KEY}`, status: 401 }, { times: 1 })
  await call('testConnection', {})
  sim.clearFaults()
  await syncUntilDone([id(7), id(8)])
}, 60_000)

afterAll(async () => {
  await core?.stop()
  await redirector?.close()
  await sim?.close()
})

describe('the API key stays with the gateway', () => {
  it('finished the whole sync, downloads included, through every redirect', async () => {
    const page = (await call('queryLibrary', { limit: 500 })) as {
      ok: boolean
      value: { total: number; rows: { downloadState: string }[] }
    }
    expect(page.value.total).toBe(16)
    expect(page.value.rows.every((row) => row.downloadState === 'done')).toBe(true)
    expect(redirector.requests.length).toBeGreaterThanOrEqual(16 * 3)
    expect(sim.requests.filter((r) => r.path.includes('hop=')).length).toBe(2)
  })

  it('sent the key to the gateway origin only, in the Authorization header only', () => {
    const gateway = sim.requests.filter((r) => r.origin === 'gateway')
    const cdn = sim.requests.filter((r) => r.origin === 'cdn')
    expect(gateway.length).toBeGreaterThan(5)
    expect(cdn.length).toBeGreaterThanOrEqual(16 * 3)
    expect(cdn.some((r) => r.path.startsWith('/suno/'))).toBe(false)
    for (const r of gateway) {
      expect(r.authorization).toBe(`Bearer ${KEY}`)
      expect(findSecret(r.path, KEY)).toEqual([])
    }
    // The CDN (which the gateway's cross-origin redirect pointed at, and which was never
    // asked) and the redirecting origin: no key, no credentials, no cookies, anywhere.
    for (const r of cdn) {
      expect(r.authorization, r.path).toBeNull()
      expect(r.headers.cookie).toBeUndefined()
      expect(findSecret(`${r.path} ${JSON.stringify(r.headers)}`, KEY), r.path).toEqual([])
    }
    for (const r of redirector.requests) {
      expect(r.headers.authorization).toBeUndefined()
      expect(r.headers.cookie).toBeUndefined()
      expect(findSecret(`${r.path} ${JSON.stringify(r.headers)}`, KEY)).toEqual([])
    }
  })

  it('never put the key in an event, even while the gateway quoted it back', () => {
    expect(events.some((e) => e.startsWith('sync-state') && e.includes('"auth"'))).toBe(true)
    expect(events.length).toBeGreaterThan(20)
    for (const event of events) expect(findSecret(event, KEY), event).toEqual([])
  })

  it('never puts the key in an answer of any bridge method', async () => {
    const clipIds = (
      (await call('queryLibrary', { limit: 500 })) as {
        value: { rows: { id: string }[] }
      }
    ).value.rows.map((row) => row.id)
    for (const clipId of clipIds) await call('getClip', { id: clipId })
    const reads: [string, unknown][] = [
      ['getAppInfo', null],
      ['getFacets', {}],
      ['listTags', null],
      ['listTasks', null],
      ['getSyncState', null],
      ['getSettings', null],
      ['retryDownloads', {}],
      ['pauseDownloads', null],
      ['resumeDownloads', null],
      ['setFavorite', { ids: clipIds.slice(0, 2), favorite: true }],
      ['tagClips', { ids: clipIds.slice(0, 2), add: ['checked'] }]
    ]
    for (const [method, payload] of reads) await call(method, payload)
    // Every method answered at least once somewhere in this suite, with or without success.
    for (const method of METHOD_NAMES) {
      if (!answers.some((a) => a.method === method)) await call(method, null)
    }
    expect(new Set(answers.map((a) => a.method))).toEqual(new Set(METHOD_NAMES))
    const settings = answers.find((a) => a.method === 'getSettings')?.text ?? ''
    expect(settings).toContain('"hasKey":true')
    for (const answer of answers) expect(findSecret(answer.text, KEY), answer.method).toEqual([])
  })

  it('wrote the key into no file: not the library, not its sidecars, not the index or settings', async () => {
    await core.idle()
    expect(filesHoldingSecret(dirs.libraryDir, KEY)).toEqual([])
    expect(filesHoldingSecret(dirs.dataDir, KEY)).toEqual([])
  })
})
