import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

/** Builds out/ once when a test needs the real bundles (npm test builds first anyway). */
export function ensureBuilt(): void {
  const wanted = [
    'out/main/index.js',
    'out/main/cli.js',
    'out/main/preview-web.js',
    'out/preload/index.cjs'
  ]
  if (wanted.every((file) => existsSync(join(ROOT, file)))) return
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: ROOT,
      stdio: 'ignore'
    }
  )
}
