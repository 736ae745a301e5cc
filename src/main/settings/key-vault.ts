import type { SafeStorage } from 'electron'
import type { KeyProtection } from '../../shared/settings'

/** Where the encrypted key blob lives (electron-store in the app). */
export interface BlobStore {
  read(): string | null
  write(value: string | null): void
}

export type VaultSafeStorage = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
  | 'setUsePlainTextEncryption'
>

/** Keeps the API key encrypted with safeStorage's async API (the sync calls are
 * deprecated in Electron 45 and removed in 46, docs/api/safe-storage.md). Only main ever
 * sees the plain key; the core reads it synchronously from memory after `load()`.
 *
 * - A blob that cannot be decrypted is never deleted: a keyring still locked at login or
 *   one "Deny" at the macOS Keychain prompt must not erase the key. The vault reports
 *   'locked' and tries again the next time the key is asked for.
 * - Linux without a keyring (`basic_text`: Sway, i3, headless, many VMs): Electron then
 *   reports no encryption unless told to use its built-in password, and the key lived in
 *   memory only, gone at the next start. Decision: turn on plain-text encryption there
 *   (`setUsePlainTextEncryption(true)`) so the key survives, and label it 'weak' — the
 *   Settings page says that any program running as the user could read it and how to get
 *   a keyring. If encryption is still unavailable, the key stays in memory, labelled so.
 * Must be created after `ready` (safeStorage is unavailable before it). */
export class KeyVault {
  private memoryKey: string | null = null
  private locked = false
  private retry: Promise<void> | null = null
  private pending: Promise<unknown> = Promise.resolve()
  private weakBackend: boolean

  constructor(
    private readonly safeStorage: VaultSafeStorage,
    private readonly blob: BlobStore,
    platform: NodeJS.Platform
  ) {
    this.weakBackend = platform === 'linux' && this.backend() === 'basic_text'
    if (this.weakBackend) this.safeStorage.setUsePlainTextEncryption(true)
  }

  /** Decrypts the stored key into memory (at start-up, and again while locked). */
  async load(): Promise<void> {
    const stored = this.blob.read()
    if (stored === null || this.memoryKey !== null) {
      this.locked = false
      return
    }
    try {
      const { result, shouldReEncrypt } = await this.safeStorage.decryptStringAsync(
        Buffer.from(stored, 'base64')
      )
      this.memoryKey = result
      this.locked = false
      if (shouldReEncrypt) await this.persist(result)
    } catch {
      this.locked = true
    }
  }

  protection(): KeyProtection {
    const stored = this.blob.read()
    if (stored !== null && this.locked && this.memoryKey === null) return 'locked'
    if (stored === null) return this.memoryKey === null ? 'none' : 'memory'
    return this.weakBackend ? 'weak' : 'keychain'
  }

  /** The key in memory. While the stored key is locked this answers null and starts one
   * more decrypt attempt, so unlocking the keyring is enough: nothing to re-enter. */
  get(): string | null {
    if (this.memoryKey === null && this.locked && this.retry === null) {
      this.retry = this.load().finally(() => {
        this.retry = null
      })
    }
    return this.memoryKey
  }

  /** A stored key exists, even if it cannot be read right now. */
  hasStoredKey(): boolean {
    return this.memoryKey !== null || this.blob.read() !== null
  }

  /** Sets the key for this session at once and stores it encrypted in the background;
   * `settled()` waits for that (the shell awaits it before quitting). */
  set(key: string | null): KeyProtection {
    this.memoryKey = key
    this.locked = false
    if (key === null) {
      this.blob.write(null)
      return 'none'
    }
    const write = this.persist(key)
    this.pending = this.pending.then(() => write)
    return this.weakBackend ? 'weak' : 'keychain'
  }

  /** Resolves when every background write has finished. */
  async settled(): Promise<void> {
    await this.pending
  }

  private async persist(key: string): Promise<void> {
    try {
      if (!(await this.safeStorage.isAsyncEncryptionAvailable())) {
        this.blob.write(null)
        return
      }
      const cipher = await this.safeStorage.encryptStringAsync(key)
      if (this.memoryKey === key) this.blob.write(cipher.toString('base64'))
    } catch {
      // Encryption refused (Keychain "Deny"): keep the key for this session only.
      if (this.memoryKey === key) this.blob.write(null)
    }
  }

  private backend(): string {
    try {
      return this.safeStorage.getSelectedStorageBackend()
    } catch {
      return 'unknown'
    }
  }
}
