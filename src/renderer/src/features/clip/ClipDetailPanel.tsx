import { useCallback, useEffect, useRef, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipDetail } from '../../../../shared/domain'
import { AnimatedCover, useReducedMotion } from '../../elements/AnimatedCover'
import { Cover } from '../../elements/Cover'
import { takeText } from '../../elements/clip-label-text'
import { Glyph } from '../../elements/Glyph'
import { formatClock, formatCount, formatDateTime } from '../../elements/intl-format'
import { useLocale } from '../../hooks/useLocale'
import { mediaUrl } from '../../lib/bridge'
import { useClipStore } from '../../store/clip-store'
import { ClipActions } from './ClipActions'
import { ClipFiles } from './ClipFiles'
import { ClipLineage } from './ClipLineage'
import { ClipLyrics } from './ClipLyrics'
import { ClipNote } from './ClipNote'
import { ClipTitleEditor } from './ClipTitleEditor'
import '../../elements/buttons.css'
import './clip.css'
import { modelLabel } from '../../../../shared/models'

function Facts({ clip }: { clip: ClipDetail }): JSX.Element {
  const { t } = useTranslation()
  const locale = useLocale()
  const model = modelLabel(clip.model) || clip.majorModelVersion || ''
  const rows: [string, string][] = [
    [t('clip.facts.style'), clip.styleTags ?? ''],
    [t('clip.facts.model'), model],
    [t('clip.facts.duration'), clip.durationSec === null ? '' : formatClock(clip.durationSec)],
    [
      t('clip.facts.created'),
      clip.createdAt === null ? '' : formatDateTime(clip.createdAt, locale)
    ],
    [t('clip.facts.added'), formatDateTime(clip.addedAt, locale)],
    [t('clip.facts.plays'), formatCount(clip.plays, locale)],
    [
      t('clip.facts.lastPlayed'),
      clip.lastPlayedAt === null ? '' : formatDateTime(clip.lastPlayedAt, locale)
    ],
    [t('clip.facts.tags'), clip.userTags.join(', ')],
    [t('clip.facts.task'), clip.taskId]
  ]
  return (
    <dl className="clip-facts">
      {rows
        .filter(([, value]) => value !== '')
        .map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  )
}

/** The open clip beside the list: cover, facts, actions, lineage, prompt, lyrics, files. */
export function ClipDetailPanel(): JSX.Element {
  const { t } = useTranslation()
  const reducedMotion = useReducedMotion()
  const detail = useClipStore((s) => s.detail)
  const loading = useClipStore((s) => s.loading)
  const error = useClipStore((s) => s.error)
  const openId = useClipStore((s) => s.openId)
  const focusRequest = useClipStore((s) => s.focusRequest)
  const close = useClipStore((s) => s.actions.close)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const handledFocus = useRef(0)
  const scrollRef = useRef<HTMLElement>(null)
  const current = detail && detail.id === openId ? detail : null

  useEffect(() => {
    if (current && focusRequest > handledFocus.current) {
      handledFocus.current = focusRequest
      headingRef.current?.focus()
    }
  }, [current, focusRequest])
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 })
  }, [current?.id])

  const closePanel = useCallback((): void => {
    const inside = scrollRef.current?.contains(document.activeElement) ?? false
    close()
    if (inside || document.activeElement === document.body) {
      document.getElementById('library-results')?.focus()
    }
  }, [close])
  // Escape closes the panel wherever focus is (the list, the search box, the page), unless
  // something nearer used it: a dialog, the queue or video panel, a suggestion list.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (document.querySelector('[role="dialog"]')) return
      // A search box with text clears first (the browser's own Escape).
      const target = event.target
      if (target instanceof HTMLInputElement && target.type === 'search' && target.value) return
      event.preventDefault()
      closePanel()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [closePanel])

  const shown = current ?? detail
  return (
    <aside
      ref={scrollRef}
      className="clip-panel"
      aria-labelledby="clip-detail-title"
      aria-busy={loading}
      data-testid="clip-detail"
    >
      <div className="clip-panel-bar">
        <span className="muted">{t('clip.title')}</span>
        <button
          type="button"
          className="round-button"
          aria-label={t('clip.close')}
          onClick={closePanel}
        >
          <Glyph name="close" size={18} />
        </button>
      </div>
      {error === 'missing' ? (
        <p id="clip-detail-title" role="alert">
          {t('clip.missing')}
        </p>
      ) : error ? (
        <p id="clip-detail-title" role="alert">
          {t('clip.loadFailed', { message: error })}
        </p>
      ) : !shown ? (
        <p id="clip-detail-title" className="muted">
          {t('app.loading')}
        </p>
      ) : (
        <div className={current ? 'clip-body' : 'clip-body stale'}>
          {shown.hasVideoCover === true && !reducedMotion ? (
            <AnimatedCover
              clipId={shown.id}
              className="clip-cover"
              poster={shown.hasCover ? mediaUrl(shown.id, 'cover') : undefined}
            />
          ) : (
            <Cover
              src={shown.hasCover ? mediaUrl(shown.id, 'cover') : null}
              className="clip-cover"
              eager
            />
          )}
          <ClipTitleEditor key={`title-${shown.id}`} clip={shown} headingRef={headingRef} />
          <p className="clip-take muted" data-testid="clip-take">
            {takeText(t, shown)}
          </p>
          <ClipActions clip={shown} />
          <Facts clip={shown} />
          <ClipNote key={`note-${shown.id}`} clip={shown} />
          <ClipLineage clip={shown} />
          {shown.descriptionPrompt && (
            <section className="clip-section" aria-labelledby="clip-prompt">
              <h3 id="clip-prompt">{t('clip.prompt')}</h3>
              <p className="clip-prompt">{shown.descriptionPrompt}</p>
            </section>
          )}
          <section className="clip-section" aria-labelledby="clip-lyrics-title">
            <h3 id="clip-lyrics-title">{t('clip.lyrics')}</h3>
            {shown.lyrics?.trim() ? (
              <ClipLyrics text={shown.lyrics} />
            ) : (
              <p className="muted">{t('clip.noLyrics')}</p>
            )}
          </section>
          <ClipFiles
            key={shown.id}
            clipId={shown.id}
            files={shown.files}
            generationFailed={shown.generationFailed}
          />
        </div>
      )}
    </aside>
  )
}
