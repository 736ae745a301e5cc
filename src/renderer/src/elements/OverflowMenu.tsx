import { useEffect, useId, useRef, useState, type JSX, type KeyboardEvent } from 'react'
import { Glyph } from './Glyph'
import './overflow-menu.css'

export interface OverflowItem {
  label: string
  onSelect: () => void
  /** A choice among several (List / Covers): shown checked. */
  checked?: boolean
  disabled?: boolean
  testId?: string
}

/** "More ▾": the less-used actions of a bar that has no room for them (issue 13, defect
 * 13). A menu button (ARIA APG): Enter/Space/ArrowDown open it on the first item, the
 * arrows move, Escape or Tab close it and focus goes back to the button. */
export function OverflowMenu({
  label,
  title,
  items,
  className,
  testId
}: {
  label: string
  title: string
  items: OverflowItem[]
  className?: string
  testId?: string
}): JSX.Element {
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    root.current?.querySelector<HTMLElement>('[role^="menuitem"]:not(:disabled)')?.focus()
    const away = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', away)
    return () => document.removeEventListener('pointerdown', away)
  }, [open])

  const close = (): void => {
    setOpen(false)
    button.current?.focus()
  }

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const entries = [
      ...(root.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not(:disabled)') ?? [])
    ]
    const at = entries.indexOf(document.activeElement as HTMLElement)
    if (event.key === 'Escape') {
      event.stopPropagation()
      close()
    } else if (event.key === 'Tab') {
      setOpen(false)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      entries[(at + step + entries.length) % entries.length]?.focus()
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      entries[event.key === 'Home' ? 0 : entries.length - 1]?.focus()
    }
  }

  return (
    <div ref={root} className={className ? `overflow-menu ${className}` : 'overflow-menu'}>
      <button
        ref={button}
        type="button"
        className="text-button overflow-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={title}
        data-testid={testId}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault()
            setOpen(true)
          }
        }}
      >
        {label}
        <Glyph name="more" size={16} />
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={title}
          className="overflow-list"
          onKeyDown={onMenuKey}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
              aria-checked={item.checked}
              disabled={item.disabled}
              data-testid={item.testId}
              onClick={() => {
                close()
                item.onSelect()
              }}
            >
              <span className="overflow-check" aria-hidden="true">
                {item.checked ? '✓' : ''}
              </span>
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
