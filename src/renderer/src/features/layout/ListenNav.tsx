import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppActions, useAppStore, type View } from '../../store/app-store'
import type { GlyphName } from '../../elements/Glyph'
import { NavButton } from './NavButton'
import { openMiniPlayer } from '../mini-window/open-mini-player'

const items: { view: View; label: string; icon: GlyphName }[] = [
  { view: 'nowPlaying', label: 'living.nav.nowPlaying', icon: 'nowPlaying' },
  { view: 'history', label: 'living.nav.history', icon: 'history' }
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
          <NavButton
            icon={item.icon}
            label={t(item.label)}
            active={item.view === view}
            onClick={() => setView(item.view)}
          />
        </li>
      ))}
      <li>
        <NavButton
          icon="mini"
          label={t('living.mini.open')}
          onClick={() => void openMiniPlayer(() => setCompact(true))}
        />
      </li>
    </ul>
  )
}
