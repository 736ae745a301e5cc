// Suno lyrics mark their structure with bracketed section lines — `[Verse 1]`,
// `[Chorus]`, `[Bridge]`, `[Instrumental Break]` — between the sung lines. The detail
// panel shows those as headings over their stanzas.

export interface LyricsSection {
  /** The text inside the brackets, or null for lines before the first section. */
  heading: string | null
  /** Stanzas (runs of lines separated by blank lines) of this section. */
  stanzas: string[][]
}

const SECTION = /^\s*\[([^\]\n]{1,80})\]\s*$/

export function parseLyrics(text: string | null | undefined): LyricsSection[] {
  if (!text || !text.trim()) return []
  const sections: LyricsSection[] = []
  let current: LyricsSection = { heading: null, stanzas: [] }
  let stanza: string[] = []
  const endStanza = (): void => {
    if (stanza.length > 0) current.stanzas.push(stanza)
    stanza = []
  }
  const endSection = (): void => {
    endStanza()
    // Keep every headed section (an `[Instrumental]` has no lines); drop an empty
    // untitled one.
    if (current.heading !== null || current.stanzas.length > 0) sections.push(current)
  }
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trimEnd()
    const heading = SECTION.exec(line)
    if (heading) {
      endSection()
      current = { heading: (heading[1] ?? '').trim(), stanzas: [] }
    } else if (line.trim() === '') {
      endStanza()
    } else {
      stanza.push(line.trim())
    }
  }
  endSection()
  return sections
}
