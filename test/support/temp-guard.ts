import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// vitest globalSetup: the whole run gets a temp folder of its own. TMPDIR points at a
// fresh `songshelf-run-*` folder before any worker or child process starts (os.tmpdir()
// reads TMPDIR on each call), so whatever is left in it was left by this run, never by
// another process on the machine. test/support/temp-check.ts gives each test file its
// own folder inside it and fails the file that leaves something behind; this teardown is
// the backstop for anything made outside a file's lifetime. The run folder is always
// removed, so even a failing run leaks nothing.

const RUN_DIR = 'SONGSHELF_TEST_RUN_DIR'
let owner: { dir: string; previous: string | undefined } | undefined

export function setup(): void {
  // vitest calls a shared globalSetup once per project; the first call owns the folder.
  if (process.env[RUN_DIR]) return
  const previous = process.env.TMPDIR
  const dir = mkdtempSync(join(tmpdir(), 'songshelf-run-'))
  owner = { dir, previous }
  process.env[RUN_DIR] = dir
  process.env.TMPDIR = dir
  // The CLI turns on Node's compile cache, kept under the temp folder: every CLI process a
  // test starts would leave it behind. cli-compile-cache.test.ts turns it back on for itself.
  process.env.NODE_DISABLE_COMPILE_CACHE = '1'
}

export function teardown(): void {
  if (!owner) return
  const { dir, previous } = owner
  owner = undefined
  delete process.env[RUN_DIR]
  if (previous === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = previous
  const left = readdirSync(dir).sort()
  rmSync(dir, { recursive: true, force: true })
  if (left.length > 0) {
    // A throw here is only logged by vitest ("error during close"); the exit code is what
    // a CI run and `npm test` look at.
    console.error(`Tests left ${left.length} temp folder(s) behind: ${left.join(', ')}`)
    process.exitCode = 1
  }
}
