import { useEffect, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipDetail } from '../../../../shared/domain'
import { modelShort } from '../../../../shared/models'
import { ClipTitle } from '../../elements/ClipTitle'
import { Cover } from '../../elements/Cover'
import { call, mediaUrl } from '../../lib/bridge'
import { usePlayerStore } from '../../store/player-store'
import { QueuePanel } from '../player/QueuePanel'
import { familyIds, familyRows } from './family'
import { NowPlayingLyrics } from './NowPlayingLyrics'
import '../clip/clip.css'
import './now-playing.css'

/** The song that is playing, large: cover, title and take, style, model, the lyrics
 * following its sections, its family, and the queue beside it. */
export function NowPlayingView(): JSX.Element {
  const { t } = useTranslation()
  const current = usePlayerStore((s) => s.current)
  const [detail, setDetail] = useState<ClipDetail | null>(null)
  const id = current?.id ?? null
  useEffect(() => {
    if (!id) return
    let live = true
    call('getClip', { id }).then(
      (clip) => live && setDetail(clip),
      () => live && setDetail(null)
    )
    return () => {
      live = false
    }
  }, [id])
  const shown = detail && detail.id === id ? detail : null

  if (!current) {
    return (
      <section className="now-playing empty" aria-labelledby="now-playing-heading">
        <h1 id="now-playing-heading">{t('living.nav.nowPlaying')}</h1>
        <p className="muted">{t('living.nowPlaying.nothing')}</p>
      </section>
    )
  }
  const family = shown ? familyIds(shown) : []
  return (
    <section
      className="now-playing"
      aria-labelledby="now-playing-heading"
      data-testid="now-playing"
    >
      <div className="now-playing-main">
        <Cover
          src={current.hasCover ? mediaUrl(current.id, 'cover') : null}
          size={280}
          className="now-playing-cover"
        />
        <div className="now-playing-facts">
          <h1 id="now-playing-heading" data-testid="now-playing-title">
            <ClipTitle clip={current} className="now-playing-title-text" />
          </h1>
          {current.styleTags && <p className="now-playing-style">{current.styleTags}</p>}
          {current.model && (
            <p className="muted">
              {t('living.nowPlaying.model', { model: modelShort(current.model) })}
            </p>
          )}
          {family.length > 1 && shown && (
            <div className="now-playing-family" data-testid="now-playing-family">
              <span className="muted">
                {t('living.nowPlaying.family', { count: family.length })}
              </span>
              <button
                type="button"
                onClick={() =>
                  void familyRows(shown).then((rows) => {
                    const at = rows.findIndex((row) => row.id === shown.id)
                    if (rows.length > 0) {
                      usePlayerStore.getState().actions.playList(rows, Math.max(0, at))
                    }
                  })
                }
              >
                {t('living.nowPlaying.playFamily')}
              </button>
            </div>
          )}
        </div>
        <NowPlayingLyrics text={shown?.lyrics ?? null} />
      </div>
      <aside className="now-playing-queue" aria-label={t('player.queue.title')}>
        <QueuePanel />
      </aside>
    </section>
  )
}
