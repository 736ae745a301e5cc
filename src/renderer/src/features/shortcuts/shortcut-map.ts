// The keyboard shortcuts, as data: the global handler and the help overlay read the same
// table, so the help can never list a key that does nothing.

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
  /** What the help shows, e.g. ['Shift', '←']. */
  display: string[]
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
  { action: 'favorite', keys: ['f', 'F'], display: ['F'] },
  { action: 'help', keys: ['?'], display: ['?'] }
]

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
  if (event.ctrlKey || event.metaKey || event.altKey) return null
  for (const shortcut of SHORTCUTS) {
    if (!shortcut.keys.includes(event.key)) continue
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
