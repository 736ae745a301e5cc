import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt } from '../../support/build'
import { ROOT } from '../../support/cli-harness'

// The preview's start → first page (issue 14 §1, "start-up → first page ≤ 1 s"): an ES
// import of node:http copies all its exports, and its lazy WebSocket getters load undici
// (250 ms of CPU in a start profiled under load) before the server could listen. The
// server takes node:http through process.getBuiltinModule instead. This spawns the built
// preview with a hook that reports, when the URL line is printed, whether undici was
// loaded; timings live in bench/renderer.bench.ts.

const HOOK = `const write = process.stdout.write.bind(process.stdout)
process.stdout.write = (chunk, ...rest) => {
  if (String(chunk).includes('Songshelf preview:')) {
    write('undici-loaded=' + process.moduleLoadList.some((m) => m.includes('undici')) + '\\n')
  }
  return write(chunk, ...rest)
}`

let root: string | null = null
afterEach(() => {
  if (root !== null) rmSync(root, { recursive: true, force: true })
  root = null
})

beforeAll(() => {
  ensureBuilt()
})

describe('preview:web start', () => {
  it('listens without loading undici (no ES import of node:http)', async () => {
    root = mkdtempSync(join(tmpdir(), 'songshelf-preview-start-'))
    const child = spawn(
      process.execPath,
      [
        '--import',
        `data:text/javascript,${encodeURIComponent(HOOK)}`,
        join(ROOT, 'out/main/preview-web.js'),
        '--data-dir',
        join(root, 'data'),
        '--library',
        join(root, 'library'),
        '--port',
        '0'
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
    )
    try {
      const lines = createInterface({ input: child.stdout })
      const seen: string[] = []
      await new Promise<void>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`preview:web exited with ${code}`)))
        lines.on('line', (line) => {
          seen.push(line)
          if (line.includes('Songshelf preview:')) resolve()
        })
      })
      expect(seen).toContain('undici-loaded=false')
    } finally {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
    }
  }, 60_000)
})
