import { useEffect, useMemo, useRef, useState, type JSX, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLibraryStore } from '../../store/library-store'
import { useFittingText } from './fitting-text'
import { focusResults } from './interaction'
import { searchSchedule } from './search-schedule'

/** Search as you type. The id is fixed: the `/` shortcut focuses `#library-search`. */
export function SearchBox(): JSX.Element {
  const { t } = useTranslation()
  const search = useLibraryStore((s) => s.filter.search ?? '')
  const [text, setText] = useState(search)
  const [applied, setApplied] = useState(search)
  // A key into an idle box searches at once; a fast burst searches when it pauses.
  const [schedule] = useState(() =>
    searchSchedule((value) => useLibraryStore.getState().actions.setSearch(value))
  )
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
    if (search !== text.trim()) {
      // Changed elsewhere: a burst still waiting must not put the old text back.
      schedule.cancel()
      setText(search)
    }
  }

  useEffect(() => () => schedule.cancel(), [schedule])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      schedule.flush(text)
      focusResults()
    } else if (event.key === 'Enter') {
      schedule.flush(text)
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
        onChange={(e) => {
          setText(e.target.value)
          schedule.change(e.target.value)
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  )
}
