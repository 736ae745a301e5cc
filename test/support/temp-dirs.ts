import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

// Temp folders that clean themselves up: every folder made here is removed after the
// test file that made it (afterAll registered when a test file first imports this
// module, so it runs after the file's own afterAll hooks have closed libraries and
// servers). test/support/temp-check.ts fails a file that leaves anything else behind.

const made: string[] = []

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh folder in the temp folder, removed when the current test file ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}
