import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { ROOT } from '../../support/cli-harness'

// CLI start-up (issue 14 §6): bin/songshelf.cjs turns on Node's compile cache, so later
// starts reuse the compiled modules (measured in bench/cli.bench.ts, not here).

const run = promisify(execFile)
let tmp = ''
afterEach(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true })
  tmp = ''
})

describe('songshelf start-up', () => {
  it("keeps the compiled CLI in Node's compile cache", async () => {
    tmp = mkdtempSync(join(tmpdir(), 'songshelf-cc-'))
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp }
    delete env['NODE_COMPILE_CACHE']
    delete env['NODE_DISABLE_COMPILE_CACHE']
    const { stdout } = await run(process.execPath, [join(ROOT, 'bin/songshelf.cjs'), '--help'], {
      env
    })
    expect(stdout).toContain('songshelf')
    const cache = join(tmp, 'node-compile-cache')
    expect(existsSync(cache)).toBe(true)
    expect(readdirSync(cache, { recursive: true }).length).toBeGreaterThan(0)
  })
})
