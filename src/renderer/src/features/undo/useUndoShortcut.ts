import { useEffect } from 'react'
import { useUndoStore } from '../../store/undo-store'

// Ctrl/Cmd+Z undoes the last library action, except while typing: there the field's own
// text undo keeps the key (and Edit ▸ Undo does the same, so the menu and the key agree).

/** A text field, text area, select or editable content: the key is the field's. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true
  if (target.tagName !== 'INPUT') return false
  const type = (target as HTMLInputElement).type
  return !['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color', 'file'].includes(
    type
  )
}

export function isUndoKey(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    (event.key === 'z' || event.key === 'Z')
  )
}

/** Edit ▸ Undo: the focused field's text undo, or else the last library action. */
export function runUndoCommand(): void {
  if (isEditable(document.activeElement)) {
    // The menu item replaced Electron's `undo` role, which did exactly this for fields.
    document.execCommand('undo')
    return
  }
  void useUndoStore.getState().actions.undoLast()
}

export function useUndoShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing || !isUndoKey(event)) return
      if (isEditable(event.target)) return
      event.preventDefault()
      void useUndoStore.getState().actions.undoLast()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
