import { useEffect, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { ClipDetailPanel } from '../clip/ClipDetailPanel'
import { TagEditor } from '../tags/TagEditor'
import { TagManager } from '../tags/TagManager'
import { useClipStore } from '../../store/clip-store'
import { LIBRARY_SOURCE, useLibraryStore } from '../../store/library-store'
import { useLibraryUiStore } from '../../store/library-ui-store'
import { ClipGrid } from './ClipGrid'
import { ClipList } from './ClipList'
import { DeleteDialog } from './DeleteDialog'
import { FilterSidebar } from './FilterSidebar'
import { LibraryEmpty } from './LibraryEmpty'
import { LibraryNotice } from './LibraryNotice'
import { LibraryToolbar } from './LibraryToolbar'
import { isFiltered } from '../../store/library-query'
import { SelectionBar } from './SelectionBar'
import { TypeAheadHint } from './TypeAheadHint'
import { SearchScopeNote } from './SearchScopeNote'
import { TaskFilterChip } from './TaskFilterChip'
import { useLibraryEvents } from './useLibraryEvents'
import '../../elements/buttons.css'
import './library.css'

const HEADING_ID = 'library-heading'

function LibraryDialogs(): JSX.Element | null {
  const dialog = useLibraryUiStore((s) => s.dialog)
  if (!dialog) return null
  switch (dialog.kind) {
    case 'tags':
      return <TagEditor rows={dialog.rows} />
    case 'delete':
      return <DeleteDialog rows={dialog.rows} />
    case 'manage-tags':
      return <TagManager />
  }
}

function NoMatch(): JSX.Element {
  const { t } = useTranslation()
  const clearFilters = useLibraryStore((s) => s.actions.clearFilters)
  return (
    <div className="no-match" data-testid="library-no-match">
      <p>{t('library.noMatch')}</p>
      <button type="button" className="text-button" onClick={clearFilters}>
        {t('library.filters.clear')}
      </button>
    </div>
  )
}

/** The library: toolbar, filters, the clips as a list or a cover grid, and the detail
 * panel of the open clip. */
export function LibraryView(): JSX.Element {
  const { t } = useTranslation()
  const total = useLibraryStore((s) => s.total)
  // Right after a query change the total still belongs to the previous query.
  const answered = useLibraryStore((s) => s.totalVersion === s.queryVersion)
  // The search the rows on screen answer, once its first page is in: a marker for tests
  // and bench/typing.bench.ts (last keystroke → this), absent while a new query is asked.
  const answeredSearch = useLibraryStore((s) =>
    s.totalVersion === s.queryVersion ? (s.filter.search ?? '') : undefined
  )
  const error = useLibraryStore((s) => s.error)
  const filtered = useLibraryStore((s) => isFiltered(s.filter))
  const layout = useLibraryStore((s) => s.layout)
  const { ensureRange, loadFacets, refresh, setSource } = useLibraryStore((s) => s.actions)
  const panelOpen = useClipStore((s) => s.openId !== null)
  const filtersOpen = useLibraryUiStore((s) => s.filtersOpen)
  useLibraryEvents()

  useEffect(() => {
    // Coming back to the view refreshes what was cached; the first visit loads page one.
    // Coming back from a playlist (which the same list showed) asks for the library again.
    if (useLibraryStore.getState().source.kind !== 'library') {
      setSource(LIBRARY_SOURCE)
    } else if (useLibraryStore.getState().total === null) {
      void ensureRange({ start: 0, end: 50 })
      void loadFacets()
    } else {
      void refresh()
    }
  }, [ensureRange, loadFacets, refresh, setSource])

  if (total === null && !error) {
    return (
      <section className="library" aria-busy="true">
        <h1>{t('library.title')}</h1>
        <p className="muted">{t('app.loading')}</p>
      </section>
    )
  }
  if ((total === 0 && !filtered && answered) || total === null) {
    return <LibraryEmpty error={total === null ? error : null} onRetry={() => void refresh()} />
  }

  return (
    <section className="library library-view" aria-labelledby={HEADING_ID}>
      <LibraryToolbar headingId={HEADING_ID} />
      <SelectionBar />
      <TaskFilterChip />
      <SearchScopeNote />
      {error && (
        <p role="alert" className="load-error">
          {t('library.loadFailed', { message: error })}{' '}
          <button type="button" className="text-button" onClick={() => void refresh()}>
            {t('library.retry')}
          </button>
        </p>
      )}
      <div
        className={`library-body${panelOpen ? ' with-panel' : ''}${filtersOpen ? ' with-filters' : ''}`}
      >
        {filtersOpen && <FilterSidebar />}
        <div className="library-results" data-answered-search={answeredSearch}>
          {total === 0 && answered ? <NoMatch /> : layout === 'grid' ? <ClipGrid /> : <ClipList />}
          <TypeAheadHint />
        </div>
        {panelOpen && <ClipDetailPanel />}
      </div>
      <LibraryNotice />
      <LibraryDialogs />
    </section>
  )
}
