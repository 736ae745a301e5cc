import type { LyricsSection } from '../clip/lyrics'

// Which lyrics section is being sung, without timing data (issue 15): the song's duration
// is shared out between its sections in proportion to their lines, and the position picks
// one. It follows sections, never words, and the view says so. A headed section without
// lines (`[Instrumental]`, `[Break]`) still takes the time of one line.

export function sectionWeights(sections: readonly LyricsSection[]): number[] {
  return sections.map((section) =>
    Math.max(
      1,
      section.stanzas.reduce((lines, stanza) => lines + stanza.length, 0)
    )
  )
}

/** The index of the section at `positionSec` of `durationSec`, or -1 without either. */
export function sectionAt(
  sections: readonly LyricsSection[],
  positionSec: number,
  durationSec: number
): number {
  if (sections.length === 0 || !(durationSec > 0) || !Number.isFinite(positionSec)) return -1
  const weights = sectionWeights(sections)
  const total = weights.reduce((a, b) => a + b, 0)
  const at = Math.min(Math.max(positionSec / durationSec, 0), 1) * total
  let end = 0
  for (let i = 0; i < weights.length; i++) {
    end += weights[i] as number
    if (at < end) return i
  }
  return sections.length - 1
}
