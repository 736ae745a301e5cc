import { useEffect, useMemo, useRef, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { usePlayerStore } from '../../store/player-store'
import { parseLyrics } from '../clip/lyrics'
import { LyricsStanzas } from '../clip/ClipLyrics'
import { sectionAt } from './follow-sections'

/** The lyrics with the section being sung highlighted, followed by proportion of the
 * song's length (there is no timing data), and a line that says so. */
export function NowPlayingLyrics({ text }: { text: string | null }): JSX.Element {
  const { t } = useTranslation()
  const sections = useMemo(() => parseLyrics(text), [text])
  const current = usePlayerStore((s) => sectionAt(sections, s.position, s.duration))
  const boxRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const section = boxRef.current?.querySelector<HTMLElement>(`[data-section="${current}"]`)
    // jsdom has no scrollIntoView; browsers do.
    section?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' })
  }, [current])
  if (sections.length === 0) {
    return <p className="muted now-playing-no-lyrics">{t('living.nowPlaying.noLyrics')}</p>
  }
  return (
    <div className="now-playing-lyrics" ref={boxRef} data-testid="now-playing-lyrics">
      <p className="muted small now-playing-follow-note">{t('living.nowPlaying.followNote')}</p>
      {sections.map((section, i) => (
        <div
          key={i}
          data-section={i}
          data-testid="lyrics-section"
          className={`lyrics-section${i === current ? ' current' : ''}`}
          aria-current={i === current ? 'true' : undefined}
        >
          {section.heading !== null && <h3 className="lyrics-heading">{section.heading}</h3>}
          <LyricsStanzas stanzas={section.stanzas} />
        </div>
      ))}
    </div>
  )
}
