import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppActions, useAppStore } from '../../store/app-store'

export function LibraryView(): JSX.Element {
  const { t } = useTranslation()
  const info = useAppStore((s) => s.info)
  const { setView } = useAppActions()
  return (
    <section className="library">
      <h1>{t('library.title')}</h1>
      <div className="empty-state" data-testid="library-empty">
        <h2>{t('library.emptyTitle')}</h2>
        <p>{t('library.emptyBody')}</p>
        <button type="button" className="primary" onClick={() => setView('tasks')}>
          {t('library.emptyAction')}
        </button>
      </div>
      {info && (
        <dl className="app-info" data-testid="app-info">
          <dt>{t('library.infoFolder')}</dt>
          <dd data-testid="library-dir">{info.libraryDir}</dd>
          <dt>{t('library.infoData')}</dt>
          <dd data-testid="data-dir">{info.dataDir}</dd>
        </dl>
      )}
    </section>
  )
}
