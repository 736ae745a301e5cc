import { useSyncExternalStore } from 'react'

// The navigation collapses to an icon rail below NARROW_QUERY, unless the user chose
// otherwise with its toggle; that choice is UI geometry, kept in localStorage (issue 13,
// defect 13). 'auto' follows the window's width.

export type NavChoice = 'auto' | 'collapsed' | 'expanded'

export const NAV_STORAGE_KEY = 'songshelf.nav'
export const NARROW_QUERY = '(max-width: 1100px)'

const listeners = new Set<() => void>()

function readChoice(): NavChoice {
  try {
    const value = localStorage.getItem(NAV_STORAGE_KEY)
    return value === 'collapsed' || value === 'expanded' ? value : 'auto'
  } catch {
    return 'auto'
  }
}

function narrow(): boolean {
  return typeof matchMedia === 'function' && matchMedia(NARROW_QUERY).matches
}

/** Whether the rail shows icons only, from the choice and the window's width. */
export function navCollapsed(choice: NavChoice, isNarrow: boolean): boolean {
  return choice === 'auto' ? isNarrow : choice === 'collapsed'
}

function snapshot(): boolean {
  return navCollapsed(readChoice(), narrow())
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  const media = typeof matchMedia === 'function' ? matchMedia(NARROW_QUERY) : null
  media?.addEventListener('change', listener)
  return () => {
    listeners.delete(listener)
    media?.removeEventListener('change', listener)
  }
}

export function useNavCollapsed(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false)
}

/** Flips the rail and remembers the flip. Choosing what the width would give anyway
 * goes back to 'auto', so a remembered choice never fights the window for no reason. */
export function toggleNav(): void {
  const next = !snapshot()
  const choice: NavChoice = next === narrow() ? 'auto' : next ? 'collapsed' : 'expanded'
  try {
    if (choice === 'auto') localStorage.removeItem(NAV_STORAGE_KEY)
    else localStorage.setItem(NAV_STORAGE_KEY, choice)
  } catch {
    // No storage (private mode, quota): the rail simply follows the width.
  }
  for (const listener of listeners) listener()
}
