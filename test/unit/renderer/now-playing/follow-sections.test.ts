import { describe, expect, it } from 'vitest'
import { parseLyrics } from '../../../../src/renderer/src/features/clip/lyrics'
import { sectionAt } from '../../../../src/renderer/src/features/now-playing/follow-sections'

describe('following lyrics by section, without timing data', () => {
  const sections = parseLyrics(
    '[Verse]\na\nb\nc\nd\n\n[Chorus]\ne\nf\n\n[Instrumental]\n\n[Outro]\ng'
  )

  it('shares the length out by lines: a long verse holds longer than a short chorus', () => {
    // Weights 4, 2, 1 (no lines still takes one), 1 → boundaries at 50 %, 75 %, 87.5 %.
    expect(sectionAt(sections, 0, 80)).toBe(0)
    expect(sectionAt(sections, 39, 80)).toBe(0)
    expect(sectionAt(sections, 41, 80)).toBe(1)
    expect(sectionAt(sections, 61, 80)).toBe(2)
    expect(sectionAt(sections, 71, 80)).toBe(3)
    expect(sectionAt(sections, 80, 80)).toBe(3)
  })

  it('highlights nothing without sections or a known length, and clamps odd positions', () => {
    expect(sectionAt([], 10, 80)).toBe(-1)
    expect(sectionAt(sections, 10, 0)).toBe(-1)
    expect(sectionAt(sections, 10, Number.NaN)).toBe(-1)
    expect(sectionAt(sections, -5, 80)).toBe(0)
    expect(sectionAt(sections, 500, 80)).toBe(3)
  })
})
