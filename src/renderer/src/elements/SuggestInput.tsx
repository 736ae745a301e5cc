import { useId, useState, type JSX, type KeyboardEvent } from 'react'
import './suggest-input.css'

interface SuggestInputProps {
  value: string
  onChange: (value: string) => void
  /** Called with the typed text or the chosen suggestion (Enter or click). */
  onSubmit: (value: string) => void
  /** Every candidate; the input shows those matching what is typed. */
  candidates: readonly string[]
  label: string
  placeholder?: string
  id?: string
  autoFocus?: boolean
  maxSuggestions?: number
  /** Extra text after each suggestion (e.g. a count). */
  describe?: (candidate: string) => string
}

/** Case- and accent-insensitive "contains" match, prefix matches first. */
export function matchSuggestions(
  candidates: readonly string[],
  typed: string,
  max: number
): string[] {
  const fold = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLocaleLowerCase()
  const q = fold(typed.trim())
  if (!q) return candidates.slice(0, max)
  const starts: string[] = []
  const contains: string[] = []
  for (const candidate of candidates) {
    const c = fold(candidate)
    if (c === q) continue
    if (c.startsWith(q)) starts.push(candidate)
    else if (c.includes(q)) contains.push(candidate)
  }
  return [...starts, ...contains].slice(0, max)
}

/** A text input with a suggestion list (ARIA 1.2 combobox): arrows move through the
 * suggestions, Enter takes the highlighted one or the typed text. Escape closes the list
 * when it is open and otherwise goes on to the dialog around the input. The list sits in
 * the flow under the input, so it moves what follows instead of covering it. */
export function SuggestInput({
  value,
  onChange,
  onSubmit,
  candidates,
  label,
  placeholder,
  id,
  autoFocus,
  maxSuggestions = 8,
  describe
}: SuggestInputProps): JSX.Element {
  const listId = useId()
  const [open, setOpen] = useState(false)
  const [highlight, setHighlight] = useState(-1)
  const suggestions = open ? matchSuggestions(candidates, value, maxSuggestions) : []
  const expanded = suggestions.length > 0
  const active = expanded && highlight >= 0 && highlight < suggestions.length ? highlight : -1

  const submit = (text: string): void => {
    setHighlight(-1)
    setOpen(false)
    if (text.trim()) onSubmit(text.trim())
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const count = matchSuggestions(candidates, value, maxSuggestions).length
      if (!open) setOpen(true)
      if (count === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setHighlight((h) => (h < 0 ? (step > 0 ? 0 : count - 1) : (h + step + count) % count))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      submit(active >= 0 ? (suggestions[active] ?? value) : value)
    } else if (event.key === 'Escape' && expanded) {
      // Close the list only; a second Escape reaches the dialog around the input.
      event.stopPropagation()
      setOpen(false)
      setHighlight(-1)
    }
  }

  return (
    <div className="suggest-input">
      <input
        id={id}
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={value}
        // A dialog (ModalDialog) focuses the element marked data-autofocus when it opens.
        data-autofocus={autoFocus ? true : undefined}
        onChange={(e) => {
          onChange(e.target.value)
          setOpen(true)
          setHighlight(-1)
        }}
        // Not on focus: a dialog that focuses this input on open would show the list at
        // once, over nothing the user asked for, and its first Escape would only close
        // the list (issue 13, defect 8). Typing, the arrows or a click open it.
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={label} hidden={!expanded} className="suggest-list">
        {suggestions.map((suggestion, i) => (
          <li
            key={suggestion}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'suggest-option active' : 'suggest-option'}
            // mousedown, not click: the input keeps focus (no blur closing the list first).
            onMouseDown={(e) => {
              e.preventDefault()
              submit(suggestion)
            }}
          >
            <span>{suggestion}</span>
            {describe && <span className="suggest-extra">{describe(suggestion)}</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}
