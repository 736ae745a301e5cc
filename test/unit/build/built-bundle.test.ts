import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../support/temp-dirs'

// The Electron binary cannot run on the build machines, so the BUILT bundles are checked
// here: module graph, externals, node:sqlite (electron-vite has been seen to stub it,
// RELIABILITY.md F2) and a whole start/quit cycle under Node 24 with a stand-in
// `electron` module.

const ROOT = resolve(import.meta.dirname, '../../..')
const out = (...parts: string[]): string => join(ROOT, 'out', ...parts)

beforeAll(() => {
  if (!existsSync(out('main/index.js')) || !existsSync(out('preload/index.cjs'))) {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: ROOT,
        stdio: 'ignore'
      }
    )
  }
}, 180_000)

function allMainCode(): string {
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.js')) files.push(readFileSync(path, 'utf8'))
    }
  }
  walk(out('main'))
  return files.join('\n')
}

interface StubReport {
  events: string[]
  windows: { webPreferences: Record<string, unknown>; createdAfterReady: boolean }[]
  schemes: {
    schemes: { scheme: string; privileges: Record<string, boolean> }[]
    beforeReady: boolean
  }[]
  handledSchemes: string[]
  ipc: {
    channel: string
    result?: { ok: boolean; value?: Record<string, unknown>; error?: { code: string } }
    status?: number
    type?: string
    csp?: string | null
    hasRoot?: boolean
  }[]
  errors: string[]
  errorBoxes: { title: string; message: string }[]
  registeredChannels: string[]
}

