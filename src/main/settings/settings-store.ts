import Store, { type Options } from 'electron-store'
import { DEFAULT_SETTINGS } from '../../shared/settings'
import {
  BASE_URL_MAX,
  DOWNLOAD_CONCURRENCY,
  ID3_TEXT_MAX,
  LANGUAGES,
  POLL_SECONDS,
  THEMES
} from '../../shared/limits'
import type { StoredSettings } from '../core/app/host'
import type { WindowBounds } from '../windows/main-window'

interface SettingsFile extends Omit<StoredSettings, 'libraryDir'> {
  libraryDir: string | null
  apiKeyCipher: string | null
  windowBounds: WindowBounds | null
  /** The mini player window's last bounds (validated and clamped when read). */
  miniBounds: { x: number; y: number; width: number; height: number } | null
}

// Numbered migrations: the store records the app version that last wrote it, and each
// step upgrades older files. 0.1.0 renamed `pollSeconds` to `pollIntervalSec` and
// `videos` to `downloadVideo` (the prototype's names).
export const SETTINGS_MIGRATIONS = {
  '0.1.0': (store: {
    get(key: string): unknown
    set(key: string, value: unknown): void
    delete(key: string): void
  }): void => {
    const legacyPoll = store.get('pollSeconds')
    if (typeof legacyPoll === 'number')
      store.set('pollIntervalSec', Math.max(5, Math.round(legacyPoll)))
    store.delete('pollSeconds')
    const legacyVideo = store.get('videos')
    if (typeof legacyVideo === 'boolean') store.set('downloadVideo', legacyVideo)
    store.delete('videos')
  }
}

const schema = {
  baseUrl: { type: 'string', maxLength: BASE_URL_MAX },
  pollIntervalSec: { type: 'number', minimum: POLL_SECONDS.min, maximum: POLL_SECONDS.max },
  downloadConcurrency: {
    type: 'number',
    minimum: DOWNLOAD_CONCURRENCY.min,
    maximum: DOWNLOAD_CONCURRENCY.max
  },
  downloadVideo: { type: 'boolean' },
  libraryDir: { type: ['string', 'null'] },
  language: { enum: [...LANGUAGES] },
  theme: { enum: [...THEMES] },
  id3Artist: { type: 'string', minLength: 1, maxLength: ID3_TEXT_MAX },
  id3Album: { type: 'string', minLength: 1, maxLength: ID3_TEXT_MAX },
  notifications: { type: 'boolean' },
  onboarded: { type: 'boolean' },
  apiKeyCipher: { type: ['string', 'null'] },
  windowBounds: { type: ['object', 'null'] },
  miniBounds: { type: ['object', 'null'] }
} as const

export type SettingsStore = Store<SettingsFile>

/** electron-store with a schema, defaults and migrations. A corrupt file is reset rather
 * than crashing the app on start (RELIABILITY.md C7). */
export function openSettingsStore(cwd: string | undefined, version: string): SettingsStore {
  return new Store<SettingsFile>({
    name: 'settings',
    cwd,
    projectVersion: version,
    clearInvalidConfig: true,
    defaults: {
      ...DEFAULT_SETTINGS,
      libraryDir: null,
      apiKeyCipher: null,
      windowBounds: null,
      miniBounds: null
    },
    schema: schema as unknown as Options<SettingsFile>['schema'],
    migrations: SETTINGS_MIGRATIONS as unknown as Options<SettingsFile>['migrations']
  })
}
