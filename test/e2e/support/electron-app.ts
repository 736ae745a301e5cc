import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ElectronApplication, Page } from '@playwright/test'

// Where the Electron specs find a binary. Nothing here triggers Electron's lazy download
// (requiring the `electron` package would): a machine without the binary skips the specs
// and says so.

export const ROOT = resolve(import.meta.dirname, '../../..')

/** The dev binary, as Electron's own index.js finds it: path.txt names the executable in
 * dist/, or in ELECTRON_OVERRIDE_DIST_PATH (a directory). */
export function electronBinary(): string | null {
  const pathFile = join(ROOT, 'node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return null
  const dist =
    process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(ROOT, 'node_modules/electron/dist')
  const binary = join(dist, readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/** The packaged test build from `electron-builder --dir -c electron-builder.e2e.yml`. */
export function packagedBinary(): string | null {
  const dist = join(ROOT, 'dist-e2e')
  if (!existsSync(dist)) return null
  for (const entry of readdirSync(dist)) {
    const candidates = [
      join(dist, entry, 'songshelf-desktop'),
      join(dist, entry, 'songshelf.exe'),
      join(dist, entry, 'Songshelf.app/Contents/MacOS/Songshelf')
    ]
    const found = candidates.find((c) => existsSync(c))
    if (found) return found
  }
  return null
}

export interface AppSettings {
  hasKey: boolean
  keyProtection: string
}

export async function settingsOf(page: Page): Promise<AppSettings> {
  const result = (await page.evaluate(() => window.songshelf.getSettings(undefined))) as {
    ok: boolean
    value: AppSettings
  }
  if (!result.ok) throw new Error('getSettings failed')
  return result.value
}

export async function appInfoOf(page: Page): Promise<Record<string, unknown>> {
  const result = (await page.evaluate(() => window.songshelf.getAppInfo(undefined))) as unknown as {
    ok: boolean
    value: Record<string, unknown>
  }
  if (!result.ok) throw new Error('getAppInfo failed')
  return result.value
}

/** Collects uncaught exceptions of the main process from now on. */
export async function watchMainErrors(app: ElectronApplication): Promise<() => Promise<string[]>> {
  await app.evaluate(() => {
    const store = globalThis as unknown as { __songshelfErrors?: string[] }
    store.__songshelfErrors = []
    process.on('uncaughtException', (error) => store.__songshelfErrors!.push(String(error)))
  })
  return () =>
    app.evaluate(
      () => (globalThis as unknown as { __songshelfErrors?: string[] }).__songshelfErrors ?? []
    )
}
