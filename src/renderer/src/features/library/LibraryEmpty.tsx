import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store/app-store'

/** A library without a single clip says what to do next (add task ids); a library that
 * could not be read says so, with a retry, instead of pretending to be empty. */
export function LibraryEmpty({
  error,
  onRetry
}: {
  error: string | null
  onRetry: () => void
}): JSX.Element {
  const { t } = useTranslation()
  const info = useAppStore((s) => s.info)
  return (
    <section className="library library-empty-view" aria-labelledby="library-empty-title">
      <h1>{t('library.title')}</h1>
      {error ? (
        <div className="empty-state" role="alert" data-testid="library-load-error">
          <h2 id="library-empty-title">{t('library.loadFailedTitle')}</h2>
          <p>{error}</p>
          <button type="button" className="primary" onClick={onRetry}>
            {t('library.retry')}
          </button>
        </div>
      ) : (
        <div className="empty-state" data-testid="library-empty">
          <h2 id="library-empty-title">{t('library.emptyTitle')}</h2>
          <p>{t('library.emptyBody')}</p>
          <button
            type="button"
            className="primary"
            onClick={() => useAppStore.getState().actions.setView('tasks')}
          >
            {t('library.emptyAction')}
          </button>
        </div>
      )}
      {info && (
        <dl className="app-info" data-testid="app-info">
          <dt>{t('library.infoFolder')}</dt>
          <dd data-testid="library-dir">{info.libraryDir}</dd>
          <dt>{t('library.infoData')}</dt>
          <dd data-testid="data-dir">{info.dataDir}</dd>
        </dl>
      )}
      {info && !info.libraryAvailable && (
        <p role="alert" className="load-error">
          {t('library.unavailable')}
        </p>
      )}
    </section>
  )
}
