import { useState, type JSX, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { FacetCount } from '../../../../shared/domain'
import { formatCount } from '../../elements/intl-format'
import { useLocale } from '../../hooks/useLocale'
import { useLibraryStore } from '../../store/library-store'
import { useLibraryUiStore } from '../../store/library-ui-store'
import { isFiltered, RECENT_DAYS } from '../../store/library-query'
import { modelLabel } from '../../../../shared/models'

// Facets of the current query (getFacets): quick toggles, the user's tags, the most used
// style tags and the models. Each is a toggle button (aria-pressed) with its count.

const STYLE_PREVIEW = 12

function FacetButton({
  pressed,
  count,
  onClick,
  children,
  testId,
  title
}: {
  pressed: boolean
  count?: number
  onClick: () => void
  children: ReactNode
  testId?: string
  title?: string
}): JSX.Element {
  const locale = useLocale()
  return (
    <button
      type="button"
      className="facet"
      aria-pressed={pressed}
      onClick={onClick}
      data-testid={testId}
      title={title}
    >
      <span className="facet-name">{children}</span>
      {count !== undefined && <span className="facet-count">{formatCount(count, locale)}</span>}
    </button>
  )
}

/** The chosen value stays listed (count 0) so it can always be switched off. */
function withSelected(values: FacetCount[], selected: readonly string[]): FacetCount[] {
  const missing = selected.filter((s) => !values.some((v) => v.value === s))
  return [...missing.map((value) => ({ value, count: 0 })), ...values]
}

export function FilterSidebar(): JSX.Element {
  const { t } = useTranslation()
  const filter = useLibraryStore((s) => s.filter)
  const facets = useLibraryStore((s) => s.facets)
  const actions = useLibraryStore((s) => s.actions)
  const openDialog = useLibraryUiStore((s) => s.actions.openDialog)
  const [allStyles, setAllStyles] = useState(false)
  const userTags = withSelected(facets?.userTags ?? [], filter.userTags ?? [])
  const styles = withSelected(facets?.styleTags ?? [], filter.styleTags ?? [])
  const models = withSelected(facets?.models ?? [], filter.model ? [filter.model] : [])
  const shownStyles = allStyles ? styles : styles.slice(0, STYLE_PREVIEW)

  return (
    <aside id="library-filters" className="filter-sidebar" aria-label={t('library.filters.label')}>
      <div className="filter-head">
        <h2>{t('library.filters.title')}</h2>
        {isFiltered(filter) && (
          <button type="button" className="text-button small quiet" onClick={actions.clearFilters}>
            {t('library.filters.clear')}
          </button>
        )}
      </div>

      <section aria-labelledby="facet-show">
        <h3 id="facet-show">{t('library.filters.show')}</h3>
        <FacetButton
          pressed={!!filter.favorite}
          count={facets?.favorites}
          onClick={actions.toggleFavorites}
          testId="filter-favorites"
        >
          {t('library.filters.favorites')}
        </FacetButton>
        <FacetButton
          pressed={!!filter.hasVideo}
          count={facets?.withVideo}
          onClick={actions.toggleHasVideo}
          testId="filter-video"
        >
          {t('library.filters.hasVideo')}
        </FacetButton>
        {(filter.instrumental === true || (facets?.instrumental ?? 0) > 0) && (
          <FacetButton
            pressed={filter.instrumental === true}
            count={facets?.instrumental}
            onClick={actions.toggleInstrumental}
            testId="filter-instrumental"
          >
            {t('library.filters.instrumental')}
          </FacetButton>
        )}
        <FacetButton
          pressed={filter.addedSince !== undefined}
          onClick={() => actions.toggleRecent()}
          testId="filter-recent"
          title={t('library.filters.recent', { days: RECENT_DAYS })}
        >
          {/* The narrow filter column (900 px) shows the short label; the tooltip and the
              accessible name keep the whole sentence. */}
          <span className="facet-long">{t('library.filters.recent', { days: RECENT_DAYS })}</span>
          <span className="facet-short" aria-hidden="true">
            {t('layout.recentShort', { days: RECENT_DAYS })}
          </span>
        </FacetButton>
        <FacetButton
          pressed={!!filter.generationFailed}
          onClick={actions.toggleGenerationFailed}
          testId="filter-generation-failed"
        >
          {t('library.filters.generationFailed')}
        </FacetButton>
      </section>

      <section aria-labelledby="facet-tags">
        <div className="filter-head">
          <h3 id="facet-tags">{t('library.filters.userTags')}</h3>
          <button
            type="button"
            className="text-button small quiet"
            onClick={() => openDialog({ kind: 'manage-tags' })}
          >
            {t('tags.manage')}
          </button>
        </div>
        {userTags.length === 0 && <p className="muted small">{t('library.filters.noTags')}</p>}
        {userTags.map((tag) => (
          <FacetButton
            key={tag.value}
            pressed={filter.userTags?.includes(tag.value) ?? false}
            count={tag.count}
            onClick={() => actions.toggleUserTag(tag.value)}
            testId="filter-user-tag"
          >
            {tag.value}
          </FacetButton>
        ))}
      </section>

      {styles.length > 0 && (
        <section aria-labelledby="facet-styles">
          <h3 id="facet-styles">{t('library.filters.styles')}</h3>
          {shownStyles.map((style) => (
            <FacetButton
              key={style.value}
              pressed={filter.styleTags?.includes(style.value) ?? false}
              count={style.count}
              onClick={() => actions.toggleStyleTag(style.value)}
              testId="filter-style"
            >
              {style.value}
            </FacetButton>
          ))}
          {styles.length > STYLE_PREVIEW && (
            <button
              type="button"
              className="text-button small quiet"
              aria-expanded={allStyles}
              onClick={() => setAllStyles(!allStyles)}
            >
              {allStyles ? t('library.filters.fewer') : t('library.filters.more')}
            </button>
          )}
        </section>
      )}

      {models.length > 0 && (
        <section aria-labelledby="facet-models">
          <h3 id="facet-models">{t('library.filters.models')}</h3>
          {models.map((model) => (
            <FacetButton
              key={model.value}
              pressed={filter.model === model.value}
              count={model.count}
              onClick={() => actions.setModel(filter.model === model.value ? null : model.value)}
              testId="filter-model"
            >
              {modelLabel(model.value)}
            </FacetButton>
          ))}
        </section>
      )}
    </aside>
  )
}
