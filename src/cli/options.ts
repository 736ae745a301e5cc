import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

// node:util through process.getBuiltinModule rather than an ES import: the ES facade of a
// built-in reads every one of its exports, and node:util's lazy ones load worker_threads,
// the streams and more, about 6 ms of CPU at the start of every command, `songshelf list`
// included (issue 14 §6; https://nodejs.org/api/process.html#processgetbuiltinmoduleid).
// Every command parses its arguments with it.
export const { parseArgs } = process.getBuiltinModule('node:util')

export const EXIT = { ok: 0, failures: 1, usage: 2, config: 3, busy: 4 } as const

export class UsageError extends Error {}
export class ConfigError extends Error {}

export interface CommonOptions {
  dataDir: string
  libraryDir: string
  baseUrl?: string
  apiKey?: string
}

/** The desktop app's data folder (Electron's userData for "Songshelf"), so that the CLI
 * and the app share one library by default. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform
): string {
  const home = homedir()
  if (platform === 'win32')
    return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Songshelf')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Songshelf')
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'Songshelf')
}

function savedLibraryDir(dataDir: string): string | undefined {
  try {
    const saved = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as {
      libraryDir?: unknown
    }
    return typeof saved.libraryDir === 'string' && saved.libraryDir !== ''
      ? saved.libraryDir
      : undefined
  } catch {
    return undefined
  }
}

/** Options first, then environment, then the app's saved settings, then defaults. */
export function resolveCommon(
  values: { 'data-dir'?: string; library?: string; 'base-url'?: string; key?: string },
  env: NodeJS.ProcessEnv = process.env
): CommonOptions {
  const dataDir = resolve(values['data-dir'] ?? env['SONGSHELF_DATA_DIR'] ?? defaultDataDir(env))
  const libraryDir = resolve(
    values.library ??
      env['SONGSHELF_LIBRARY'] ??
      savedLibraryDir(dataDir) ??
      join(homedir(), 'Music', 'Songshelf')
  )
  return {
    dataDir,
    libraryDir,
    baseUrl: values['base-url'] ?? env['SONGSHELF_BASE_URL'],
    apiKey: values.key ?? env['SONGSHELF_API_KEY']
  }
}

export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  library: { type: 'string' },
  'base-url': { type: 'string' },
  key: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const
