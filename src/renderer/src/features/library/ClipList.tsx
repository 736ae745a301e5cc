import { openContextMenu } from '../../store/context-menu-store'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useRef,
  type FocusEvent,
  type HTMLAttributes,
  type JSX,
  type KeyboardEvent,
  type MouseEvent
} from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipRow, SortKey } from '../../../../shared/domain'
import { Cover } from '../../elements/Cover'
import { ClipTitle } from '../../elements/ClipTitle'
import { formatDay } from '../../elements/format-day'
import { formatClock, formatCount } from '../../elements/intl-format'
import { useLocale } from '../../hooks/useLocale'
import { mediaUrl } from '../../lib/bridge'
import { useLibraryStore } from '../../store/library-store'
import { usePlayerStore } from '../../store/player-store'
import { isSelected, useSelectionStore } from '../../store/selection-store'
import { clickRow, cursorOnFocus, handleResultsKey } from './interaction'
import { endClipDrag, startClipDrag } from '../playlists/clip-drag'
import { rowAt } from '../../store/library-paging'
import { rowClasses } from './row-view'
import { RowMarks } from './StateBadge'
import { useRangeLoader } from './useRangeLoader'
import './clip-list.css'
import { modelShort } from '../../../../shared/models'

// The list layout: one row per clip with sortable columns, virtualised so that only the
// rows on screen exist in the DOM whatever the size of the library.

export const LIST_ROW_HEIGHT = 44
const HEADER_HEIGHT = 34
const OVERSCAN = 12

interface Column {
  id: 'title' | 'style' | 'model' | 'duration' | 'created' | 'plays' | 'tags'
  sort?: SortKey
}

const COLUMNS: Column[] = [
  { id: 'title', sort: 'title' },
  { id: 'style', sort: 'style' },
  { id: 'model', sort: 'model' },
  { id: 'duration', sort: 'duration' },
  { id: 'created', sort: 'created' },
  { id: 'plays', sort: 'plays' },
  { id: 'tags' }
]

export const RESULTS_ID = 'library-results'

export function rowDomId(index: number): string {
  return `clip-row-${index}`
}

function ColumnHeader({ column, sortable }: { column: Column; sortable: boolean }): JSX.Element {
  const { t } = useTranslation()
  const sort = useLibraryStore((s) => s.sort)
  const dir = useLibraryStore((s) => s.dir)
  const sortBy = useLibraryStore((s) => s.actions.sortBy)
  const label = t(`library.columns.${column.id}`)
  if (!column.sort || !sortable) {
    return (
      <div role="columnheader" className={`cell col-${column.id}`}>
        {label}
      </div>
    )
  }
  const key = column.sort
  const active = sort === key
  return (
    <div
      role="columnheader"
      className={`cell col-${column.id}`}
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" className="sort-button" onClick={() => sortBy(key)}>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </div>
  )
}

interface RowProps {
  index: number
  start: number
  onRowClick: (index: number, row: ClipRow, event: MouseEvent) => void
  /** Extra props for the row element (a playlist's reorder drop target). */
  rowProps?: (index: number) => HTMLAttributes<HTMLDivElement>
}

