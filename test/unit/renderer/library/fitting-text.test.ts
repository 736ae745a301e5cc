import { describe, expect, it } from 'vitest'
import { pickFitting } from '../../../../src/renderer/src/features/library/fitting-text'

// The search box shortens its placeholder by whole wordings instead of letting the
// browser cut it mid-word (issue 13): the longest that fits, else the shortest.

const WORDINGS = [
  'Search titles, styles, lyrics, prompts, tags',
  'Search titles, lyrics, tags',
  'Search'
]
const width = (text: string): number => text.length * 7

describe('pickFitting', () => {
  it('takes the longest wording that fits the room', () => {
    expect(pickFitting(WORDINGS, width, 400)).toBe(WORDINGS[0])
    expect(pickFitting(WORDINGS, width, 44 * 7)).toBe(WORDINGS[0])
    expect(pickFitting(WORDINGS, width, 44 * 7 - 1)).toBe(WORDINGS[1])
    expect(pickFitting(WORDINGS, width, 100)).toBe('Search')
  })

  it('keeps the shortest when none fits, and nothing for no wordings', () => {
    expect(pickFitting(WORDINGS, width, 10)).toBe('Search')
    expect(pickFitting([], width, 10)).toBe('')
  })
})
