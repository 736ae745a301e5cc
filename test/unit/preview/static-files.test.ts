import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveStatic } from '../../../src/preview/static-files'
import { tempDir } from '../../support/temp-dirs'

// The preview serves the built renderer from one folder, with the one containment rule
// (core/path-inside.ts). Its own copy, `relative(...).startsWith('..')`, refused any file
// whose name starts with two dots, such as a bundler's `..chunk.js`.

const top = tempDir('songshelf-static-')
const root = join(top, 'renderer')
let server: Server
let base = ''

beforeAll(async () => {
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>ok</title>')
  writeFileSync(join(root, '..chunk.js'), 'export {}')
  writeFileSync(join(top, 'secret.txt'), 'outside')
  server = createServer((req, res) =>
    serveStatic(root, new URL(req.url ?? '/', 'http://x').pathname, res)
  )
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()))
})

describe('the preview static files', () => {
  it('serves index.html for / and a file whose name starts with two dots', async () => {
    expect((await fetch(`${base}/`)).status).toBe(200)
    const chunk = await fetch(`${base}/..chunk.js`)
    expect(chunk.status).toBe(200)
    expect(chunk.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await chunk.text()).toBe('export {}')
  })

  it('never serves a file outside the folder, however the path is spelt', async () => {
    for (const path of [
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt'
    ]) {
      expect((await fetch(`${base}${path}`)).status).toBe(404)
    }
    expect((await fetch(`${base}/index.html%00.js`)).status).toBe(404)
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400)
  })
})
