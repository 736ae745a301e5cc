import { describe, expect, it } from 'vitest'
import { displayTitle, shortClipId, takeMark } from '../../../src/shared/clip-label'

describe('naming a clip', () => {
  const id = 'a06015d0-1c2b-4d5e-8f90-123456789abc'

  it('says which take of its generation it is, and of how many', () => {
    expect(takeMark({ id, take: 1, takes: 2 })).toEqual({ kind: 'take', take: 1, of: 2 })
    expect(takeMark({ id, take: 2, takes: 2 })).toEqual({ kind: 'take', take: 2, of: 2 })
    // Only this take is in the library (the other was deleted): no "of".
    expect(takeMark({ id, take: 2, takes: 1 })).toEqual({ kind: 'take', take: 2, of: null })
  })

  it('falls back to the short id of the library file names when the take is unknown', () => {
    expect(takeMark({ id, take: null, takes: 2 })).toEqual({ kind: 'id', shortId: 'a06015d0' })
    expect(takeMark({ id })).toEqual({ kind: 'id', shortId: 'a06015d0' })
    expect(takeMark({ id, take: 0 })).toEqual({ kind: 'id', shortId: 'a06015d0' })
    expect(shortClipId('abc')).toBe('abc')
  })

  it("shows the user's own title instead of the gateway's, never an empty one", () => {
    expect(displayTitle({ title: 'City Lights', userTitle: 'Drive home' })).toBe('Drive home')
    expect(displayTitle({ title: 'City Lights', userTitle: '   ' })).toBe('City Lights')
    expect(displayTitle({ title: 'City Lights', userTitle: null })).toBe('City Lights')
  })
})
