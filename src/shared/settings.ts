// Settings as the renderer sees them. The API key itself never appears here: only
// whether one is set and how well the OS protects it.

import type { LANGUAGES, THEMES } from './limits'

export type Language = (typeof LANGUAGES)[number]
export type Theme = (typeof THEMES)[number]

/** keychain: OS keychain / DPAPI / libsecret; weak: Linux `basic_text` (a hard-coded
 * password); memory: could not be stored, kept for this session only; none: no key. */
/** 'locked': a key is stored but the system keychain cannot be read right now. */
export type KeyProtection = 'keychain' | 'weak' | 'memory' | 'none' | 'locked'

export interface PublicSettings {
  baseUrl: string
  pollIntervalSec: number
  downloadConcurrency: number
  downloadVideo: boolean
  libraryDir: string
  language: Language
  theme: Theme
  id3Artist: string
  id3Album: string
  notifications: boolean
  onboarded: boolean
  hasKey: boolean
  keyProtection: KeyProtection
}

/** What every window of the app shows alike: changed in one, followed by the others. */
export type Preferences = Pick<PublicSettings, 'language' | 'theme'>

/** Where the core runs: the app, the browser stand-in, or the `songshelf` CLI. */
export type Transport = 'electron' | 'web-preview' | 'cli'

export interface AppInfo {
  name: string
  version: string
  dataDir: string
  libraryDir: string
  libraryAvailable: boolean
  platform: string
  transport: Transport
  sqliteVersion: string
  fts5: boolean
  /** Set when the index was found damaged at start: it was moved aside (never deleted)
   * and rebuilt from the library folder (issue 12 §2). */
  indexRecovery?: IndexRecoveryInfo | null
}

export interface IndexRecoveryInfo {
  reason: 'empty' | 'not_a_database' | 'malformed'
  movedTo: string
  rebuilt: boolean
  clips: number
  tasksRestored: number
  problem: string | null
}

export type ConnectionTestOutcome =
  | 'ok'
  /** Nothing to test: the address field is empty. */
  | 'no_address'
  | 'key_rejected'
  | 'unreachable'
  | 'not_gateway'
  | 'no_key'
  /** Another address than the saved one, and no key given for it: the stored key is
   * never sent anywhere but the saved gateway. */
  | 'key_for_address'

export interface ConnectionTestResult {
  result: ConnectionTestOutcome
  /** English, for logs and the CLI; the app shows `code` in the user's language. */
  message: string
  /** The stable reason (a gateway error code such as `dns`, `refused`, `tls`, `server`,
   * or `connected` / `connected_single`). */
  code?: string
  /** What was asked, how it answered and how long it took (the Details of the test). */
  url?: string
  status?: number | null
  elapsedMs?: number
  /** The system error under a failed request (`ECONNREFUSED`, `ENOTFOUND`, …). */
  systemCode?: string | null
}

export const DEFAULT_SETTINGS: Omit<PublicSettings, 'libraryDir' | 'hasKey' | 'keyProtection'> = {
  baseUrl: '',
  pollIntervalSec: 20,
  downloadConcurrency: 3,
  downloadVideo: true,
  language: 'system',
  theme: 'system',
  id3Artist: 'Suno',
  id3Album: 'Songshelf',
  notifications: true,
  onboarded: false
}
