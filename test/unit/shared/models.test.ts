import { describe, expect, it } from 'vitest'
import { modelLabel, modelShort, modelVersion } from '../../../src/shared/models'

describe('model names', () => {
  it('shows the version people know next to the codename', () => {
    expect(modelLabel('chirp-crow')).toBe('v5 (chirp-crow)')
    expect(modelShort('chirp-auk')).toBe('v4.5')
    expect(modelVersion('CHIRP-V3-5')).toBe('v3.5')
  })

  it('leaves unknown and empty names alone', () => {
    expect(modelLabel('chirp-future')).toBe('chirp-future')
    expect(modelShort(null)).toBe('')
    expect(modelLabel('')).toBe('')
  })
})
