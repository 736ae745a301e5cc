import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Protocol } from 'electron'
import { KeyVault, type VaultSafeStorage } from '../../../src/main/settings/key-vault'
import { registerSchemePrivileges } from '../../../src/main/protocol/schemes'
import { tempDir } from '../../support/temp-dirs'

vi.mock('electron', () => ({ default: {} }))

function fakeSafeStorage(options: {
  available: boolean
  backend?: string
  failDecrypt?: boolean
  failEncrypt?: boolean
}): VaultSafeStorage & { plainText: boolean } {
  const fake = {
    plainText: false,
    isAsyncEncryptionAvailable: async () => options.available || fake.plainText,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    setUsePlainTextEncryption: (value: boolean) => {
      fake.plainText = value
    },
    encryptStringAsync: async (text: string) => {
      if (options.failEncrypt) throw new Error('User denied access')
      return Buffer.from(`enc:${Buffer.from(text).toString('hex')}`)
    },
    decryptStringAsync: async (buffer: Buffer) => {
      if (options.failDecrypt) throw new Error('Error while decrypting the ciphertext')
      return {
        result: Buffer.from(buffer.toString().slice(4), 'hex').toString(),
        shouldReEncrypt: false
      }
    }
  }
  return fake as unknown as VaultSafeStorage & { plainText: boolean }
}

function memoryBlob(): {
  read: () => string | null
  write: (v: string | null) => void
  value: () => string | null
} {
  let value: string | null = null
  return { read: () => value, write: (v) => (value = v), value: () => value }
}

describe('the API key vault', () => {
  it('stores only ciphertext, reports keychain protection, and reads it back after a restart', async () => {
    const blob = memoryBlob()
    const vault = new KeyVault(fakeSafeStorage({ available: true }), blob, 'linux')
    expect(vault.set('sk-secret-123')).toBe('keychain')
    await vault.settled()
    expect(blob.value()).not.toContain('sk-secret-123')
    expect(Buffer.from(blob.value()!, 'base64').toString()).not.toContain('sk-secret-123')
    const restarted = new KeyVault(fakeSafeStorage({ available: true }), blob, 'linux')
    await restarted.load()
    expect(restarted.get()).toBe('sk-secret-123')
    expect(restarted.protection()).toBe('keychain')
  })

  it("keeps the key across restarts on Linux's basic_text backend, labelled weak", async () => {
    const blob = memoryBlob()
    const storage = fakeSafeStorage({ available: false, backend: 'basic_text' })
    const vault = new KeyVault(storage, blob, 'linux')
    expect(storage.plainText).toBe(true)
    expect(vault.set('sk-1')).toBe('weak')
    await vault.settled()
    expect(blob.value()).not.toBeNull()
    const restarted = new KeyVault(
      fakeSafeStorage({ available: false, backend: 'basic_text' }),
      blob,
      'linux'
    )
    await restarted.load()
    expect(restarted.get()).toBe('sk-1')
    expect(restarted.protection()).toBe('weak')
  })

  it('keeps the key in memory only, and says so, when encryption is unavailable', async () => {
    const blob = memoryBlob()
    const vault = new KeyVault(fakeSafeStorage({ available: false }), blob, 'darwin')
    vault.set('sk-1')
    await vault.settled()
    expect(blob.value()).toBeNull()
    expect(vault.get()).toBe('sk-1')
    expect(vault.protection()).toBe('memory')
  })

  it('never deletes a stored key it cannot decrypt: locked, and tried again', async () => {
    const blob = memoryBlob()
    const good = new KeyVault(fakeSafeStorage({ available: true }), blob, 'darwin')
    good.set('sk-keep-me')
    await good.settled()
    const stored = blob.value()
    const locked = new KeyVault(
      fakeSafeStorage({ available: true, failDecrypt: true }),
      blob,
      'darwin'
    )
    await locked.load()
    expect(locked.get()).toBeNull()
    expect(blob.value()).toBe(stored)
    expect(locked.protection()).toBe('locked')
    // The keychain is unlocked later: the same blob decrypts, nothing to re-enter.
    const unlocked = new KeyVault(fakeSafeStorage({ available: true }), blob, 'darwin')
    await unlocked.load()
    expect(unlocked.get()).toBe('sk-keep-me')
  })

  it('keeps a new key for the session when the keychain refuses to encrypt it', async () => {
    const blob = memoryBlob()
    const vault = new KeyVault(
      fakeSafeStorage({ available: true, failEncrypt: true }),
      blob,
      'darwin'
    )
    vault.set('sk-2')
    await vault.settled()
    expect(vault.get()).toBe('sk-2')
    expect(vault.protection()).toBe('memory')
  })
})

describe('settings store', () => {
  it('migrates a settings file written by an older version and keeps its values', async () => {
    const { openSettingsStore } = await import('../../../src/main/settings/settings-store')
    const dir = tempDir('songshelf-settings-')
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        __internal__: { migrations: { version: '0.0.9' } },
        baseUrl: 'https://gw.example',
        pollSeconds: 45,
        videos: false
      })
    )
    const store = openSettingsStore(dir, '0.1.0')
    expect(store.get('pollIntervalSec')).toBe(45)
    expect(store.get('downloadVideo')).toBe(false)
    expect(store.get('baseUrl')).toBe('https://gw.example')
    expect(store.get('downloadConcurrency')).toBe(3)
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).not.toHaveProperty(
      'pollSeconds'
    )
  })

  it('resets a corrupt settings file instead of crashing', async () => {
    const { openSettingsStore } = await import('../../../src/main/settings/settings-store')
    const dir = tempDir('songshelf-settings-')
    writeFileSync(join(dir, 'settings.json'), '{ not json')
    const store = openSettingsStore(dir, '0.1.0')
    expect(store.get('pollIntervalSec')).toBe(20)
  })
})

describe('media scheme', () => {
  it('is registered once, with the privileges media streaming needs and without bypassCSP', () => {
    const calls: unknown[] = []
    registerSchemePrivileges({
      registerSchemesAsPrivileged: (s: unknown) => calls.push(s)
    } as unknown as Protocol)
    expect(calls).toHaveLength(1)
    expect((calls[0] as unknown[])[0]).toEqual(
      expect.objectContaining({
        scheme: 'songshelf-media',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
          stream: true,
          bypassCSP: false
        })
      })
    )
  })
})
