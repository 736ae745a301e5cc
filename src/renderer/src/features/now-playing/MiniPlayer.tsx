import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { ClipTitle } from '../../elements/ClipTitle'
import { Cover } from '../../elements/Cover'
import { mediaUrl } from '../../lib/bridge'
import { useAppActions } from '../../store/app-store'
import { usePlayerStore } from '../../store/player-store'
import './now-playing.css'

/** The mini player (compact mode): the playing song's cover and title above the player
 * bar, which stays mounted so playback never stops when switching modes. */
export function MiniPlayer(): JSX.Element {
  const { t } = useTranslation()
  const current = usePlayerStore((s) => s.current)
  const { setCompact } = useAppActions()
  return (
    <section className="mini-player" aria-label={t('living.mini.title')} data-testid="mini-player">
      <Cover
        src={current?.hasCover ? mediaUrl(current.id, 'cover') : null}
        size={96}
        className="mini-cover"
      />
      <div className="mini-meta">
        <div className="mini-title" data-testid="mini-title">
          {current ? <ClipTitle clip={current} /> : t('player.nothingPlaying')}
        </div>
        <button type="button" className="text-button" onClick={() => setCompact(false)}>
          {t('living.mini.expand')}
        </button>
      </div>
    </section>
  )
}
