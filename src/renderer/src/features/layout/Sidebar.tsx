import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { ListenNav } from './ListenNav'
import { PlaylistsSection } from '../playlists/PlaylistsSection'
import { useAppActions, useAppStore, type View } from '../../store/app-store'
import { Glyph, type GlyphName } from '../../elements/Glyph'
import { NavButton } from './NavButton'
import { toggleNav, useNavCollapsed } from './nav-collapse'

const items: { view: View; icon: GlyphName }[] = [
  { view: 'library', icon: 'library' },
  { view: 'tasks', icon: 'tasks' },
  { view: 'settings', icon: 'settings' }
]

export function Sidebar(): JSX.Element {
  const { t } = useTranslation()
  const view = useAppStore((s) => s.view)
  const info = useAppStore((s) => s.info)
  const { setView } = useAppActions()
  const collapsed = useNavCollapsed()
  const toggleLabel = collapsed ? t('layout.expandNav') : t('layout.collapseNav')
  return (
    <nav className="sidebar" aria-label={t('nav.sectionMain')}>
      <div className="brand-row">
        <div className="brand">{collapsed ? t('app.name').slice(0, 1) : t('app.name')}</div>
        <button
          type="button"
          className="nav-toggle"
          aria-label={toggleLabel}
          aria-expanded={!collapsed}
          title={toggleLabel}
          data-testid="nav-toggle"
          onClick={toggleNav}
        >
          <Glyph name={collapsed ? 'expand' : 'collapse'} size={18} />
        </button>
      </div>
      <ul>
        {items.map((item) => (
          <li key={item.view}>
            <NavButton
              icon={item.icon}
              label={t(`nav.${item.view}`)}
              active={item.view === view}
              onClick={() => setView(item.view)}
            />
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
