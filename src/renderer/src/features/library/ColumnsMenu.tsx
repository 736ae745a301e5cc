import { useEffect, useRef, type JSX, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { columnLabelKey } from './ColumnHeader'
import { COLUMN_DEFS, type ColumnId } from './list-columns'
import { useListColumnsStore } from './list-columns-store'

// Show or hide list columns: from the Columns button or a right-click on the header. A
// menu of checkboxes (the title is always shown), navigated with the arrows; Space or Enter
// toggles and keeps it open, Escape, Tab or a click elsewhere closes it and gives focus back.

export interface ColumnsMenuProps {
  at: { x: number; y: number }
  /** The header right-clicked: the menu offers to move it left or right. */
  column?: ColumnId
  /** The columns on screen, in order (a move steps past the neighbour the user sees). */
  visible?: readonly ColumnId[]
  onClose: (refocus: boolean) => void
}

export function ColumnsMenu({ at, column, visible = [], onClose }: ColumnsMenuProps): JSX.Element {
  const { t } = useTranslation()
  const shown = useListColumnsStore((s) => s.shown)
  const { toggle, reset, moveStep } = useListColumnsStore((s) => s.actions)
  const place = column === undefined ? -1 : visible.indexOf(column)
  const movable = column !== undefined && column !== 'title' && place > 0
  const move = (step: -1 | 1): void => {
    if (column === undefined) return
    moveStep(column, step, visible)
    onClose(true)
  }
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    ref.current
      ?.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')
      ?.focus()
    const away = (event: PointerEvent): void => {
      if (!ref.current?.contains(event.target as Node)) onClose(false)
    }
    document.addEventListener('pointerdown', away, true)
    return () => document.removeEventListener('pointerdown', away, true)
  }, [onClose])

  const items = (): HTMLElement[] =>
    [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])].filter(
      (el) => el.getAttribute('aria-disabled') !== 'true'
    )
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const list = items()
    const index = list.indexOf(document.activeElement as HTMLElement)
    const go = (i: number): void => list[(i + list.length) % list.length]?.focus()
    switch (event.key) {
      case 'ArrowDown':
        go(index + 1)
        break
      case 'ArrowUp':
        go(index - 1)
        break
      case 'Home':
        go(0)
        break
      case 'End':
        go(list.length - 1)
        break
      case 'Escape':
        onClose(true)
        break
      case 'Tab':
        onClose(true)
        break
      case ' ':
      case 'Enter':
        ;(document.activeElement as HTMLElement | null)?.click()
        break
      default:
        return
    }
    event.preventDefault()
    event.stopPropagation()
  }

  // Kept inside the window: a right-click near the right edge opens it leftwards.
  const left = Math.max(8, Math.min(at.x, window.innerWidth - 240))
  const top = Math.max(8, Math.min(at.y, window.innerHeight - 360))
  return createPortal(
    <div
      ref={ref}
      role="menu"
      aria-label={t('browse.columns.menuLabel')}
      className="columns-menu"
      data-testid="columns-menu"
      style={{ left, top }}
      onKeyDown={onKeyDown}
    >
      {COLUMN_DEFS.map((def) => {
        const always = def.id === 'title'
        const checked = always || shown.has(def.id)
        return (
          <div
            key={def.id}
            role="menuitemcheckbox"
            aria-checked={checked}
            aria-disabled={always || undefined}
            title={always ? t('browse.columns.titleAlways') : undefined}
            tabIndex={-1}
            className="columns-menu-item"
            onClick={() => !always && toggle(def.id)}
          >
            <span className="columns-menu-check" aria-hidden="true">
              {checked ? '✓' : ''}
            </span>
            {t(columnLabelKey(def.id))}
          </div>
        )
      })}
      {movable && (
        <>
          <div role="separator" className="columns-menu-sep" />
          <div
            role="menuitem"
            tabIndex={-1}
            aria-disabled={place <= 1 || undefined}
            className="columns-menu-item"
            data-testid="column-move-left"
            onClick={() => place > 1 && move(-1)}
          >
            <span className="columns-menu-check" aria-hidden="true">
              ←
            </span>
            {t('browse.columns.moveLeft', { column: t(columnLabelKey(column)) })}
          </div>
          <div
            role="menuitem"
            tabIndex={-1}
            aria-disabled={place >= visible.length - 1 || undefined}
            className="columns-menu-item"
            data-testid="column-move-right"
            onClick={() => place < visible.length - 1 && move(1)}
          >
            <span className="columns-menu-check" aria-hidden="true">
              →
            </span>
            {t('browse.columns.moveRight', { column: t(columnLabelKey(column)) })}
          </div>
        </>
      )}
      <div role="separator" className="columns-menu-sep" />
      <div role="menuitem" tabIndex={-1} className="columns-menu-item" onClick={reset}>
        <span className="columns-menu-check" aria-hidden="true" />
        {t('browse.columns.reset')}
      </div>
    </div>,
    document.body
  )
}
