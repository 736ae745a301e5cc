import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCount } from '../../elements/intl-format'
import { useLocale } from '../../hooks/useLocale'
import { useLibraryStore, type LibraryLayout } from '../../store/library-store'
import { useLibraryUiStore } from '../../store/library-ui-store'
import { SearchBox } from './SearchBox'
import { SortControl } from './SortControl'
import { playView } from './play'
import { OverflowMenu } from '../../elements/OverflowMenu'

const LAYOUTS: LibraryLayout[] = ['list', 'grid']

export function LibraryToolbar({ headingId }: { headingId: string }): JSX.Element {
  const { t } = useTranslation()
  const locale = useLocale()
  const total = useLibraryStore((s) => s.total)
  const layout = useLibraryStore((s) => s.layout)
  const setLayout = useLibraryStore((s) => s.actions.setLayout)
  const filtersOpen = useLibraryUiStore((s) => s.filtersOpen)
  const toggleFilters = useLibraryUiStore((s) => s.actions.toggleFilters)
  return (
    <header className="library-toolbar">
      <h1 id={headingId}>{t('library.title')}</h1>
      <span className="library-count muted" role="status" data-testid="library-count">
        {total === null ? '' : t('library.count', { count: total, n: formatCount(total, locale) })}
      </span>
      <button
        type="button"
        className="text-button"
        aria-expanded={filtersOpen}
        aria-controls="library-filters"
        onClick={toggleFilters}
      >
        {t('library.filters.title')}
      </button>
      <div className="play-all" role="group" aria-label={t('everyday.playAll')}>
        <button
          type="button"
          className="text-button"
          data-testid="play-all"
          disabled={!total}
          title={t('everyday.playAllHint')}
          onClick={() => void playView(false)}
        >
          {t('everyday.playAll')}
        </button>
        <button
          type="button"
          className="text-button wide-only"
          data-testid="shuffle-all"
          disabled={!total}
          title={t('everyday.shuffleAllHint')}
          onClick={() => void playView(true)}
        >
          {t('everyday.shuffleAll')}
        </button>
      </div>
      <SearchBox />
      <SortControl />
      <div className="layout-toggle wide-only" role="group" aria-label={t('library.layoutLabel')}>
        {LAYOUTS.map((item) => (
          <button
            key={item}
            type="button"
            className="text-button"
            aria-pressed={layout === item}
            onClick={() => setLayout(item)}
          >
            {t(`library.layout.${item}`)}
          </button>
        ))}
      </div>
      {/* At narrow widths (library.css) the less-used actions move here, so the toolbar
          keeps one row (issue 13, defect 13). */}
      <OverflowMenu
        className="narrow-only"
        label={t('layout.more')}
        title={t('layout.moreActions')}
        testId="toolbar-more"
        items={[
          {
            label: t('everyday.shuffleAll'),
            disabled: !total,
            onSelect: () => void playView(true)
          },
          ...LAYOUTS.map((item) => ({
            label: t(`library.layout.${item}`),
            checked: layout === item,
            onSelect: () => setLayout(item)
          }))
        ]}
      />
    </header>
  )
}
