// The keyboard shortcuts, as data: the global handler and the help overlay read the same
// table, so the help can never list a key that does nothing.
import { MINI_PLAYER_ACCELERATOR } from '../../../../shared/mini-player'

export type ShortcutAction =
  | 'togglePlay'
  | 'seekBack'
  | 'seekForward'
  | 'volumeUp'
  | 'volumeDown'
  | 'previous'
  | 'next'
  | 'search'
  | 'favorite'
  | 'help'

export interface Shortcut {
  action: ShortcutAction
  /** KeyboardEvent.key values that trigger it. */
  keys: string[]
  shift?: boolean
  /** Needs Ctrl (Cmd on macOS). */
  mod?: boolean
  /** What the help shows, e.g. ['Shift', '←']; 'Mod' is shown as Ctrl/⌘. */
  display: string[]
  /** The help's wording when it is not the action's own (shortcuts.action.<label>). */
  label?: string
}

export const SHORTCUTS: Shortcut[] = [
  { action: 'togglePlay', keys: [' ', 'Spacebar'], display: ['Space'] },
  { action: 'seekBack', keys: ['ArrowLeft'], display: ['←'] },
  { action: 'seekForward', keys: ['ArrowRight'], display: ['→'] },
  { action: 'previous', keys: ['ArrowLeft'], shift: true, display: ['Shift', '←'] },
  { action: 'next', keys: ['ArrowRight'], shift: true, display: ['Shift', '→'] },
  { action: 'volumeUp', keys: ['ArrowUp'], display: ['↑'] },
  { action: 'volumeDown', keys: ['ArrowDown'], display: ['↓'] },
  { action: 'search', keys: ['/'], display: ['/'] },
  // Letters typed in the list or the covers jump to a title (type-ahead, issue 13), so F
  // favourites only elsewhere; Ctrl/Cmd+L ("love", as in Apple Music) works everywhere.
  { action: 'favorite', keys: ['l', 'L'], mod: true, display: ['Mod', 'L'] },
  { action: 'favorite', keys: ['f', 'F'], display: ['F'], label: 'favoriteOutsideList' },
  { action: 'help', keys: ['?'], display: ['?'] }
]

/** Keys the list and the covers handle themselves, listed in the help after SHORTCUTS. */
export const RESULTS_KEYS: readonly { display: string[]; label: string }[] = [
  { display: ['A–Z', '0–9'], label: 'typeAhead' }
]

/** Keys the application menu owns (accelerators, so they work in every window), listed in
 * the help after RESULTS_KEYS; the renderer does not handle them itself. */
export const MENU_KEYS: readonly { display: string[]; label: string }[] = [
  { display: acceleratorKeys(MINI_PLAYER_ACCELERATOR), label: 'miniPlayer' }
]

/** An Electron accelerator ("CmdOrCtrl+Shift+M") as the help's key names. */
function acceleratorKeys(accelerator: string): string[] {
  return accelerator.split('+').map((key) => (key === 'CmdOrCtrl' ? 'Mod' : key))
}

export const SEEK_STEP_SEC = 5
export const VOLUME_STEP = 0.05

/** Keys that only make sense as shortcuts when no modifier is held; `?` needs Shift on
 * most layouts, so Shift is ignored for it and for `/` (some layouts need it too). */
const SHIFT_AGNOSTIC = new Set(['?', '/'])

export function matchShortcut(event: {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
}): ShortcutAction | null {
  if (event.altKey) return null
  const mod = event.ctrlKey || event.metaKey
  for (const shortcut of SHORTCUTS) {
    if (!shortcut.keys.includes(event.key)) continue
    if (Boolean(shortcut.mod) !== mod) continue
    if (!SHIFT_AGNOSTIC.has(event.key) && Boolean(shortcut.shift) !== event.shiftKey) continue
    return shortcut.action
  }
  return null
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'url',
  'email',
  'password',
  'number',
  'tel',
  'date',
  'time',
  'datetime-local',
  'month',
  'week'
])

/** Typing must never trigger a shortcut: text fields, text areas, selects, editable
 * content. Space and Enter also belong to buttons, links, checkboxes and sliders; the
 * arrows belong to sliders, selects, radio groups and list boxes. */
export function shouldIgnore(target: EventTarget | null, action: ShortcutAction): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type
    if (TEXT_INPUT_TYPES.has(type)) return true
    if (action === 'togglePlay') return true
    if (type === 'range' || type === 'radio') return isArrowAction(action)
    return false
  }
  const role = target.getAttribute('role') ?? ''
  if (
    isArrowAction(action) &&
    [
      'slider',
      'listbox',
      'option',
      'radio',
      'tab',
      'menuitem',
      'grid',
      'gridcell',
      'tree',
      'treeitem'
    ].includes(role)
  ) {
    return true
  }
  if (action === 'togglePlay') {
    if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || tag === 'VIDEO' || tag === 'AUDIO')
      return true
    if (
      ['button', 'checkbox', 'switch', 'menuitem', 'option', 'tab', 'link', 'radio'].includes(role)
    ) {
      return true
    }
  }
  return false
}

function isArrowAction(action: ShortcutAction): boolean {
  return (
    action === 'seekBack' ||
    action === 'seekForward' ||
    action === 'volumeUp' ||
    action === 'volumeDown' ||
    action === 'previous' ||
    action === 'next'
  )
}
