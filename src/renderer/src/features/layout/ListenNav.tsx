import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppActions, useAppStore, type View } from '../../store/app-store'

const items: { view: View; label: string }[] = [
  { view: 'nowPlaying', label: 'living.nav.nowPlaying' },
  { view: 'history', label: 'living.nav.history' }
]

/** The sidebar's listening places (issue 15): what is playing and what has been played. */
export function ListenNav(): JSX.Element {
  const { t } = useTranslation()
  const view = useAppStore((s) => s.view)
  const { setView, setCompact } = useAppActions()
  return (
    <ul className="listen-nav">
      {items.map((item) => (
        <li key={item.view}>
          <button
            type="button"
            className={item.view === view ? 'nav-item active' : 'nav-item'}
            aria-current={item.view === view ? 'page' : undefined}
            onClick={() => setView(item.view)}
          >
            {t(item.label)}
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="nav-item" onClick={() => setCompact(true)}>
          {t('living.mini.open')}
        </button>
      </li>
    </ul>
  )
}
