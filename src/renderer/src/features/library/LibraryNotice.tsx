import { useEffect, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useLibraryUiStore } from '../../store/library-ui-store'

const INFO_MS = 6000

/** The result of the last action. Info fades after a while; errors stay until dismissed. */
export function LibraryNotice(): JSX.Element {
  const { t } = useTranslation()
  const notice = useLibraryUiStore((s) => s.notice)
  const dismiss = useLibraryUiStore((s) => s.actions.dismissNotice)
  useEffect(() => {
    if (!notice || notice.kind !== 'info') return
    const timer = setTimeout(() => dismiss(notice.id), INFO_MS)
    return () => clearTimeout(timer)
  }, [notice, dismiss])
  // The live regions exist before their text does, so screen readers announce it.
  return (
    <div className="library-notices">
      <div role="status" className="notice-slot">
        {notice?.kind === 'info' && (
          <div className="notice info" data-testid="library-notice">
            <span>{notice.text}</span>
            <button
              type="button"
              className="round-button"
              aria-label={t('library.dismiss')}
              onClick={() => dismiss(notice.id)}
            >
              ×
            </button>
          </div>
        )}
      </div>
      <div role="alert" className="notice-slot">
        {notice?.kind === 'error' && (
          <div className="notice error" data-testid="library-error-notice">
            <span>{notice.text}</span>
            <button
              type="button"
              className="round-button"
              aria-label={t('library.dismiss')}
              onClick={() => dismiss(notice.id)}
            >
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  )
}
