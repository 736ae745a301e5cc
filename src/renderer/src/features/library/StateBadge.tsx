import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipRow } from '../../../../shared/domain'
import { Glyph } from '../../elements/Glyph'
import { rowState, rowView } from './row-view'
import './state-badge.css'

/** The one mark for a clip that is not simply on disk, the same on rows and cards: a failed
 * generation says so (no file will ever arrive), otherwise the download state. */
export function StateBadge({ row }: { row: ClipRow }): JSX.Element | null {
  const { t } = useTranslation()
  const state = rowState(row)
  if (state === null) return null
  return (
    <span className={`state-mark state-${state}`} data-testid="state-badge">
      {state === 'generation-failed'
        ? t('library.generationFailed')
        : t(`library.downloadState.${state}`)}
    </span>
  )
}

/** Every mark a row and a card show after the title: playing, favourite, state, video. */
export function RowMarks({ row, playing }: { row: ClipRow; playing: boolean }): JSX.Element {
  const { t } = useTranslation()
  const view = rowView(row)
  return (
    <>
      {playing && (
        <span className="playing-mark" role="img" aria-label={t('library.nowPlaying')}>
          <Glyph name="volume" size={14} />
        </span>
      )}
      {view.favorite && (
        <span className="fav-mark" role="img" aria-label={t('library.favorite')}>
          ♥
        </span>
      )}
      <StateBadge row={row} />
      {view.video && (
        <span
          className="video-mark"
          role="img"
          aria-label={t('gestures.hasVideo')}
          title={t('gestures.hasVideo')}
          data-testid="video-badge"
        >
          <Glyph name="video" size={14} />
        </span>
      )}
    </>
  )
}
