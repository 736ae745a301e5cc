import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { ListenNav } from './ListenNav'
import { PlaylistsSection } from '../playlists/PlaylistsSection'
import { useAppActions, useAppStore, type View } from '../../store/app-store'

const items: View[] = ['library', 'tasks', 'settings']

export function Sidebar(): JSX.Element {
  const { t } = useTranslation()
  const view = useAppStore((s) => s.view)
  const info = useAppStore((s) => s.info)
  const { setView } = useAppActions()
  return (
    <nav className="sidebar" aria-label={t('nav.sectionMain')}>
      <div className="brand">{t('app.name')}</div>
      <ul>
        {items.map((item) => (
          <li key={item}>
            <button
              type="button"
              className={item === view ? 'nav-item active' : 'nav-item'}
              aria-current={item === view ? 'page' : undefined}
              onClick={() => setView(item)}
            >
              {t(`nav.${item}`)}
            </button>
          </li>
        ))}
      </ul>
      <ListenNav />
      <PlaylistsSection />
      {info && (
        <footer className="about" data-testid="app-version">
          {t('about.version', { version: info.version })}
        </footer>
      )}
    </nav>
  )
}
