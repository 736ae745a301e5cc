import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

// The launcher that `npm start`, `npm run dev` and `npm run dist` run first. The real
// installer cannot reach the network here, so fake installers stand in for it: one that
// fails the way @electron/get does offline, one that succeeds.

const ROOT = resolve(import.meta.dirname, '../../..')
const LAUNCHER = join(ROOT, 'scripts/ensure-electron.mjs')
const dirs: string[] = []

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function fakeInstaller(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'songshelf-installer-'))
  dirs.push(dir)
  const file = join(dir, 'install.cjs')
  writeFileSync(file, source)
  return file
}

function launch(installer: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [LAUNCHER, '--installer', installer], {
    cwd: ROOT,
    encoding: 'utf8'
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('ensure-electron launcher', () => {
  it('explains an impossible download in one plain paragraph, with the fallback and how to retry', () => {
    const installer = fakeInstaller(
      [
        "const error = new Error('getaddrinfo ENOTFOUND github.com')",
        "error.name = 'RequestError'",
        'console.error(error.stack)',
        'process.exit(1)'
      ].join('\n')
    )
    const { status, stderr } = launch(installer)
    expect(status).not.toBe(0)
    const text = stderr.trim()
    expect(text.split('\n')).toHaveLength(1)
    expect(text).toContain('getaddrinfo ENOTFOUND github.com')
    expect(text).toContain('npm run preview:web')
    expect(text).toMatch(/retry/i)
    expect(text).toContain('Electron 45.3.4')
    expect(text).not.toMatch(/\bat .*:\d+:\d+/)
    expect(text).not.toContain('RequestError')
  })

  it('says something useful when the installer dies without a message', () => {
    const { status, stderr } = launch(fakeInstaller('process.exit(3)'))
    expect(status).toBe(1)
    expect(stderr).toContain('the installer exited without saying why')
  })

  it('hands over silently when the binary is there', () => {
    const { status, stderr } = launch(fakeInstaller('process.exit(0)'))
    expect(status).toBe(0)
    expect(stderr).toBe('')
  })
})

describe('npm scripts', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }

  it('start, dev and dist make sure of the binary before electron-vite or electron-builder run', () => {
    for (const name of ['start', 'dev', 'dist']) {
      expect(pkg.scripts[name], name).toMatch(/^node scripts\/ensure-electron\.mjs && /)
    }
  })

  it('start builds once (electron-vite preview builds unless told to skip)', () => {
    expect(pkg.scripts['start']).toBe('node scripts/ensure-electron.mjs && electron-vite preview')
  })

  it('adds nothing to install: npm install must work with no network', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(pkg.scripts[hook], hook).toBeUndefined()
    }
  })
})
