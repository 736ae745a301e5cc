import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { Glyph } from '../../elements/Glyph'
import { formatPercent } from '../../elements/intl-format'
import { useLocale } from '../../hooks/useLocale'
import { usePlayerStore } from '../../store/player-store'

export function VolumeControl(): JSX.Element {
  const { t } = useTranslation()
  const locale = useLocale()
  const volume = usePlayerStore((s) => s.volume)
  const muted = usePlayerStore((s) => s.muted)
  const { setVolume, toggleMute } = usePlayerStore((s) => s.actions)
  const silent = muted || volume === 0
  return (
    <div className="volume">
      <button
        type="button"
        className="round-button"
        aria-pressed={muted}
        aria-label={muted ? t('player.unmute') : t('player.mute')}
        title={muted ? t('player.unmute') : t('player.mute')}
        onClick={toggleMute}
      >
        <Glyph name={silent ? 'muted' : 'volume'} />
      </button>
      <input
        type="range"
        className="volume-slider"
        min={0}
        max={1}
        step={0.05}
        value={muted ? 0 : volume}
        aria-label={t('player.volume')}
        aria-valuetext={formatPercent(muted ? 0 : volume, locale)}
        onChange={(event) => setVolume(Number(event.currentTarget.value))}
      />
    </div>
  )
}
