import type { JSX } from 'react'

/** App-wide overlays: the video panel, the shortcuts help, first-run. */
export function Overlays(): JSX.Element | null {
  return null
}
