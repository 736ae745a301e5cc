import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipRow } from '../../../../shared/domain'
import './state-badge.css'

/** The one mark for a clip that is not simply on disk, the same on rows and cards: a failed
 * generation says so (no file will ever arrive), otherwise the download state. */
export function StateBadge({ row }: { row: ClipRow }): JSX.Element | null {
  const { t } = useTranslation()
  if (row.generationFailed) {
    return (
      <span className="state-mark state-generation-failed" data-testid="state-badge">
        {t('library.generationFailed')}
      </span>
    )
  }
  if (row.downloadState === 'done') return null
  return (
    <span className={`state-mark state-${row.downloadState}`} data-testid="state-badge">
      {t(`library.downloadState.${row.downloadState}`)}
    </span>
  )
}
