import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../src/main/core/app/create-core'
import { createHeadlessHost } from '../../../src/main/core/app/headless-host'
import { MAX_FAILURES } from '../../../src/preview/guard'
import { startPreviewServer, type PreviewServer } from '../../../src/preview/server'
import { ensureBuilt } from '../../support/build'
import { ROOT } from '../../support/cli-harness'
import { rawRequest, type RawResponse } from '../../support/raw-http'

// RELIABILITY.md#hostile-input: the preview host behind `npm run preview:web`. Requests
// are written byte for byte (so a forged Host header really is forged) against the real
// server and core over a temp library.

const TOKEN = 'a-strong-preview-token-for-the-guard-tests-0123'
const TASK = 'a0a0a0a0-0000-4000-8000-000000000012'

let base: string
let core: SongshelfCore
let preview: PreviewServer
let port: number
let clock = 0

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'songshelf-guard-'))
  mkdirSync(join(base, 'renderer'))
  writeFileSync(join(base, 'renderer', 'index.html'), '<!doctype html><title>Songshelf</title>')
  const host = createHeadlessHost({
    transport: 'web-preview',
    version: '0.0.0',
    dataDir: join(base, 'data'),
    libraryDir: join(base, 'library')
  })
  core = createSongshelfCore(host)
  preview = await startPreviewServer({
    core,
    rendererDir: join(base, 'renderer'),
    token: TOKEN,
    now: () => clock
  })
  port = (preview.server.address() as AddressInfo).port
})
afterAll(async () => {
  await preview?.close()
  await core?.stop()
  rmSync(base, { recursive: true, force: true })
})

function call(
  method: string,
  body: string,
  headers: Record<string, string> = {}
): Promise<RawResponse> {
  return rawRequest(port, {
    method: 'POST',
    target: `/api/call/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-Songshelf-Token': TOKEN, ...headers },
    body
  })
}

describe('the preview refuses weak tokens', () => {
  it.each([
    ['empty (an unset shell variable)', ''],
    ['four digits', '4321'],
    ['one character short', 'x'.repeat(31)]
  ])('refuses a token that is %s', async (_what, token) => {
    await expect(
      startPreviewServer({ core, rendererDir: join(base, 'renderer'), token })
    ).rejects.toMatchObject({ code: 'weak_token' })
  })

  it('preview:web --token "" exits 2 with a plain message instead of turning auth off', async () => {
    ensureBuilt()
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'out/main/preview-web.js'),
        '--data-dir',
        join(base, 'cli-data'),
        '--library',
        join(base, 'cli-library'),
        '--token',
        ''
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      // It started serving without authentication: stop it, the assertions below fail.
      if (out.includes('Songshelf preview:')) child.kill()
    })
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    const code = await new Promise((resolve) => child.once('close', resolve))
    expect(code).toBe(2)
    expect(out).not.toContain('Songshelf preview:')
    expect(err).toContain('--token is empty')
  })
})

describe('the preview answers only requests addressed to itself (DNS rebinding)', () => {
  it.each([
    ['another name on our port', () => `evil.example:${port}`],
    ['our address without the port', () => '127.0.0.1'],
    ['our address on another port', () => `127.0.0.1:${port + 1}`],
    ['a name that starts like ours', () => `127.0.0.1.evil.example:${port}`]
  ])('refuses %s with 421, for the page, calls and media', async (_what, host) => {
    for (const res of [
      await rawRequest(port, { target: '/', headers: { Host: host() } }),
      await call('getAppInfo', 'null', { Host: host() }),
      await rawRequest(port, {
        target: `/media/clip/x/audio?token=${TOKEN}`,
        headers: { Host: host() }
      })
    ]) {
      expect(res.status).toBe(421)
      expect(res.body.length).toBe(0)
    }
  })

  it('serves 127.0.0.1:<port> and localhost:<port>', async () => {
    expect((await call('getAppInfo', 'null')).status).toBe(200)
    expect((await call('getAppInfo', 'null', { Host: `localhost:${port}` })).status).toBe(200)
  })
})

describe('the preview takes calls only as application/json', () => {
  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    ''
  ])('refuses %j with 415 and runs nothing', async (type) => {
    const res = await call('addTasks', JSON.stringify({ text: TASK }), { 'Content-Type': type })
    expect(res.status).toBe(415)
    expect(
      core
        .library()
        .listTasks()
        .map((t) => t.id)
    ).not.toContain(TASK)
  })

  it('accepts application/json with a charset', async () => {
    const res = await call('addTasks', JSON.stringify({ text: TASK }), {
      'Content-Type': 'application/json; charset=utf-8'
    })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({
      ok: true,
      value: { added: [TASK] }
    })
  })
})

describe('the preview sends its CSP with every spelling of the page', () => {
  it.each(['/', '/index.html', '/%69ndex.html', '/index.html/', '//index.html', '/./index.html'])(
    '%s',
    async (target) => {
      const res = await rawRequest(port, { target })
      expect(res.status).toBe(200)
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    }
  )
})

// Last: it spends the failure budget.
describe('the preview slows token guessing down', () => {
  it('answers 429 to every token check once the failures of a window are spent', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) {
      const res = await call('getAppInfo', 'null', { 'X-Songshelf-Token': `wrong-${i}` })
      expect(res.status).toBe(401)
    }
    // Right or wrong, a guess now learns nothing: the right token waits too.
    const locked = await call('getAppInfo', 'null')
    expect(locked.status).toBe(429)
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0)
    const media = await rawRequest(port, { target: `/media/clip/x/audio?token=${TOKEN}` })
    expect(media.status).toBe(429)
    clock += 61_000
    expect((await call('getAppInfo', 'null')).status).toBe(200)
  })
})
