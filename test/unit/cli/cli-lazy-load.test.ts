import { execFile } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt } from '../../support/build'
import { ROOT, tempLibrary } from '../../support/cli-harness'

// CLI start-up (issue 14 §6): `list` took 3.4–6.3× the bare query, most of it loading
// modules it never uses. Each command's module is imported when that command runs, the
// tag reader and writer when a file is imported or tagged, and node:http without its ES
// facade (whose lazy WebSocket getters load undici). This spawns the built CLI with a
// resolve hook that records every module it asks for (timings live in bench/cli.bench.ts).

const execute = promisify(execFile)

beforeAll(() => {
  ensureBuilt()
})

const PROBE = `
import { registerHooks } from 'node:module'
const asked = []
registerHooks({ resolve(specifier, context, next) { asked.push(specifier); return next(specifier, context) } })
const [cliPath, ...argv] = process.argv.slice(1)
const { run } = await import(cliPath)
const out = []
const code = await run(argv, { out: (l) => out.push(l), err: (l) => out.push(l), isTTY: false })
const undici = process.moduleLoadList.some((m) => m.includes('undici'))
process.stdout.write(JSON.stringify({ code, asked, undici, lines: out.length }))
`

interface Probe {
  code: number
  asked: string[]
  undici: boolean
  lines: number
}

async function probe(args: string[]): Promise<Probe> {
  const { stdout } = await execute(
    process.execPath,
    ['--input-type=module', '-e', PROBE, join(ROOT, 'out/main/cli.js'), ...args],
    { cwd: ROOT, timeout: 60_000 }
  )
  return JSON.parse(stdout) as Probe
}

describe('songshelf list loads only what it uses', () => {
  it('does not load other commands, the tag libraries or undici', async () => {
    const dirs = tempLibrary()
    mkdirSync(dirs.libraryDir, { recursive: true })
    const result = await probe([
      'list',
      '--json',
      '--limit',
      '50',
      '--data-dir',
      dirs.dataDir,
      '--library',
      dirs.libraryDir
    ])
    expect(result.code).toBe(0)
    expect(result.lines).toBe(1)
    const chunks = result.asked.map((s) => s.split('/').pop() ?? s)
    expect(chunks.some((c) => c.startsWith('browse-'))).toBe(true)
    for (const other of ['sync-', 'add-', 'import-', 'playlist-', 'redownload-', 'retry-']) {
      expect(chunks.filter((c) => c.startsWith(other))).toEqual([])
    }
    expect(result.asked).not.toContain('music-metadata')
    expect(result.asked).not.toContain('node-id3')
    expect(result.undici).toBe(false)
  }, 90_000)

  it('still lists every command in --help', async () => {
    const result = await probe(['--help'])
    expect(result.code).toBe(0)
    expect(result.lines).toBeGreaterThan(30)
  }, 90_000)
})
