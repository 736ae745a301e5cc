import { useRef, type JSX, type KeyboardEvent, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { labelText } from '../../elements/clip-label-text'
import { ClipTitle } from '../../elements/ClipTitle'
import { Glyph } from '../../elements/Glyph'
import { mediaUrl } from '../../lib/bridge'
import { listen } from '../../lib/listen'
import { usePlayerStore } from '../../store/player-store'
import { useMediaBinding } from './useMediaBinding'
import { usePanelGeometry, type PanelBounds } from './video-geometry'

const MOVE_STEP = 16
const RESIZE_STEP = 24

/** Video mode: the clip's mp4 in a floating panel. The player bar keeps controlling it
 * (the panel's <video> becomes the active media element); native controls are there too,
 * and full screen. The header moves the panel and the corner resizes it (pointer or arrow
 * keys); the place is remembered and kept inside the window (video-geometry.ts). */
export function VideoPanel(): JSX.Element | null {
  const { t } = useTranslation()
  const current = usePlayerStore((s) => s.current)
  const mode = usePlayerStore((s) => s.mode)
  const { setMode } = usePlayerStore((s) => s.actions)
  const videoRef = useRef<HTMLVideoElement>(null)
  const panelRef = useRef<HTMLElement>(null)
  const { bounds, change } = usePanelGeometry(panelRef)
  const src = current && mode === 'video' ? mediaUrl(current.id, 'video') : null
  useMediaBinding(videoRef, src)
  if (!current || !src) return null

  /** Follows the pointer from where it went down until it is released. */
  const dragWith =
    (apply: (start: PanelBounds, dx: number, dy: number) => PanelBounds) =>
    (event: PointerEvent<HTMLElement>): void => {
      if (event.button !== 0) return
      // The header's own buttons (full screen, close) are not handles.
      const button = event.target instanceof Element ? event.target.closest('button') : null
      if (button && button !== event.currentTarget && !button.classList.contains('video-grip'))
        return
      const box = event.currentTarget.closest('.video-panel')?.getBoundingClientRect()
      if (!box) return
      event.preventDefault()
      const start = { x: box.left, y: box.top, width: box.width }
      const origin = { x: event.clientX, y: event.clientY }
      const handle = event.currentTarget
      handle.setPointerCapture(event.pointerId)
      const move = (e: globalThis.PointerEvent, remember: boolean): void =>
        change(() => apply(start, e.clientX - origin.x, e.clientY - origin.y), remember)
      const onUp = (e: globalThis.PointerEvent): void => {
        move(e, true)
        unlisten()
      }
      const unlisten = listen<HTMLElementEventMap>(handle, {
        pointermove: (e) => move(e, false),
        pointerup: onUp,
        pointercancel: onUp
      })
    }

  const arrows =
    (apply: (from: PanelBounds, dx: number, dy: number) => PanelBounds, step: number) =>
    (event: KeyboardEvent<HTMLElement>): void => {
      const delta: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, -step],
        ArrowDown: [0, step]
      }
      const d = delta[event.key]
      if (!d) return
      event.preventDefault()
      event.stopPropagation()
      change((from) => apply(from, d[0], d[1]), true)
    }

  const moveBy = (from: PanelBounds, dx: number, dy: number): PanelBounds => ({
    ...from,
    x: from.x + dx,
    y: from.y + dy
  })
  const resizeBy = (from: PanelBounds, dx: number): PanelBounds => ({
    ...from,
    width: from.width + dx
  })

  const fullscreen = (): void => {
    const video = videoRef.current
    if (video && typeof video.requestFullscreen === 'function') {
      void video.requestFullscreen().catch(() => undefined)
    }
  }

  return (
    <section
      ref={panelRef}
      className={bounds ? 'video-panel placed' : 'video-panel'}
      style={bounds ? { left: bounds.x, top: bounds.y, width: bounds.width } : undefined}
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
      <header className="video-header" data-testid="video-header" onPointerDown={dragWith(moveBy)}>
        <button
          type="button"
          className="round-button video-grip"
          aria-label={t('layout.videoMove')}
          title={t('layout.videoMove')}
          onKeyDown={arrows(moveBy, MOVE_STEP)}
        >
          <Glyph name="drag" size={16} />
        </button>
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
      <button
        type="button"
        className="video-resize"
        aria-label={t('layout.videoResize')}
        title={t('layout.videoResize')}
        data-testid="video-resize"
        onPointerDown={dragWith((start, dx) => resizeBy(start, dx))}
        onKeyDown={arrows((from, dx, dy) => resizeBy(from, dx - dy), RESIZE_STEP)}
      />
    </section>
  )
}
