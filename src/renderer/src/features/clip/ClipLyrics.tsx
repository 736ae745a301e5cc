import type { JSX } from 'react'
import { parseLyrics } from './lyrics'

/** Lyrics laid out by section: each `[Verse]`/`[Chorus]` becomes a heading. */
export function ClipLyrics({ text }: { text: string }): JSX.Element {
  const sections = parseLyrics(text)
  return (
    <div className="clip-lyrics" data-testid="clip-lyrics">
      {sections.map((section, i) => (
        <div key={i} className="lyrics-section">
          {section.heading !== null && <h4 className="lyrics-heading">{section.heading}</h4>}
          <LyricsStanzas stanzas={section.stanzas} />
        </div>
      ))}
    </div>
  )
}

/** A section's stanzas, one line per span: shared by the detail and Now playing. */
export function LyricsStanzas({ stanzas }: { stanzas: string[][] }): JSX.Element {
  return (
    <>
      {stanzas.map((stanza, j) => (
        <p key={j} className="lyrics-stanza">
          {stanza.map((line, k) => (
            <span key={k} className="lyrics-line">
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  )
}
