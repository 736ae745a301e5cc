import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect } from 'vitest'

// vitest setupFile: each test file gets its own temp folder inside the run's folder
// (test/support/temp-guard.ts), and the file fails when it leaves anything in it. The
// folder is removed either way, so a failing file leaks nothing.

const runDir = process.env.SONGSHELF_TEST_RUN_DIR

if (runDir) {
  const fileDir = mkdtempSync(join(runDir, 'file-'))
  process.env.TMPDIR = fileDir
  afterAll(() => {
    process.env.TMPDIR = runDir
    const left = readdirSync(fileDir).sort()
    rmSync(fileDir, { recursive: true, force: true })
    expect(left, 'temp folders this test file left behind').toEqual([])
  })
}
