import { useSyncExternalStore, type JSX } from 'react'
import { mediaUrl } from '../lib/bridge'

// The animated cover (upstream `video_cover_url`, issue 16): a few silent seconds that
// loop, played from the library folder only (songshelf-media://, never the CDN), and never
// when the system asks for reduced motion (WCAG 2.3.3; MDN prefers-reduced-motion).

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)'

function motionQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(REDUCED_MOTION) : null
}

function subscribe(onChange: () => void): () => void {
  const query = motionQuery()
  query?.addEventListener('change', onChange)
  return () => query?.removeEventListener('change', onChange)
}

/** True while the system setting asks for reduced motion; follows changes live. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => motionQuery()?.matches === true,
    () => false
  )
}

interface AnimatedCoverProps {
  clipId: string
  className?: string
  /** The still cover shown before the first frame. */
  poster?: string
}

/** A muted, looping, decorative video: no controls, no focus, hidden from screen readers
 * (the title beside it names the clip). */
export function AnimatedCover({ clipId, className, poster }: AnimatedCoverProps): JSX.Element {
  return (
    <video
      className={className ? `cover animated-cover ${className}` : 'cover animated-cover'}
      src={mediaUrl(clipId, 'video_cover')}
      poster={poster}
      data-testid="animated-cover"
      aria-hidden="true"
      tabIndex={-1}
      autoPlay
      muted
      loop
      playsInline
      disablePictureInPicture
      preload="auto"
    />
  )
}
