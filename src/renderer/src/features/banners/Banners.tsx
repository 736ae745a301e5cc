import type { JSX } from 'react'

/** Offline / key problem / disk full banners above the main view. */
export function Banners(): JSX.Element | null {
  return null
}