describe('the built app', () => {
  it('builds the preload as one CommonJS file that requires nothing but electron', () => {
    const preload = readFileSync(out('preload/index.cjs'), 'utf8')
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect([...new Set(requires)]).toEqual(['electron'])
    expect(preload).not.toMatch(/^\s*import\s/m)
    expect(readdirSync(out('preload'))).toEqual(['index.cjs'])
  })

  it('keeps node:sqlite a Node built-in import, never a browser stub', () => {
    const code = allMainCode()
    expect(code).toMatch(/from ["']node:sqlite["']/)
    expect(code).not.toContain('__vite-browser-external')
  })

  it('loads the main bundle under Node 24 with a stand-in electron and runs a whole life cycle', () => {
    const dir = tempDir('songshelf-bundle-')
    const reportPath = join(dir, 'report.json')
    const result = spawnSync(
      process.execPath,
      ['--import', join(ROOT, 'test/support/electron-stub/register.mjs'), out('main/index.js')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          SONGSHELF_USER_DATA: join(dir, 'userData'),
          STUB_MUSIC: join(dir, 'music'),
          STUB_REPORT: reportPath
        },
        encoding: 'utf8',
        timeout: 60_000
      }
    )
    expect(result.stderr).not.toMatch(/Error/)
    expect(existsSync(reportPath), result.stderr).toBe(true)
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as StubReport
    expect(report.errors).toEqual([])

    // Before ready: single-instance lock and the privileged scheme, registered once.
    expect(report.schemes).toHaveLength(1)
    expect(report.schemes[0]!.beforeReady).toBe(true)
    expect(report.schemes[0]!.schemes.map((s) => s.scheme)).toEqual([
      'songshelf-media',
      'songshelf-app'
    ])
    expect(report.schemes[0]!.schemes[0]).toMatchObject({
      scheme: 'songshelf-media',
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        stream: true,
        bypassCSP: false
      }
    })
    const order = (name: string): number => report.events.indexOf(name)
    expect(order('app.requestSingleInstanceLock')).toBeLessThan(order('app.ready'))
    expect(order('protocol.registerSchemesAsPrivileged')).toBeLessThan(order('app.ready'))

    // After ready: permissions denied, the window with secure preferences, the protocol.
    expect(report.events).toContain('session.setPermissionRequestHandler')
    expect(report.events).toContain('session.setPermissionCheckHandler')
    expect(report.windows).toHaveLength(1)
    expect(report.windows[0]!.createdAfterReady).toBe(true)
    expect(report.windows[0]!.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true
    })
    expect(String(report.windows[0]!.webPreferences['preload'])).toMatch(/preload[/\\]index\.cjs$/)
    expect(report.handledSchemes.sort()).toEqual(['songshelf-app', 'songshelf-media'])
    // The renderer comes from the app scheme (not file://), with the CSP as a header.
    expect(report.events).toContain('window.loadURL')
    expect(report.events).not.toContain('window.loadFile')
    expect(report.ipc.find((c) => c.channel === 'app-page')).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
      csp: expect.stringContaining("script-src 'self'"),
      hasRoot: true
    })
    expect(report.events).toContain('menu.set')

    // The bridge works end to end inside the built bundle, with real node:sqlite + FTS5.
    const info = report.ipc.find((c) => c.channel === 'songshelf:getAppInfo')!.result!
    expect(info.ok).toBe(true)
    expect(info.value).toMatchObject({ name: 'Songshelf', transport: 'electron', fts5: true })
    expect(report.ipc.find((c) => c.channel === 'foreign')!.result!.error!.code).toBe(
      'forbidden_sender'
    )
    expect(report.ipc.find((c) => c.channel === 'media')!.status).toBe(404)

    // Quit stops the core first (the first quit is held back while the sync engine and
    // the index close), then quits for real and exits.
    expect(order('app.quit')).toBeGreaterThan(order('window.loadURL'))
    expect(report.events.filter((e) => e === 'app.quit')).toHaveLength(2)
    expect(report.events.at(-1)).toBe('exit')
  })

  function runBundle(
    env: Record<string, string>,
    setup: (dir: string) => void = () => undefined
  ): { report: StubReport; stderr: string } {
    const dir = tempDir('songshelf-bundle-')
    setup(dir)
    const reportPath = join(dir, 'report.json')
    const result = spawnSync(
      process.execPath,
      ['--import', join(ROOT, 'test/support/electron-stub/register.mjs'), out('main/index.js')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          SONGSHELF_USER_DATA: join(dir, 'userData'),
          STUB_MUSIC: join(dir, 'music'),
          STUB_REPORT: reportPath,
          ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replaceAll('$DIR', dir)]))
        },
        encoding: 'utf8',
        timeout: 60_000
      }
    )
    expect(existsSync(reportPath), result.stderr).toBe(true)
    return {
      report: JSON.parse(readFileSync(reportPath, 'utf8')) as StubReport,
      stderr: result.stderr
    }
  }

  it('shows a native error dialog and exits when the data folder is unusable', () => {
    // userData is a file: settings and the index cannot be created under it.
    const { report } = runBundle({ SONGSHELF_USER_DATA: '$DIR/not-a-folder' }, (dir) =>
      writeFileSync(join(dir, 'not-a-folder'), 'a file where the data folder should be')
    )
    expect(report.windows).toHaveLength(0)
    expect(report.errorBoxes).toHaveLength(1)
    expect(report.errorBoxes[0]!.title).toBe('Songshelf cannot start')
    expect(report.errorBoxes[0]!.message).toContain('cannot read or write its data folder')
    expect(report.errorBoxes[0]!.message).toContain('not-a-folder')
    expect(report.events.at(-1)).toBe('exit')
  })

  it('explains a missing node:sqlite in a dialog instead of dying before any window', () => {
    const { report } = runBundle({ STUB_NO_SQLITE: '1' })
    expect(report.windows).toHaveLength(0)
    expect(report.errorBoxes).toHaveLength(1)
    expect(report.errorBoxes[0]!.message).toContain('no built-in SQLite')
    expect(report.events).toContain('app.ready')
    expect(report.events.at(-1)).toBe('exit')
  })

  it('ships a CLI that explains itself on a Node without node:sqlite', () => {
    // The CLI turns on Node's compile cache, which would write node-compile-cache/ into
    // this file's temp folder; the check here is about the message, not the cache.
    const env = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' }
    const ok = spawnSync(process.execPath, [join(ROOT, 'bin/songshelf.cjs'), '--help'], {
      encoding: 'utf8',
      env
    })
    expect(ok.status).toBe(0)
    const old = spawnSync(
      process.execPath,
      ['-r', join(ROOT, 'test/support/no-sqlite.cjs'), join(ROOT, 'bin/songshelf.cjs'), '--help'],
      {
        encoding: 'utf8',
        env
      }
    )
    expect(old.status).toBe(3)
    expect(old.stderr).toContain('no built-in SQLite')
    expect(old.stderr).toContain('Node 24')
    expect(old.stderr).not.toMatch(/\n\s+at /)
  })
})
