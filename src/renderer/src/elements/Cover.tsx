import { useState, type JSX } from 'react'
import { Glyph } from './Glyph'
import './cover.css'

interface CoverProps {
  /** The image URL, or null when there is no cover (a neutral placeholder is drawn). */
  src: string | null
  /** CSS size of the square; the image fills it. */
  size?: number | string
  className?: string
  /** Lazy by default: only images near the viewport load. */
  eager?: boolean
}

/** A square cover image with a neutral placeholder for "no cover" and for images that
 * fail to load. Decorative (empty alt): the title next to it names the item. */
export function Cover({ src, size, className, eager }: CoverProps): JSX.Element {
  const [failed, setFailed] = useState<string | null>(null)
  const style = size === undefined ? undefined : { width: size, height: size }
  const classes = className ? `cover ${className}` : 'cover'
  if (!src || failed === src) {
    return (
      <span className={`${classes} cover-placeholder`} style={style} aria-hidden="true">
        <Glyph name="music" size={24} />
      </span>
    )
  }
  return (
    <img
      className={classes}
      style={style}
      src={src}
      alt=""
      loading={eager ? 'eager' : 'lazy'}
      fetchPriority={eager ? undefined : 'low'}
      decoding="async"
      draggable={false}
      onError={() => setFailed(src)}
    />
  )
}
