import { useEffect, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'

/** How long "Saved." stays beside the field before it is gone (it fades out meanwhile). */
const SHOWN_MS = 2600

/** "Saved." beside the field that changed, fading away (issue 13, defect 6). `at` is when
 * the save finished; a new value shows it again. */
export function SavedMark({ at }: { at: number | null }): JSX.Element | null {
  const { t } = useTranslation()
  const [hiddenAt, setHiddenAt] = useState<number | null>(null)
  useEffect(() => {
    if (at === null) return
    const timer = setTimeout(() => setHiddenAt(at), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [at])
  if (at === null || hiddenAt === at) return null
  return (
    <span key={at} className="saved-mark" role="status" data-testid="saved-mark">
      {t('settings.saved')}
    </span>
  )
}