const ListRow = memo(function ListRow({
  index,
  start,
  onRowClick,
  rowProps
}: RowProps): JSX.Element {
  const { t } = useTranslation()
  const locale = useLocale()
  const row = useLibraryStore((s) => rowAt(s.pages, index))
  const selected = useSelectionStore((s) => (row ? isSelected(s, row.id) : false))
  const active = useSelectionStore((s) => s.activeIndex === index)
  const playing = usePlayerStore((s) => row !== undefined && s.current?.id === row.id)
  const style = { transform: `translateY(${start}px)`, height: LIST_ROW_HEIGHT }
  if (!row) {
    return (
      <div
        role="row"
        id={rowDomId(index)}
        aria-rowindex={index + 2}
        aria-busy="true"
        className="list-row placeholder"
        style={style}
      >
        <div role="gridcell" className="cell col-title">
          <span className="skeleton" />
          <span className="visually-hidden">{t('library.loadingRow')}</span>
        </div>
      </div>
    )
  }
  return (
    <div
      role="row"
      id={rowDomId(index)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={rowClasses('list-row', { selected, active, playing })}
      style={style}
      data-testid="clip-row"
      data-clip-id={row.id}
      onClick={(e) => onRowClick(index, row, e)}
      onContextMenu={(e) => {
        e.preventDefault()
        openContextMenu(row, e, { viewIndex: index })
      }}
      draggable={row.hasAudio}
      onDragStart={(e) => startClipDrag(row, index, e)}
      onDragEnd={endClipDrag}
      {...rowProps?.(index)}
    >
      <div role="gridcell" className="cell col-title">
        <Cover src={row.hasCover ? mediaUrl(row.id, 'cover') : null} size={32} />
        <ClipTitle clip={row} />
        <RowMarks row={row} playing={playing} />
      </div>
      <div role="gridcell" className="cell col-style" title={row.styleTags ?? undefined}>
        {row.styleTags}
      </div>
      <div role="gridcell" className="cell col-model">
        {modelShort(row.model)}
      </div>
      <div role="gridcell" className="cell col-duration num">
        {row.durationSec === null ? '' : formatClock(row.durationSec)}
      </div>
      <div role="gridcell" className="cell col-created">
        {formatDay(row.createdAt ?? row.addedAt, locale)}
      </div>
      <div role="gridcell" className="cell col-plays num">
        {formatCount(row.plays, locale)}
      </div>
      <div role="gridcell" className="cell col-tags">
        {row.userTags.map((tag) => (
          <span key={tag} className="tag-chip">
            {tag}
          </span>
        ))}
      </div>
    </div>
  )
})

export interface ClipListProps {
  /** Column headers sort the query (off for a playlist, which keeps its own order). */
  sortable?: boolean
  rowProps?: (index: number) => HTMLAttributes<HTMLDivElement>
}

export function ClipList({ sortable = true, rowProps }: ClipListProps = {}): JSX.Element {
  const { t } = useTranslation()
  const total = useLibraryStore((s) => s.total) ?? 0
  const queryVersion = useLibraryStore((s) => s.queryVersion)
  const activeIndex = useSelectionStore((s) => s.activeIndex)
  const scrollRef = useRef<HTMLDivElement>(null)
  // The React Compiler lint warns that TanStack Virtual's API cannot be memoised; this
  // app does not use the compiler, and the virtualizer is designed for this hook.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LIST_ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 1000, height: 600 }
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1
  useRangeLoader(first, last, total > 0)

  useEffect(() => {
    virtualizer.scrollToOffset(0)
  }, [queryVersion, virtualizer])

  const onRowClick = useCallback((index: number, row: ClipRow, event: MouseEvent) => {
    clickRow(index, row, event)
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return
    const height = scrollRef.current?.clientHeight ?? 600
    handleResultsKey(event, {
      columns: 1,
      pageItems: Math.max(1, Math.floor((height - HEADER_HEIGHT) / LIST_ROW_HEIGHT) - 1),
      scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' })
    })
  }

  const onFocus = (event: FocusEvent<HTMLDivElement>): void => cursorOnFocus(event, total)

  return (
    <div
      ref={scrollRef}
      id={RESULTS_ID}
      role="grid"
      aria-label={t('library.resultsLabel')}
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
      aria-multiselectable="true"
      aria-activedescendant={
        activeIndex >= 0 && activeIndex < total ? rowDomId(activeIndex) : undefined
      }
      tabIndex={0}
      className="clip-list"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      data-testid="clip-list"
    >
      <div role="rowgroup" className="list-head" style={{ height: HEADER_HEIGHT }}>
        <div role="row" aria-rowindex={1} className="list-row head-row">
          {COLUMNS.map((column) => (
            <ColumnHeader key={column.id} column={column} sortable={sortable} />
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        className="list-body"
        style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}
      >
        {items.map((item) => (
          <ListRow
            key={item.key}
            index={item.index}
            start={item.start - HEADER_HEIGHT}
            onRowClick={onRowClick}
            rowProps={rowProps}
          />
        ))}
      </div>
    </div>
  )
}
