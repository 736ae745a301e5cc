import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'

// electron-builder cannot package Electron here (no binary), so its configuration is
// checked as data: the fuses, the test-only variant, signing, names, and which built
// files the package leaves out, against the real module graph in out/main.

const ROOT = resolve(import.meta.dirname, '../../..')

interface BuilderConfig {
  extends?: string
  files?: string[]
  electronFuses?: Record<string, boolean>
  mac?: { identity?: string | null; hardenedRuntime?: boolean }
  linux?: { executableName?: string }
  directories?: { output?: string }
}

const read = (file: string): BuilderConfig =>
  load(readFileSync(join(ROOT, file), 'utf8')) as BuilderConfig

const release = read('electron-builder.yml')
const e2e = read('electron-builder.e2e.yml')

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')
  return new RegExp(`^${escaped}$`)
}

/** Every file in out/main reachable from index.js through static or dynamic imports. */
function reachableFrom(entry: string): Set<string> {
  const dir = join(ROOT, 'out/main')
  const seen = new Set<string>()
  const visit = (rel: string): void => {
    if (seen.has(rel)) return
    seen.add(rel)
    const code = readFileSync(join(dir, rel), 'utf8')
    for (const match of code.matchAll(
      /(?:from|import\()\s*["']\.\/(?:chunks\/)?([^"']+\.js)["']/g
    )) {
      const name = match[1] as string
      visit(rel.startsWith('chunks/') || match[0].includes('chunks/') ? `chunks/${name}` : name)
    }
  }
  visit(entry)
  return seen
}

describe('the packaged app', () => {
  it('flips the fuses the Electron security guidance asks for', () => {
    expect(release.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('has a test-only variant that differs in the one fuse Playwright needs, built elsewhere', () => {
    expect(e2e.extends).toBe('./electron-builder.yml')
    expect(e2e.electronFuses).toEqual({
      ...release.electronFuses,
      enableNodeCliInspectArguments: true
    })
    expect(e2e.directories?.output).not.toBe(release.directories?.output)
  })

  it('signs ad hoc on macOS and installs the Linux GUI under a name that is not the CLI', () => {
    expect(release.mac?.identity).toBe('-')
    expect(release.mac?.hardenedRuntime).toBe(false)
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>
    }
    expect(Object.keys(pkg.bin)).toEqual(['songshelf'])
    expect(release.linux?.executableName).toBe('songshelf-desktop')
  })

  it('leaves out the simulator, the preview host and the CLI, and keeps everything the app imports', () => {
    if (!existsSync(join(ROOT, 'out/main/index.js'))) throw new Error('run npm run build:app first')
    const excluded = (release.files ?? [])
      .filter((f) => f.startsWith('!out/'))
      .map((f) => globToRegExp(f.slice(1)))
    const isExcluded = (rel: string): boolean => excluded.some((re) => re.test(`out/main/${rel}`))
    const all = [
      ...readdirSync(join(ROOT, 'out/main')).filter((f) => f.endsWith('.js')),
      ...readdirSync(join(ROOT, 'out/main/chunks')).map((f) => `chunks/${f}`),
      // The CLI's lazily loaded commands (electron.vite.config.ts puts them here).
      ...(existsSync(join(ROOT, 'out/main/cli'))
        ? readdirSync(join(ROOT, 'out/main/cli')).map((f) => `cli/${f}`)
        : [])
    ]
    expect(
      all.some((rel) => rel.startsWith('cli/')),
      'the CLI loads its commands lazily'
    ).toBe(true)
    const needed = reachableFrom('index.js')
    for (const rel of all) {
      expect(isExcluded(rel), rel).toBe(!needed.has(rel))
    }
    expect(needed.has('sim.js')).toBe(false)
    expect(isExcluded('sim.js') && isExcluded('preview-web.js') && isExcluded('cli.js')).toBe(true)
  })
})
