import { execFile } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt } from '../../support/build'
import { openLibrary } from '../../../src/main/core/library/store'
import { clip, task, T0 } from '../core/library/helpers'
import { ROOT, tempLibrary } from '../../support/cli-harness'

// CLI start-up (issue 14 §6): `list` took 3.4–6.3× the bare query, most of it loading
// modules it never uses. Each command's module is imported when that command runs, the
// tag reader and writer when a file is imported or tagged, and node:http without its ES
// facade (whose lazy WebSocket getters load undici). This spawns the built CLI with a
// resolve hook that records every module it asks for (timings live in bench/cli.bench.ts),
// and counts the Intl objects it builds: one Intl.Segmenter made when naming.ts loaded
// cost `list` about 17 ms of CPU (ICU's break rules), a fifth of its whole run; and
// node:util's ES facade, which loads worker_threads and the streams, about 6 ms.

const execute = promisify(execFile)

beforeAll(() => {
  ensureBuilt()
})

const PROBE = `
import { registerHooks } from 'node:module'
const asked = []
registerHooks({ resolve(specifier, context, next) { asked.push(specifier); return next(specifier, context) } })
const intl = []
for (const name of ['Segmenter', 'Collator', 'DateTimeFormat', 'NumberFormat', 'PluralRules', 'ListFormat']) {
  const Base = Intl[name]
  Intl[name] = class extends Base { constructor(...args) { super(...args); intl.push(name) } }
}
const [cliPath, ...argv] = process.argv.slice(1)
const { run } = await import(cliPath)
const out = []
const code = await run(argv, { out: (l) => out.push(l), err: (l) => out.push(l), isTTY: false })
const undici = process.moduleLoadList.some((m) => m.includes('undici'))
const workers = process.moduleLoadList.includes('NativeModule worker_threads')
process.stdout.write(JSON.stringify({ code, asked, undici, workers, intl, lines: out.length }))
`

interface Probe {
  code: number
  asked: string[]
  undici: boolean
  /** worker_threads was loaded: node:util's ES facade does that as it reads its exports. */
  workers: boolean
  /** The Intl constructors called, by name. */
  intl: string[]
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

/** The command chunks (out/main/cli/) a run asked for, by name. */
const commandChunks = (result: Probe): string[] =>
  result.asked.filter((s) => s.startsWith('./cli/')).map((s) => s.slice('./cli/'.length))

/** A library as `songshelf sync` leaves it: an index with clips, and its folder. */
async function seededLibrary(): Promise<{ dataDir: string; libraryDir: string }> {
  const dirs = tempLibrary()
  const store = openLibrary({ ...dirs, createLibraryDir: true, logger: { warn: () => undefined } })
  store.recordTaskResults(
    [task('t-1', [clip('c-1'), clip('c-2', { title: 'River' })]), task('t-2', [clip('c-3')])],
    T0,
    { downloadVideo: true }
  )
  await store.close()
  // Opened once more, as any later run does: the task journal gets the tasks.
  await openLibrary({ ...dirs, logger: { warn: () => undefined } }).close()
  return dirs
}

const listArgs = (dirs: { dataDir: string; libraryDir: string }): string[] => [
  'list',
  '--json',
  '--limit',
  '50',
  '--data-dir',
  dirs.dataDir,
  '--library',
  dirs.libraryDir
]

describe('songshelf list loads only what it uses', () => {
  it('reads a synced library without the core, zod, other commands or the tag libraries', async () => {
    const result = await probe(listArgs(await seededLibrary()))
    expect(result.code).toBe(0)
    expect(result.lines).toBe(1)
    expect(commandChunks(result).map((c) => c.split('-')[0])).toEqual(['browse'])
    // The core (store, sync engine, handlers) and the schemas it parses with stay unloaded.
    expect(result.asked.filter((s) => /create-core-|settings-/.test(s))).toEqual([])
    expect(result.asked).not.toContain('zod')
    expect(result.asked).not.toContain('music-metadata')
    expect(result.asked).not.toContain('node-id3')
    expect(result.undici).toBe(false)
    // Nothing `list` prints needs ICU: no module builds an Intl object as it loads.
    expect(result.intl).toEqual([])
    // parseArgs comes without node:util's ES facade, whose lazy exports load worker_threads.
    expect(result.workers).toBe(false)
  }, 90_000)

  it('opens a library with no index through the full core, still without other commands', async () => {
    const dirs = tempLibrary()
    mkdirSync(dirs.libraryDir, { recursive: true })
    const result = await probe(listArgs(dirs))
    expect(result.code).toBe(0)
    expect(result.lines).toBe(1)
    expect(commandChunks(result).map((c) => c.split('-')[0])).toEqual(['browse'])
    expect(result.asked).toContain('zod')
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
