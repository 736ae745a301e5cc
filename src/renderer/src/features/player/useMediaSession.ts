import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { labelText } from '../../elements/clip-label-text'
import { mediaUrl } from '../../lib/bridge'
import { activeMediaElement } from './media-element'
import { usePlayerStore } from '../../store/player-store'

const SKIP_SEC = 10

type Handler = [MediaSessionAction, MediaSessionActionHandler]

function session(): MediaSession | null {
  return typeof navigator !== 'undefined' && 'mediaSession' in navigator
    ? navigator.mediaSession
    : null
}

/** Reports position to the OS (lock screen, media overlay); it extrapolates between calls
 * from the playback rate, so updating on play/pause/seek/duration is enough. */
export function syncPositionState(): void {
  const ms = session()
  if (!ms || typeof ms.setPositionState !== 'function') return
  const { duration, position, current } = usePlayerStore.getState()
  try {
    if (!current || !(duration > 0)) ms.setPositionState()
    else {
      const rate = activeMediaElement()?.playbackRate ?? 1
      ms.setPositionState({
        duration,
        position: Math.min(Math.max(0, position), duration),
        playbackRate: rate > 0 ? rate : 1
      })
    }
  } catch {
    // Chromium throws on inconsistent values during a track change; the next call fixes it.
  }
}

/** The cover's bytes as a blob: URL, or null when it cannot be fetched (no cover art
 * then; title, artist and the media keys still work). */
async function coverAsBlobUrl(url: string): Promise<string | null> {
  try {
    const response = await fetch(url)
    if (!response.ok) return null
    return URL.createObjectURL(await response.blob())
  } catch {
    return null
  }
}

/** MediaSession: metadata and action handlers, so media keys, the lock screen, MPRIS on
 * Linux and (where Electron mirrors it) macOS Now Playing control the player
 * (as Museeks did for macOS: https://github.com/martpie/museeks/issues/624). */
export function useMediaSession(): void {
  const { t } = useTranslation()
  const current = usePlayerStore((s) => s.current)
  const playing = usePlayerStore((s) => s.playing)
  const duration = usePlayerStore((s) => s.duration)

  useEffect(() => {
    const ms = session()
    if (!ms || typeof MediaMetadata === 'undefined') return
    if (!current) {
      ms.metadata = null
      return
    }
    const describe = (artwork: MediaImage[]): MediaMetadata =>
      new MediaMetadata({
        title: labelText(t, current),
        artist: current.model ? `Suno · ${current.model}` : 'Suno',
        album: 'Songshelf',
        artwork
      })
    const cover = current.hasCover
      ? new URL(mediaUrl(current.id, 'cover'), window.location.href).href
      : null
    // Chromium drops MediaImage sources that are not http/https/data/blob ("MediaImage
    // src can only be of http/https/data/blob scheme", media_metadata_sanitizer.cc), so
    // a songshelf-media: cover would never reach SMTC, MPRIS or Now Playing. Such a
    // cover is fetched and handed over as a blob: URL instead.
    const direct = cover !== null && /^(https?|data|blob):/.test(cover)
    ms.metadata = describe(direct ? [{ src: cover, sizes: '512x512' }] : [])
    if (cover === null || direct) return
    let cancelled = false
    let objectUrl: string | null = null
    void coverAsBlobUrl(cover).then((blobUrl) => {
      if (blobUrl === null) return
      if (cancelled) {
        URL.revokeObjectURL(blobUrl)
        return
      }
      objectUrl = blobUrl
      ms.metadata = describe([{ src: blobUrl, sizes: '512x512' }])
    })
    return () => {
      cancelled = true
      if (objectUrl) URL.revokeObjectURL(objectUrl)
    }
  }, [current, t])

  useEffect(() => {
    const ms = session()
    if (!ms) return
    ms.playbackState = current ? (playing ? 'playing' : 'paused') : 'none'
    syncPositionState()
  }, [current, playing, duration])

  useEffect(() => {
    const ms = session()
    if (!ms) return
    const player = (): ReturnType<typeof usePlayerStore.getState> => usePlayerStore.getState()
    const handlers: Handler[] = [
      ['play', () => player().actions.play()],
      ['pause', () => player().actions.pause()],
      ['previoustrack', () => player().actions.previous()],
      ['nexttrack', () => player().actions.next()],
      [
        'seekto',
        (details) => {
          if (details.seekTime !== undefined) player().actions.seek(details.seekTime)
          syncPositionState()
        }
      ],
      [
        'seekbackward',
        (details) => {
          player().actions.seek(player().position - (details.seekOffset ?? SKIP_SEC))
          syncPositionState()
        }
      ],
      [
        'seekforward',
        (details) => {
          player().actions.seek(player().position + (details.seekOffset ?? SKIP_SEC))
          syncPositionState()
        }
      ]
    ]
    for (const [action, handler] of handlers) {
      try {
        ms.setActionHandler(action, handler)
      } catch {
        // An action this platform does not know.
      }
    }
    return () => {
      for (const [action] of handlers) {
        try {
          ms.setActionHandler(action, null)
        } catch {
          // as above
        }
      }
    }
  }, [])
}
