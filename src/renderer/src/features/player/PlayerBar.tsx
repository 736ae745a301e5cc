import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { titleText, takeText } from '../../elements/clip-label-text'
import { Glyph } from '../../elements/Glyph'
import { mediaUrl } from '../../lib/bridge'
import { usePlayerOverlayActions, usePlayerOverlays } from '../../store/player-overlays-store'
import { usePlayerStore } from '../../store/player-store'
import { QueuePanel } from './QueuePanel'
import { SeekBar } from './SeekBar'
import { useDecks } from './useDecks'
import { useMediaBinding } from './useMediaBinding'
import { useNextClip } from './useNextClip'
import { useMediaSession } from './useMediaSession'
import { VolumeControl } from './VolumeControl'
import '../../elements/buttons.css'
import './player.css'
import { modelShort } from '../../../../shared/models'

/** The player bar (cover, transport, seek, volume, queue) and its two <audio> decks: the
 * one that plays and the one that waits with the next clip (gapless, useDecks.ts). */
export function PlayerBar(): JSX.Element {
  const { t } = useTranslation()
  const current = usePlayerStore((s) => s.current)
  const playing = usePlayerStore((s) => s.playing)
  const mode = usePlayerStore((s) => s.mode)
  const shuffle = usePlayerStore((s) => s.shuffle)
  const repeat = usePlayerStore((s) => s.repeat)
  const error = usePlayerStore((s) => s.error)
  const hasQueue = usePlayerStore((s) => s.length > 0)
  const actions = usePlayerStore((s) => s.actions)
  const queueOpen = usePlayerOverlays((s) => s.queueOpen)
  const { toggleQueue } = usePlayerOverlayActions()
  const audio = current !== null && mode === 'audio'
  const nextId = useNextClip()
  const decks = useDecks(audio ? current.id : null, audio ? nextId : null)
  const srcOf = (clipId: string | null): string | null =>
    clipId === null ? null : mediaUrl(clipId, 'audio')
  useMediaBinding(decks.refs[decks.active], srcOf(decks.clips[decks.active]))
  useMediaSession()

  const subtitle = [
    current ? takeText(t, current) : null,
    current?.model ? `Suno · ${modelShort(current.model)}` : 'Suno'
  ]
    .filter(Boolean)
    .join(' · ')
  const repeatLabel = t(`player.repeat.${repeat}`)

  return (
    <section className="player-bar" aria-label={t('player.title')} data-testid="player-bar">
      {([0, 1] as const).map((deck) => {
        const src = srcOf(decks.clips[deck])
        if (src === null) return null
        return (
          <audio
            key={deck}
            ref={decks.refs[deck]}
            src={src}
            preload="auto"
            data-deck={deck}
            data-testid={deck === decks.active ? 'player-audio' : 'player-audio-next'}
          />
        )
      })}
      <div className="player-now">
        {current?.hasCover ? (
          <img className="player-cover" src={mediaUrl(current.id, 'cover')} alt="" />
        ) : (
          <div className="player-cover placeholder" aria-hidden="true">
            <Glyph name="music" size={24} />
          </div>
        )}
        <div className="player-meta">
          <div
            className="player-title"
            data-testid="player-title"
            title={current ? titleText(t, current) : undefined}
          >
            {current ? titleText(t, current) : t('player.nothingPlaying')}
          </div>
          {current && (
            <div className="player-subtitle" data-testid="player-subtitle" title={subtitle}>
              {subtitle}
            </div>
          )}
        </div>
      </div>

      <div className="player-center">
        <div className="transport">
          <button
            type="button"
            className={shuffle ? 'round-button toggled' : 'round-button'}
            aria-pressed={shuffle}
            aria-label={t('player.shuffle')}
            title={t('player.shuffle')}
            onClick={actions.toggleShuffle}
          >
            <Glyph name="shuffle" />
          </button>
          <button
            type="button"
            className="round-button"
            aria-label={t('player.previous')}
            title={t('player.previous')}
            disabled={!current}
            onClick={actions.previous}
          >
            <Glyph name="previous" />
          </button>
          <button
            type="button"
            className="round-button play-button"
            data-testid="play-pause"
            aria-label={playing ? t('player.pause') : t('player.play')}
            title={playing ? t('player.pause') : t('player.play')}
            disabled={!hasQueue}
            onClick={actions.togglePlay}
          >
            <Glyph name={playing ? 'pause' : 'play'} size={24} />
          </button>
          <button
            type="button"
            className="round-button"
            aria-label={t('player.next')}
            title={t('player.next')}
            disabled={!current}
            onClick={actions.next}
          >
            <Glyph name="next" />
          </button>
          <button
            type="button"
            className={repeat === 'off' ? 'round-button repeat' : 'round-button repeat toggled'}
            data-repeat={repeat}
            aria-pressed={repeat !== 'off'}
            aria-label={repeatLabel}
            title={repeatLabel}
            onClick={actions.cycleRepeat}
          >
            <Glyph name="repeat" />
            {repeat === 'one' && (
              <span className="repeat-one" aria-hidden="true">
                1
              </span>
            )}
          </button>
        </div>
        <SeekBar />
        {error && (
          <p className="player-error" role="alert">
            {t(`player.error.${error}`)}
          </p>
        )}
      </div>

      <div className="player-side">
        {current?.hasVideo && (
          <button
            type="button"
            className={mode === 'video' ? 'round-button toggled' : 'round-button'}
            aria-pressed={mode === 'video'}
            aria-label={t('player.video.show')}
            title={t('player.video.show')}
            data-testid="video-toggle"
            onClick={() => actions.setMode(mode === 'video' ? 'audio' : 'video')}
          >
            <Glyph name="video" />
          </button>
        )}
        <VolumeControl />
        <button
          type="button"
          id="queue-toggle"
          className={queueOpen ? 'round-button toggled' : 'round-button'}
          aria-expanded={queueOpen}
          aria-controls="queue-panel"
          aria-label={t('player.queue.toggle')}
          title={t('player.queue.toggle')}
          onClick={toggleQueue}
        >
          <Glyph name="queue" />
        </button>
      </div>
      {queueOpen && <QueuePanel />}
    </section>
  )
}
