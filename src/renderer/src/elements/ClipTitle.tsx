import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { takeMark, type LabelSource } from '../../../shared/clip-label'
import { takeText, titleText } from './clip-label-text'
import './clip-title.css'

interface ClipTitleProps {
  clip: LabelSource
  /** Class of the title text (layouts style it: `title-text`, `queue-title-text`…). */
  className?: string
}

/** A clip's title with which take it is beside it, the same in every place a title
 * appears (list, grid, queue, player, detail, lineage). */
export function ClipTitle({ clip, className = 'title-text' }: ClipTitleProps): JSX.Element {
  const { t } = useTranslation()
  const mark = takeMark(clip)
  return (
    <>
      <span className={className}>{titleText(t, clip)}</span>{' '}
      <span
        className={mark.kind === 'id' ? 'take-mark take-id' : 'take-mark'}
        data-testid="take-mark"
        title={mark.kind === 'id' ? t('gestures.shortIdHint', { id: clip.id }) : undefined}
      >
        {takeText(t, clip)}
      </span>
    </>
  )
}
