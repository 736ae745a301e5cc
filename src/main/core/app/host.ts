import type { KeyProtection, PublicSettings, Transport } from '../../../shared/settings'

/** Settings as stored (no key). */
export type StoredSettings = Omit<PublicSettings, 'hasKey' | 'keyProtection'>

/** What the core needs from whatever hosts it: the Electron shell, the web preview or
 * the CLI. Everything platform-specific (OS dialogs, trash, keychain) sits behind it. */
export interface Host {
  readonly transport: Transport
  readonly version: string
  readonly dataDir: string
  settings: {
    get(): StoredSettings
    update(patch: Partial<StoredSettings>): StoredSettings
    /** The API key, decrypted; only ever handed to the gateway client. */
    getKey(): string | null
    setKey(key: string | null): KeyProtection
    keyProtection(): KeyProtection
  }
  /** Moves files to the OS trash; absent headless, where the library moves them to its
   * own `.trash` folder instead. */
  trash?: (paths: string[]) => Promise<void>
  revealPath(path: string): Promise<void>
  openPath(path: string): Promise<void>
  chooseFolder(): Promise<string | null>
  choosePlaylistPath(defaultName: string): Promise<string | null>
  startDrag(paths: string[]): void
  /** Applies settings the host itself acts on (theme, language of native menus). */
  applyPreferences?: (settings: StoredSettings) => void
  /** Opens or closes the always-on-top mini player window and answers whether it is open;
   * only the desktop app has one. */
  setMiniPlayer?: (open: boolean) => boolean
}
