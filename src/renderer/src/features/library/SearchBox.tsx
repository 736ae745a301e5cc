import { useEffect, useMemo, useRef, useState, type JSX, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLibraryStore } from '../../store/library-store'
import { useFittingText } from './fitting-text'
import { focusResults } from './interaction'

/** Typing pauses shorter than this are one search (FTS5 answers fast; this only spares
 * the core a query per keystroke). */
export const SEARCH_DEBOUNCE_MS = 150

/** Search as you type. The id is fixed: the `/` shortcut focuses `#library-search`. */
export function SearchBox(): JSX.Element {
  const { t } = useTranslation()
  const search = useLibraryStore((s) => s.filter.search ?? '')
  const setSearch = useLibraryStore((s) => s.actions.setSearch)
  const [text, setText] = useState(search)
  const [applied, setApplied] = useState(search)
  const input = useRef<HTMLInputElement>(null)
  const full = t('library.searchPlaceholder')
  const wordings = useMemo(
    () => [full, t('library.searchPlaceholderShort'), t('library.searchPlaceholderShortest')],
    [full, t]
  )
  const placeholder = useFittingText(input, wordings)
  // The store's search can change elsewhere ("Clear filters"); follow it, unless it is
  // just this box's own text arriving trimmed.
  if (search !== applied) {
    setApplied(search)
    if (search !== text.trim()) setText(search)
  }

  useEffect(() => {
    const timer = setTimeout(() => setSearch(text), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, setSearch])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setSearch(text)
      focusResults()
    } else if (event.key === 'Enter') {
      setSearch(text)
    }
  }

  return (
    <div className="library-search">
      <input
        id="library-search"
        type="search"
        aria-label={t('library.searchLabel')}
        ref={input}
        placeholder={placeholder}
        // A shortened placeholder keeps the whole sentence as the box's tooltip.
        title={placeholder === full ? undefined : full}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  )
}
