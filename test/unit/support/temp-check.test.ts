import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// The check behind "no temp folder survives `npm test`" (issue 11, test hygiene) can
// fail: a real vitest run of two fixture files under the same globalSetup and setupFile
// as vitest.config.ts fails the file that leaves a temp folder behind, passes the one that
// cleans up, and removes the leaked folder anyway.

const ROOT = join(import.meta.dirname, '../../..')
const FIXTURE = join(ROOT, 'test/fixtures/temp-leak')

describe('the temp-folder check', () => {
  it('fails the test file that leaves a temp folder behind, and only that one', () => {
    const before = readdirSync(tmpdir())
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }
    // The inner run must own its run folder, as `npm test` does.
    delete env.SONGSHELF_TEST_RUN_DIR
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        join(FIXTURE, 'vitest.config.ts')
      ],
      { cwd: FIXTURE, env, encoding: 'utf8', timeout: 120_000 }
    )
    const output = `${run.stdout}\n${run.stderr}`
    expect(run.status, output).toBe(1)
    expect(output).toContain('temp folders this test file left behind')
    expect(output).toMatch(/songshelf-leaked-/)
    expect(output).toMatch(/FAIL\s+leaks\.fixture\.ts/)
    expect(output).not.toMatch(/FAIL\s+tidy\.fixture\.ts/)
    expect(output).toMatch(/1 failed \| 1 passed/)
    // The inner run removed its own folder, leaked folder included.
    expect(readdirSync(tmpdir())).toEqual(before)
  })
})
