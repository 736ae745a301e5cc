import { useEffect, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { MiniPlayerCommand, MiniPlayerState } from '../../../../shared/mini-player'
import { Cover } from '../../elements/Cover'
import { Glyph } from '../../elements/Glyph'
import { takeText } from '../../elements/clip-label-text'
import { useBridgeEvent } from '../../hooks/useBridgeEvent'
import { call, mediaUrl } from '../../lib/bridge'
import { useFollowPreferences } from './useFollowPreferences'
import '../../elements/buttons.css'
import './mini-window.css'

// The mini player window's page (`?view=mini`, issue 15): the song the main window plays,
// with previous, play/pause, next and a seek bar. It holds no audio: it shows the state the
// main window publishes and sends it commands, through the same relay in Electron (main
// routes both) and in preview:web (the preview's event stream reaches every page).

const send = (command: MiniPlayerCommand): void =>
  void call('sendPlayerCommand', command).catch(() => undefined)

const HELLO_EVERY_MS = 1000
const HELLO_TRIES = 30

export function clock(sec: number): string {
  const s = Math.max(0, Math.floor(sec))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** Back to the main window: closes this one (the desktop app brings the main one
 * forward). In a browser tab the page just closes itself if it can. */
function backToMain(): void {
  void call('setMiniPlayer', { open: false }).catch(() => window.close())
}

export function MiniWindow(): JSX.Element {
  const { t } = useTranslation()
  const [state, setState] = useState<MiniPlayerState | null>(null)
  /** The seek bar's value while it is being dragged. */
  const [dragging, setDragging] = useState<number | null>(null)
  useBridgeEvent('player-state', setState)
  useFollowPreferences()
  const known = state !== null
  // Ask for the state until it comes: in preview:web the event stream may connect after
  // the first answer went out (Electron's IPC listener is there before the first call).
  useEffect(() => {
    if (known) return
    send({ command: 'hello' })
    let tries = 0
    const timer = setInterval(() => {
      if (++tries <= HELLO_TRIES) send({ command: 'hello' })
    }, HELLO_EVERY_MS)
    return () => clearInterval(timer)
  }, [known])
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const mod = event.ctrlKey || event.metaKey
      if (mod && event.shiftKey && event.key.toLowerCase() === 'm') {
        event.preventDefault()
        backToMain()
      } else if (event.key === ' ' && !(event.target instanceof HTMLInputElement)) {
        event.preventDefault()
        send({ command: 'toggle' })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  const clip = state?.clip ?? null
  const duration = state?.duration ?? 0
  const position = dragging ?? Math.min(state?.position ?? 0, duration)
  const seekTo = (sec: number): void => {
    setDragging(null)
    send({ command: 'seek', sec })
  }
  return (
    <main
      className="mini-window"
      aria-label={t('living.mini.title')}
      data-testid="mini-window"
      onDoubleClick={(event) => {
        // The drag area (not a control) goes back to the main window.
        if (!(event.target as HTMLElement).closest('button, input')) backToMain()
      }}
    >
      <Cover
        src={clip?.hasCover ? mediaUrl(clip.id, 'cover') : null}
        size={72}
        className="mini-window-cover"
        eager
      />
      <div className="mini-window-body">
        <div className="mini-window-head">
          <div className="mini-window-title" data-testid="mini-window-title">
            {clip ? (
              <>
                <span className="mini-window-title-text">
                  {clip.title || t('library.untitled')}
                </span>{' '}
                <span className="take-mark" data-testid="mini-window-take">
                  {takeText(t, clip)}
                </span>
              </>
            ) : (
              t('player.nothingPlaying')
            )}
          </div>
          <button
            type="button"
            className="round-button mini-window-back"
            aria-label={t('miniWindow.back')}
            title={t('miniWindow.backHint')}
            data-testid="mini-window-back"
            onClick={backToMain}
          >
            <Glyph name="close" size={14} />
          </button>
        </div>
        <div className="mini-window-controls">
          <button
            type="button"
            className="round-button"
            disabled={state?.hasPrevious !== true}
            aria-label={t('player.previous')}
            data-testid="mini-window-previous"
            onClick={() => send({ command: 'previous' })}
          >
            <Glyph name="previous" size={16} />
          </button>
          <button
            type="button"
            className="round-button"
            disabled={clip === null}
            aria-label={state?.playing ? t('player.pause') : t('player.play')}
            data-testid="mini-window-play"
            data-playing={state?.playing === true}
            onClick={() => send({ command: 'toggle' })}
          >
            <Glyph name={state?.playing ? 'pause' : 'play'} size={16} />
          </button>
          <button
            type="button"
            className="round-button"
            disabled={state?.hasNext !== true}
            aria-label={t('player.next')}
            data-testid="mini-window-next"
            onClick={() => send({ command: 'next' })}
          >
            <Glyph name="next" size={16} />
          </button>
          <input
            type="range"
            className="mini-window-seek"
            aria-label={t('player.seek')}
            aria-valuetext={`${clock(position)} / ${clock(duration)}`}
            data-testid="mini-window-seek"
            min={0}
            max={duration > 0 ? duration : 1}
            step={0.1}
            value={position}
            disabled={clip === null || duration <= 0}
            onChange={(event) => setDragging(Number(event.currentTarget.value))}
            onPointerUp={(event) => seekTo(Number(event.currentTarget.value))}
            onKeyUp={(event) => seekTo(Number(event.currentTarget.value))}
          />
          <span className="mini-window-time" data-testid="mini-window-time">
            {clock(position)} / {clock(duration)}
          </span>
        </div>
      </div>
    </main>
  )
}
