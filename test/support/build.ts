import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

/** The bundles the process-spawning tests run. */
export const BUILT_FILES = [
  'out/main/index.js',
  'out/main/cli.js',
  'out/main/preview-web.js',
  'out/preload/index.cjs'
] as const

/** What the bundles are built from: a change to any of these makes out/ stale. */
const SOURCES = ['src', 'electron.vite.config.ts', 'package.json', 'tsconfig.base.json']

function newestIn(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)))
  return newest
}

/** Why out/ under `root` must be built again, or null when every bundle exists and is
 * newer than every source file. A test that spawns the CLI or the preview against a
 * bundle older than its sources tests stale code, so existence alone is not enough. */
export function staleBuild(root: string): string | null {
  const missing = BUILT_FILES.find((file) => !existsSync(join(root, file)))
  if (missing !== undefined) return `${missing} is missing`
  const oldestOut = Math.min(...BUILT_FILES.map((file) => statSync(join(root, file)).mtimeMs))
  const newestSource = Math.max(...SOURCES.map((source) => newestIn(join(root, source))))
  return newestSource > oldestOut ? 'a source file is newer than the build' : null
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** Builds out/ when it is missing or older than its sources (npm test builds first
 * anyway). Test files run in parallel workers, so one builds under a lock folder while
 * the others wait for it and then find the build fresh. */
export function ensureBuilt(): void {
  if (staleBuild(ROOT) === null) return
  const lock = join(ROOT, 'out', '.build-lock')
  mkdirSync(join(ROOT, 'out'), { recursive: true })
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // A lock left by a killed run is taken over after five minutes.
      const age = Date.now() - (existsSync(lock) ? statSync(lock).mtimeMs : Date.now())
      if (age > 5 * 60_000) rmSync(lock, { recursive: true, force: true })
      else pause(200)
    }
  }
  try {
    if (staleBuild(ROOT) === null) return
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      { cwd: ROOT, stdio: 'ignore' }
    )
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}
