import { useRef, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { labelText } from '../../elements/clip-label-text'
import { ClipTitle } from '../../elements/ClipTitle'
import { Glyph } from '../../elements/Glyph'
import { mediaUrl } from '../../lib/bridge'
import { usePlayerStore } from '../../store/player-store'
import { useMediaBinding } from './useMediaBinding'

/** Video mode: the clip's mp4 in a floating panel. The player bar keeps controlling it
 * (the panel's <video> becomes the active media element); native controls are there too,
 * and full screen. */
export function VideoPanel(): JSX.Element | null {
  const { t } = useTranslation()
  const current = usePlayerStore((s) => s.current)
  const mode = usePlayerStore((s) => s.mode)
  const { setMode } = usePlayerStore((s) => s.actions)
  const videoRef = useRef<HTMLVideoElement>(null)
  const src = current && mode === 'video' ? mediaUrl(current.id, 'video') : null
  useMediaBinding(videoRef, src)
  if (!current || !src) return null

  const fullscreen = (): void => {
    const video = videoRef.current
    if (video && typeof video.requestFullscreen === 'function') {
      void video.requestFullscreen().catch(() => undefined)
    }
  }

  return (
    <section
      className="video-panel"
      aria-label={t('player.video.title')}
      data-testid="video-panel"
      onKeyDown={(event) => {
        // Escape inside the panel goes back to audio (full screen handles its own Escape).
        if (event.key === 'Escape' && !document.fullscreenElement) {
          event.stopPropagation()
          setMode('audio')
        }
      }}
    >
      <header className="video-header">
        <h2 className="video-title" title={labelText(t, current)}>
          <ClipTitle clip={current} className="video-title-text" />
        </h2>
        <button
          type="button"
          className="round-button"
          aria-label={t('player.video.fullscreen')}
          title={t('player.video.fullscreen')}
          onClick={fullscreen}
        >
          <Glyph name="fullscreen" />
        </button>
        <button
          type="button"
          className="round-button"
          aria-label={t('player.video.close')}
          title={t('player.video.close')}
          onClick={() => setMode('audio')}
        >
          <Glyph name="close" />
        </button>
      </header>
      <video
        ref={videoRef}
        className="video-element"
        src={src}
        preload="metadata"
        controls
        playsInline
        poster={current.hasCover ? mediaUrl(current.id, 'cover') : undefined}
        data-testid="player-video"
        onDoubleClick={fullscreen}
      />
    </section>
  )
}
