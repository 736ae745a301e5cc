import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Protocol, SafeStorage } from 'electron'
import { KeyVault } from '../../../src/main/settings/key-vault'
import { registerSchemePrivileges } from '../../../src/main/protocol/schemes'
import { tempDir } from '../../support/temp-dirs'

vi.mock('electron', () => ({ default: {} }))

function fakeSafeStorage(options: {
  available: boolean
  backend?: string
  failDecrypt?: boolean
}): SafeStorage {
  return {
    isEncryptionAvailable: () => options.available,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (text: string) => Buffer.from(`enc:${Buffer.from(text).toString('hex')}`),
    decryptString: (buffer: Buffer) => {
      if (options.failDecrypt) throw new Error('Error while decrypting the ciphertext')
      return Buffer.from(buffer.toString().slice(4), 'hex').toString()
    }
  } as unknown as SafeStorage
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
  it('stores only ciphertext and reports keychain protection', () => {
    const blob = memoryBlob()
    const vault = new KeyVault(fakeSafeStorage({ available: true }), blob, 'linux')
    expect(vault.set('sk-secret-123')).toBe('keychain')
    expect(blob.value()).not.toContain('sk-secret-123')
    expect(Buffer.from(blob.value()!, 'base64').toString()).not.toContain('sk-secret-123')
    expect(new KeyVault(fakeSafeStorage({ available: true }), blob, 'linux').get()).toBe(
      'sk-secret-123'
    )
  })

  it("says plainly that Linux's basic_text backend protects the key weakly", () => {
    const vault = new KeyVault(
      fakeSafeStorage({ available: true, backend: 'basic_text' }),
      memoryBlob(),
      'linux'
    )
    expect(vault.set('sk-1')).toBe('weak')
  })

  it('keeps the key in memory only when encryption is unavailable', () => {
    const blob = memoryBlob()
    const vault = new KeyVault(fakeSafeStorage({ available: false }), blob, 'linux')
    expect(vault.set('sk-1')).toBe('memory')
    expect(blob.value()).toBeNull()
    expect(vault.get()).toBe('sk-1')
    expect(vault.protection()).toBe('memory')
  })

  it('forgets a blob it cannot decrypt instead of failing forever', () => {
    const blob = memoryBlob()
    blob.write(Buffer.from('garbage').toString('base64'))
    const vault = new KeyVault(
      fakeSafeStorage({ available: true, failDecrypt: true }),
      blob,
      'darwin'
    )
    expect(vault.get()).toBeNull()
    expect(blob.value()).toBeNull()
    expect(vault.protection()).toBe('none')
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
