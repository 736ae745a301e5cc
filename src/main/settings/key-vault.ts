import type { SafeStorage } from 'electron'
import type { KeyProtection } from '../../shared/settings'

/** Where the encrypted key blob lives (electron-store in the app). */
export interface BlobStore {
  read(): string | null
  write(value: string | null): void
}

/** Keeps the API key encrypted with safeStorage. Only main ever sees the plain key.
 * Linux's `basic_text` backend uses a hard-coded password, so it is reported as weak
 * rather than "in the keychain" (reliability matrix C2). Must be created after `ready`
 * (safeStorage is unavailable before it, C3). */
export class KeyVault {
  private memoryKey: string | null = null

  constructor(
    private readonly safeStorage: SafeStorage,
    private readonly blob: BlobStore,
    private readonly platform: NodeJS.Platform
  ) {}

  protection(): KeyProtection {
    if (this.memoryKey !== null && this.blob.read() === null) return 'memory'
    if (this.blob.read() === null) return 'none'
    return this.isWeak() ? 'weak' : 'keychain'
  }

  get(): string | null {
    if (this.memoryKey !== null) return this.memoryKey
    const stored = this.blob.read()
    if (stored === null) return null
    try {
      this.memoryKey = this.safeStorage.decryptString(Buffer.from(stored, 'base64'))
      return this.memoryKey
    } catch {
      // The blob cannot be decrypted (keychain denied, profile moved, corrupted): forget
      // it so the user is asked again instead of failing on every poll (C4).
      this.blob.write(null)
      return null
    }
  }

  set(key: string | null): KeyProtection {
    this.memoryKey = key
    if (key === null) {
      this.blob.write(null)
      return 'none'
    }
    if (!this.safeStorage.isEncryptionAvailable()) {
      this.blob.write(null)
      return 'memory'
    }
    this.blob.write(this.safeStorage.encryptString(key).toString('base64'))
    return this.protection()
  }

  private isWeak(): boolean {
    if (this.platform !== 'linux') return false
    try {
      return this.safeStorage.getSelectedStorageBackend() === 'basic_text'
    } catch {
      return true
    }
  }
}
