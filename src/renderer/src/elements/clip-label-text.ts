import type { TFunction } from 'i18next'
import { displayTitle, takeMark, type LabelSource } from '../../../shared/clip-label'

// The words of a clip's name, for places that take plain text (aria-labels, tooltips, the
// OS media controls). ClipTitle renders the same words as marked-up parts.

/** "take 1/2", or "#a06015d0" when the take is unknown. */
export function takeText(t: TFunction, clip: LabelSource): string {
  const mark = takeMark(clip)
  if (mark.kind === 'id') return t('gestures.shortId', { id: mark.shortId })
  return mark.of === null
    ? t('gestures.take', { take: mark.take })
    : t('gestures.takeOf', { take: mark.take, of: mark.of })
}

/** The shown title ("Untitled" when there is none). */
export function titleText(t: TFunction, clip: LabelSource): string {
  return displayTitle(clip) || t('library.untitled')
}

/** "City Lights (take 1/2)": the title and which take it is, in one string. */
export function labelText(t: TFunction, clip: LabelSource): string {
  return t('gestures.titleWithMark', { title: titleText(t, clip), mark: takeText(t, clip) })
}
