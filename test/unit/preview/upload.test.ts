import { randomUUID } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../src/main/core/app/create-core'
import { createHeadlessHost } from '../../../src/main/core/app/headless-host'
import { startPreviewServer, type PreviewServer } from '../../../src/preview/server'
import { stagedName, UPLOAD_LIMITS } from '../../../src/preview/upload'
import type { Result } from '../../../src/shared/contract'
import type { ImportPlan, ImportReport } from '../../../src/shared/import'
import { rawRequest } from '../../support/raw-http'
import { tempDir } from '../../support/temp-dirs'

// The preview's upload route (issue 15): a browser has no paths for dropped files, so the
// page uploads them into a staging folder and previews the import of the staged copies.
// The route is guarded like every preview route (token, Host, a type that needs a
// preflight), bounded, and its staging folder goes once the import ran or the server stops.

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url))
const TOKEN = 'preview-token-for-tests-0123456789abcdef'

let core: SongshelfCore | null = null
let server: PreviewServer | null = null
afterEach(async () => {
  await server?.close()
  await core?.stop()
  server = null
  core = null
})

async function start(): Promise<{ origin: string; port: number }> {
  const base = tempDir('songshelf-upload-')
  await mkdir(join(base, 'renderer'))
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><title>x</title>')
  core = createSongshelfCore(
    createHeadlessHost({
      transport: 'web-preview',
      version: '1.2.3',
      dataDir: join(base, 'data'),
      libraryDir: join(base, 'library')
    })
  )
  server = await startPreviewServer({ core, rendererDir: join(base, 'renderer'), token: TOKEN })
  const port = (server.server.address() as AddressInfo).port
  return { origin: `http://127.0.0.1:${port}`, port }
}

function upload(
  origin: string,
  batch: string,
  name: string,
  body: Uint8Array | string,
  headers: Record<string, string> = {}
): Promise<Response> {
  return fetch(`${origin}/api/upload/${batch}?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/octet-stream',
      'X-Songshelf-Token': TOKEN,
      ...headers
    },
    body
  })
}

async function callApi<T>(origin: string, name: string, payload: unknown): Promise<Result<T>> {
  const response = await fetch(`${origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Songshelf-Token': TOKEN },
    body: JSON.stringify(payload)
  })
  return (await response.json()) as Result<T>
}

describe('the preview upload route', () => {
  it('stages dropped files for the import preview and removes them once imported', async () => {
    const { origin } = await start()
    const batch = randomUUID()
    const mp3 = await readFile(join(FIXTURES, 'tiny.mp3'))
    const paths: string[] = []
    for (const [name, body] of [
      ['Home Song.mp3', mp3],
      ['notes.txt', 'hello']
    ] as const) {
      const response = await upload(origin, batch, name, body)
      expect(response.status).toBe(200)
      paths.push(((await response.json()) as { path: string }).path)
    }
    expect(paths.every((p) => p.startsWith(tmpdir()))).toBe(true)
    expect(paths.map((p) => p.split(/[\\/]/u).pop())).toEqual(['Home Song.mp3', 'notes.txt'])
    expect(await readFile(paths[0] as string)).toEqual(mp3)

    const plan = await callApi<ImportPlan>(origin, 'previewImport', { paths })
    expect(plan).toMatchObject({ ok: true, value: { imported: 1, skipped: 1 } })
    const planId = (plan as { value: ImportPlan }).value.planId
    const ran = await callApi<ImportReport>(origin, 'runImport', { planId })
    expect(ran).toMatchObject({ ok: true, value: { imported: 1 } })
    expect(existsSync(dirname(dirname(paths[0] as string)))).toBe(false)
    // The fixture's own title tag names it.
    expect((await core!.library().query({ limit: 5 })).rows.map((r) => r.title)).toEqual([
      'Songshelf fixture'
    ])
  })

  it('is guarded like every preview route: token, method, type, Host, batch id', async () => {
    const { origin, port } = await start()
    const batch = randomUUID()
    expect(
      (await upload(origin, batch, 'a.mp3', 'x', { 'X-Songshelf-Token': 'wrong' })).status
    ).toBe(401)
    expect(
      (await upload(origin, batch, 'a.mp3', 'x', { 'Content-Type': 'text/plain' })).status
    ).toBe(415)
    expect((await upload(origin, 'not-a-batch', 'a.mp3', 'x')).status).toBe(400)
    const get = await fetch(`${origin}/api/upload/${batch}`, {
      headers: { 'X-Songshelf-Token': TOKEN }
    })
    expect(get.status).toBe(405)
    const rebound = await rawRequest(port, {
      method: 'POST',
      target: `/api/upload/${batch}?name=a.mp3`,
      headers: {
        Host: `evil.example:${port}`,
        'X-Songshelf-Token': TOKEN,
        'Content-Type': 'application/octet-stream'
      },
      body: 'x'
    })
    expect(rebound.status).toBe(421)
  })

  it('refuses a file over the size limit and more files than one drop takes', async () => {
    const { origin, port } = await start()
    const batch = randomUUID()
    const big = await rawRequest(port, {
      method: 'POST',
      target: `/api/upload/${batch}?name=big.mp3`,
      headers: {
        'X-Songshelf-Token': TOKEN,
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(UPLOAD_LIMITS.fileBytes + 1)
      }
    })
    expect(big.status).toBe(413)
    for (let i = 0; i < UPLOAD_LIMITS.filesPerBatch; i++) {
      expect((await upload(origin, batch, `${i}.txt`, 'x')).status).toBe(200)
    }
    expect((await upload(origin, batch, 'one-more.txt', 'x')).status).toBe(413)
  })

  it('keeps a staged name to one safe path segment', () => {
    expect(stagedName('../../etc/passwd')).toBe('passwd')
    expect(stagedName('..\\..\\win.ini')).toBe('win.ini')
    expect(stagedName('..')).toBe('file')
    expect(stagedName('a\u0000b\u001f.mp3')).toBe('ab.mp3')
    expect(stagedName('x'.repeat(500))).toHaveLength(UPLOAD_LIMITS.nameLength)
  })

  it('removes the staging folder when the server stops', async () => {
    const { origin } = await start()
    const response = await upload(origin, randomUUID(), 'a.txt', 'x')
    const path = ((await response.json()) as { path: string }).path
    const root = dirname(dirname(dirname(path)))
    expect(existsSync(root)).toBe(true)
    await server!.close()
    server = null
    expect(existsSync(root)).toBe(false)
  })
})
