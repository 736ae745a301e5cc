import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DEFAULT_SETTINGS } from '../../../shared/settings'
import { AppError } from './errors'
import type { Host, StoredSettings } from './host'

export interface HeadlessHostOptions {
  transport: 'cli' | 'web-preview'
  version: string
  dataDir: string
  libraryDir: string
  baseUrl?: string
  apiKey?: string
}

const unsupported = async (): Promise<never> => {
  throw new AppError('unsupported', 'This needs the desktop app; it is not available here.')
}

/** The Host for the CLI and the web preview: settings in `<data>/settings.json`, the key
 * from the command line or environment, held in memory only (never written to disk). */
export function createHeadlessHost(options: HeadlessHostOptions): Host {
  // The desktop app keeps its settings in the same file (electron-store), so the CLI
  // reads the fields it knows and writes back only what it changes, keeping the rest
  // (the app's encrypted key, window bounds) untouched.
  const file = join(options.dataDir, 'settings.json')
  let key = options.apiKey ?? null
  const readRaw = (): Record<string, unknown> => {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {}
    } catch {
      return {}
    }
  }
  const load = (): StoredSettings => {
    const raw = readRaw()
    const known = Object.fromEntries(
      Object.keys(DEFAULT_SETTINGS)
        .filter(
          (k) =>
            raw[k] !== undefined &&
            typeof raw[k] === typeof DEFAULT_SETTINGS[k as keyof typeof DEFAULT_SETTINGS]
        )
        .map((k) => [k, raw[k]])
    ) as Partial<StoredSettings>
    return {
      ...DEFAULT_SETTINGS,
      ...known,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      libraryDir: options.libraryDir
    }
  }
  let current = load()
  return {
    transport: options.transport,
    version: options.version,
    dataDir: options.dataDir,
    settings: {
      get: () => current,
      update: (patch) => {
        current = { ...current, ...patch, libraryDir: patch.libraryDir ?? current.libraryDir }
        const { libraryDir: _libraryDir, ...persisted } = patch
        mkdirSync(dirname(file), { recursive: true })
        writeFileSync(`${file}.tmp`, JSON.stringify({ ...readRaw(), ...persisted }, null, 2))
        renameSync(`${file}.tmp`, file)
        return current
      },
      getKey: () => key,
      setKey: (next) => {
        key = next
        return next === null ? 'none' : 'memory'
      },
      keyProtection: () => (key === null ? 'none' : 'memory')
    },
    revealPath: unsupported,
    openPath: unsupported,
    chooseFolder: async () => null,
    choosePlaylistPath: async (defaultName) => join(current.libraryDir, defaultName),
    startDrag: () => undefined
  }
}
