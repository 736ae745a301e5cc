import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanTagName, compareNames, TAG_MAX_LENGTH } from '../../../../src/shared/text'
import { tagArgs } from '../../../../src/shared/schemas'
import { normalizeTag } from '../../../../src/renderer/src/store/library-tags-store'

// One rule for a tag's name (shared/text.ts). The bridge schema, the renderer's optimistic
// name and the core's stored name used to be four short copies that disagreed on control
// characters, on length (UTF-16 units against code points) and on order (localeCompare).

const bridgeName = (name: string): string | null => {
  const parsed = tagArgs.safeParse({ ids: ['c1'], add: [name] })
  return parsed.success ? (parsed.data.add[0] ?? null) : null
}

describe('a tag name', () => {
  it('is the same name at the bridge, in the renderer and in the core, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        const core = cleanTagName(name)
        expect(bridgeName(name)).toBe(core)
        expect(normalizeTag(name)).toBe(core ?? '')
      }),
      { numRuns: 500 }
    )
  })

  it('drops a zero-width space the renderer used to keep, so it never shows a tag the core did not store', () => {
    expect(normalizeTag('Chill\u200b  Out')).toBe('Chill Out')
    expect(bridgeName('\u200b')).toBeNull()
  })

  it('may have 40 emoji: the bridge counts characters as the core does, not UTF-16 units', () => {
    const name = '🎵'.repeat(40)
    expect(bridgeName(name)).toBe(name)
    const long = '🎵'.repeat(TAG_MAX_LENGTH + 10)
    expect(Array.from(bridgeName(long) ?? '')).toHaveLength(TAG_MAX_LENGTH)
  })

  it('sorts the same on every machine: case-insensitive, then exact, never by locale', () => {
    expect(['b', 'B', 'a', 'Á'].sort(compareNames)).toEqual(['a', 'B', 'b', 'Á'])
  })
})
