import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { SortKey } from '../../../../shared/domain'
import { sortKey } from '../../../../shared/schemas'
import { useLibraryStore } from '../../store/library-store'

/** The orders the bridge accepts, in the schema's order: one list, so a new sort key
 * shows up here the day the core learns it. */
const SORT_KEYS: readonly SortKey[] = sortKey.options

/** Sort for both layouts (the list's headers cover only its columns). */
export function SortControl(): JSX.Element {
  const { t } = useTranslation()
  const sort = useLibraryStore((s) => s.sort)
  const dir = useLibraryStore((s) => s.dir)
  const setSort = useLibraryStore((s) => s.actions.setSort)
  return (
    <div className="sort-control">
      <label>
        <span className="muted sort-label">{t('library.sortLabel')}</span>{' '}
        <select value={sort} onChange={(e) => setSort(e.target.value as SortKey, dir)}>
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {t(`library.sort.${key}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="round-button"
        aria-label={dir === 'asc' ? t('library.sortAscending') : t('library.sortDescending')}
        title={dir === 'asc' ? t('library.sortAscending') : t('library.sortDescending')}
        onClick={() => setSort(sort, dir === 'asc' ? 'desc' : 'asc')}
      >
        <span aria-hidden="true">{dir === 'asc' ? '↑' : '↓'}</span>
      </button>
    </div>
  )
}
