import type { JSX } from 'react'

/** The player bar (cover, transport, seek, volume, queue). */
export function PlayerBar(): JSX.Element | null {
  return null
}
