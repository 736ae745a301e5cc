import { describe, expect, it, vi } from 'vitest'
import {
  DOWNLOAD_CONCURRENCY,
  ID3_TEXT_MAX,
  MAX_IDS_PER_CALL,
  POLL_SECONDS
} from '../../../src/shared/limits'
import { clipIdsArg, settingsPatch } from '../../../src/shared/schemas'
import {
  validateConcurrency,
  validatePollInterval,
  validateTagText
} from '../../../src/renderer/src/features/settings/settings-validation'
import { tempDir } from '../../support/temp-dirs'

vi.mock('electron', () => ({ default: {} }))

// The bridge (zod), the settings file (electron-store's JSON schema) and the settings
// form agree on every limit: each accepts the limit and refuses one step past it.

describe('limits shared by every edge', () => {
  it('poll interval and download concurrency', async () => {
    const { openSettingsStore } = await import('../../../src/main/settings/settings-store')
    const store = openSettingsStore(tempDir('songshelf-limits-'), '0.1.0')
    for (const [field, range, form] of [
      ['pollIntervalSec', POLL_SECONDS, validatePollInterval],
      ['downloadConcurrency', DOWNLOAD_CONCURRENCY, validateConcurrency]
    ] as const) {
      for (const ok of [range.min, range.max]) {
        expect(settingsPatch.safeParse({ [field]: ok }).success).toBe(true)
        expect(form(String(ok))).toBeNull()
        expect(() => store.set(field, ok)).not.toThrow()
      }
      for (const bad of [range.min - 1, range.max + 1]) {
        expect(settingsPatch.safeParse({ [field]: bad }).success).toBe(false)
        expect(form(String(bad))).not.toBeNull()
        expect(() => store.set(field, bad)).toThrow()
      }
    }
  })

  it('ID3 artist and album length', () => {
    const at = 'a'.repeat(ID3_TEXT_MAX)
    const past = 'a'.repeat(ID3_TEXT_MAX + 1)
    expect(settingsPatch.safeParse({ id3Artist: at }).success).toBe(true)
    expect(settingsPatch.safeParse({ id3Album: past }).success).toBe(false)
    expect(validateTagText(at)).toBeNull()
    expect(validateTagText(past)).not.toBeNull()
  })

  it('ids per bridge call', () => {
    const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `clip-${i}`)
    expect(clipIdsArg.safeParse({ ids: ids(MAX_IDS_PER_CALL) }).success).toBe(true)
    expect(clipIdsArg.safeParse({ ids: ids(MAX_IDS_PER_CALL + 1) }).success).toBe(false)
  })
})
