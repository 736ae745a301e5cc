import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CROSSFADE_CHOICES,
  usePlaybackPrefs,
  type CrossfadeSec
} from '../../store/playback-prefs-store'

/** Playback between songs: always gapless, with an optional short crossfade (issue 15). */
export function PlaybackSection(): JSX.Element {
  const { t } = useTranslation()
  const crossfadeSec = usePlaybackPrefs((s) => s.crossfadeSec)
  const setCrossfade = usePlaybackPrefs((s) => s.setCrossfade)
  return (
    <section className="settings-section" aria-labelledby="settings-playback">
      <h2 id="settings-playback">{t('player.playback.title')}</h2>
      <p className="hint">{t('player.playback.hint')}</p>
      <div className="setting">
        <div className="setting-head">
          <label htmlFor="setting-crossfade">{t('player.playback.crossfade')}</label>
        </div>
        <select
          id="setting-crossfade"
          data-testid="setting-crossfade"
          value={String(crossfadeSec)}
          onChange={(event) => setCrossfade(Number(event.currentTarget.value) as CrossfadeSec)}
        >
          {CROSSFADE_CHOICES.map((sec) => (
            <option key={sec} value={String(sec)}>
              {sec === 0 ? t('player.playback.off') : t('player.playback.seconds', { count: sec })}
            </option>
          ))}
        </select>
      </div>
    </section>
  )
}
