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

  // Issue 13, defect 12: the facet showed raw `chirp-v4-5` beside "v4 (chirp-v4)".
  it('reads versioned codenames it has no entry for', () => {
    expect(modelLabel('chirp-v4-5')).toBe('v4.5 (chirp-v4-5)')
    expect(modelShort('chirp-v5')).toBe('v5')
    expect(modelShort('chirp-v4-5-plus')).toBe('v4.5+')
    expect(modelShort('chirp-v3-5-upsample')).toBe('chirp-v3-5-upsample')
  })
})
