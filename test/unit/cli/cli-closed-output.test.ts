import { spawn } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore } from '../../../src/cli/context'
import { resolveCommon } from '../../../src/cli/options'
import { ensureBuilt } from '../../support/build'
import { commonArgs, ROOT, tempLibrary } from '../../support/cli-harness'
import { clip, T0, task } from '../core/library/helpers'

// RELIABILITY.md#hostile-input: `songshelf list | head -1` crashed with an unhandled `write EPIPE` and a
// stack trace. A real process whose stdout pipe is closed after the first line, with far
// more output than a pipe buffer (64 KiB) holds, so the CLI surely writes after the close.

const CLIPS = 1500
let dirs: { dataDir: string; libraryDir: string }
const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

beforeAll(async () => {
  ensureBuilt()
  dirs = tempLibrary()
  made.push(dirname(dirs.dataDir))
  const core = await openCore(resolveCommon({ 'data-dir': dirs.dataDir, library: dirs.libraryDir }))
  const tasks = Array.from({ length: CLIPS }, (_, i) =>
    task(`t-epipe-${i}`, [
      clip(`c-epipe-${String(i).padStart(5, '0')}`, {
        title: `A long enough song title to fill the pipe quickly, number ${i}`,
        audioUrl: null,
        videoUrl: null,
        imageUrl: null,
        imageLargeUrl: null
      })
    ])
  )
  core.library().recordTaskResults(tasks, T0, { downloadVideo: false })
  await core.stop()
}, 180_000)

/** Runs the CLI, reads its first stdout line, then closes the pipe like `head -1`. */
function firstLineThenClose(
  args: string[]
): Promise<{ first: string; code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/songshelf.cjs'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  let buffered = ''
  let first: string | null = null
  child.stdout.on('data', (chunk: Buffer) => {
    if (first !== null) return
    buffered += chunk.toString('utf8')
    const eol = buffered.indexOf('\n')
    if (eol >= 0) {
      first = buffered.slice(0, eol)
      child.stdout.destroy()
    }
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve({ first: first ?? '', code, stderr }))
  })
}

describe('a CLI whose output is closed early', () => {
  it.each([
    ['list', ['list']],
    ['list --json', ['list', '--json']],
    ['tasks', ['tasks']]
  ])('%s | head -1 exits 0 without a stack trace', async (_name, command) => {
    const result = await firstLineThenClose([...command, ...commonArgs(dirs)])
    expect(result.first.length).toBeGreaterThan(0)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  it('add --file with thousands of ids still saves them all when its output is closed', async () => {
    const fresh = tempLibrary()
    made.push(dirname(fresh.dataDir))
    const ids = Array.from(
      { length: 3000 },
      (_, i) => `e0e0e0e0-0000-4000-8000-${String(i).padStart(12, '0')}`
    )
    const file = join(dirname(fresh.dataDir), 'ids.txt')
    writeFileSync(file, ids.join('\n'))
    const result = await firstLineThenClose(['add', '--file', file, ...commonArgs(fresh)])
    expect(result.first).toBe('found 3000 task ids: 3000 added, 0 already known')
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const core = await openCore(
      resolveCommon({ 'data-dir': fresh.dataDir, library: fresh.libraryDir })
    )
    try {
      expect(core.library().listTasks()).toHaveLength(3000)
    } finally {
      await core.stop()
    }
  })
})
