import { useState, type CSSProperties, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { formatClock, formatSpokenDuration } from '../../elements/intl-format'
import { useLocale } from '../../hooks/useLocale'
import { usePlayerStore } from '../../store/player-store'

/** A real range input: arrow keys, Home/End and Page keys seek natively; dragging shows
 * the target and seeks when released (seeking on every pixel would fire a Range request
 * per pixel). */
export function SeekBar(): JSX.Element {
  const { t } = useTranslation()
  const locale = useLocale()
  const position = usePlayerStore((s) => s.position)
  const duration = usePlayerStore((s) => s.duration)
  const hasTrack = usePlayerStore((s) => s.current !== null)
  const { seek } = usePlayerStore((s) => s.actions)
  const [drag, setDrag] = useState<number | null>(null)
  const [pointerDown, setPointerDown] = useState(false)

  const max = duration > 0 ? duration : 0
  const shown = drag ?? Math.min(position, max || position)
  const commit = (): void => {
    if (drag !== null) seek(drag)
    setDrag(null)
    setPointerDown(false)
  }

  return (
    <div className="seek">
      <span className="seek-time" data-testid="player-position">
        {formatClock(hasTrack ? shown : null)}
      </span>
      <input
        type="range"
        className="seek-slider"
        data-testid="seek-slider"
        min={0}
        max={max}
        step="any"
        value={shown}
        disabled={!hasTrack || max === 0}
        aria-label={t('player.seek')}
        aria-valuetext={t('player.seekValue', {
          position: formatSpokenDuration(shown, locale),
          duration: formatSpokenDuration(max, locale)
        })}
        style={{ '--seek-fill': max > 0 ? `${(shown / max) * 100}%` : '0%' } as CSSProperties}
        onPointerDown={() => setPointerDown(true)}
        onPointerUp={commit}
        onPointerCancel={commit}
        onChange={(event) => {
          const value = Number(event.currentTarget.value)
          if (pointerDown) setDrag(value)
          else seek(value)
        }}
        onBlur={() => drag !== null && commit()}
      />
      <span className="seek-time" data-testid="player-duration">
        {formatClock(hasTrack && max > 0 ? max : null)}
      </span>
    </div>
  )
}
