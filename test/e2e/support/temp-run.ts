import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Playwright globalSetup: the whole browser run gets a temp folder of its own. TMPDIR
// points at it before any worker, preview or simulator starts (os.tmpdir() reads TMPDIR
// on each call), and the returned teardown removes it, so no spec leaves folders behind
// whether it passes, fails or its worker is killed.
export default function setup(): () => void {
  const previous = process.env.TMPDIR
  const dir = mkdtempSync(join(tmpdir(), 'songshelf-e2e-run-'))
  process.env.TMPDIR = dir
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(dir, { recursive: true, force: true })
  }
}
