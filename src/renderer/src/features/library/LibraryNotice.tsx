import { useEffect, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useLibraryUiStore } from '../../store/library-ui-store'

const INFO_MS = 6000

/** The result of the last action. Info fades after a while; errors stay until dismissed. */
export function LibraryNotice(): JSX.Element {
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
          <NoticeBox kind="info" text={notice.text} onDismiss={() => dismiss(notice.id)} />
        )}
      </div>
      <div role="alert" className="notice-slot">
        {notice?.kind === 'error' && (
          <NoticeBox kind="error" text={notice.text} onDismiss={() => dismiss(notice.id)} />
        )}
      </div>
    </div>
  )
}

function NoticeBox(props: {
  kind: 'info' | 'error'
  text: string
  onDismiss: () => void
}): JSX.Element {
  const { t } = useTranslation()
  return (
    <div
      className={`notice ${props.kind}`}
      data-testid={props.kind === 'info' ? 'library-notice' : 'library-error-notice'}
    >
      <span>{props.text}</span>
      <button
        type="button"
        className="round-button"
        aria-label={t('library.dismiss')}
        onClick={props.onDismiss}
      >
        ×
      </button>
    </div>
  )
}
