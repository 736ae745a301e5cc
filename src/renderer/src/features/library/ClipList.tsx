import { openContextMenu } from '../../store/context-menu-store'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type HTMLAttributes,
  type JSX,
  type KeyboardEvent,
  type MouseEvent
} from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipRow } from '../../../../shared/domain'
import { Cover } from '../../elements/Cover'
import { ClipTitle } from '../../elements/ClipTitle'
import { formatDay } from '../../elements/format-day'
import { formatClock, formatCount } from '../../elements/intl-format'
import { useLocale } from '../../hooks/useLocale'
import { mediaUrl } from '../../lib/bridge'
import { showsHeldRows, shownRowAt, useLibraryStore } from '../../store/library-store'
import { usePlayerStore } from '../../store/player-store'
import { isSelected, useSelectionStore } from '../../store/selection-store'
import { clickRow, cursorOnFocus, handleResultsKey } from './interaction'
import { endClipDrag, startClipDrag } from '../playlists/clip-drag'
import { rowClasses } from './row-view'
import { RowMarks } from './StateBadge'
import { useRangeLoader } from './useRangeLoader'
import './clip-list.css'
import { ColumnHeader } from './ColumnHeader'
import { ColumnsMenu } from './ColumnsMenu'
import { isColumnId, type ColumnId } from './list-columns'
import { useColumnReorder } from './useColumnReorder'
import { useListColumns } from './useListColumns'
import { modelShort } from '../../../../shared/models'

// The list layout: one row per clip with sortable columns, virtualised so that only the
// rows on screen exist in the DOM whatever the size of the library.

export const LIST_ROW_HEIGHT = 44
const HEADER_HEIGHT = 34
const OVERSCAN = 12

export const RESULTS_ID = 'library-results'

export function rowDomId(index: number): string {
  return `clip-row-${index}`
}

/** One cell of a row, by column. */
function RowCell({
  id,
  row,
  playing,
  locale
}: {
  id: ColumnId
  row: ClipRow
  playing: boolean
  locale: string
}): JSX.Element {
  switch (id) {
    case 'title':
      return (
        <div role="gridcell" className="cell col-title">
          <Cover src={row.hasCover ? mediaUrl(row.id, 'cover') : null} size={32} />
          <ClipTitle clip={row} />
          <RowMarks row={row} playing={playing} />
        </div>
      )
    case 'style':
      return (
        <div role="gridcell" className="cell col-style" title={row.styleTags ?? undefined}>
          {row.styleTags}
        </div>
      )
    case 'model':
      return (
        <div role="gridcell" className="cell col-model">
          {modelShort(row.model)}
        </div>
      )
    case 'duration':
      return (
        <div role="gridcell" className="cell col-duration num">
          {row.durationSec === null ? '' : formatClock(row.durationSec)}
        </div>
      )
    case 'created':
      return (
        <div role="gridcell" className="cell col-created">
          {formatDay(row.createdAt ?? row.addedAt, locale)}
        </div>
      )
    case 'added':
      return (
        <div role="gridcell" className="cell col-added">
          {formatDay(row.addedAt, locale)}
        </div>
      )
    case 'plays':
      return (
        <div role="gridcell" className="cell col-plays num">
          {formatCount(row.plays, locale)}
        </div>
      )
    case 'lastPlayed':
      return (
        <div role="gridcell" className="cell col-lastPlayed">
          {row.lastPlayedAt === null ? '' : formatDay(row.lastPlayedAt, locale)}
        </div>
      )
    case 'tags':
      return (
        <div role="gridcell" className="cell col-tags">
          {row.userTags.map((tag) => (
            <span key={tag} className="tag-chip">
              {tag}
            </span>
          ))}
        </div>
      )
  }
}

interface RowProps {
  index: number
  start: number
  columns: readonly ColumnId[]
  onRowClick: (index: number, row: ClipRow, event: MouseEvent) => void
  /** Extra props for the row element (a playlist's reorder drop target). */
  rowProps?: (index: number) => HTMLAttributes<HTMLDivElement>
}

const ListRow = memo(function ListRow({
  index,
  start,
  columns,
  onRowClick,
  rowProps
}: RowProps): JSX.Element {
  const { t } = useTranslation()
  const locale = useLocale()
  const row = useLibraryStore((s) => shownRowAt(s, index))
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
      {columns.map((id) => (
        <RowCell key={id} id={id} row={row} playing={playing} locale={locale} />
      ))}
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
  const holding = useLibraryStore(showsHeldRows)
  const activeIndex = useSelectionStore((s) => s.activeIndex)
  const scrollRef = useRef<HTMLDivElement>(null)
  const { columns, template } = useListColumns(scrollRef)
  const headRef = useRef<HTMLDivElement>(null)
  const reorder = useColumnReorder(columns, headRef)
  const [menu, setMenu] = useState<{
    x: number
    y: number
    opener: HTMLElement | null
    /** The header right-clicked, for Move left / Move right. */
    column?: ColumnId
  } | null>(null)
  const closeMenu = useCallback((refocus: boolean) => {
    setMenu((open) => {
      if (refocus) open?.opener?.focus()
      return null
    })
  }, [])
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
      aria-colcount={columns.length}
      aria-multiselectable="true"
      aria-activedescendant={
        activeIndex >= 0 && activeIndex < total ? rowDomId(activeIndex) : undefined
      }
      tabIndex={0}
      className="clip-list"
      style={{ '--list-cols': template } as CSSProperties}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      data-testid="clip-list"
    >
      <div ref={headRef} role="rowgroup" className="list-head" style={{ height: HEADER_HEIGHT }}>
        <div
          role="row"
          aria-rowindex={1}
          className={`list-row head-row${reorder.drop ? ' reordering' : ''}`}
          onContextMenu={(event) => {
            event.preventDefault()
            const cell = (event.target as HTMLElement).closest('[data-column]')
            const column = cell?.getAttribute('data-column')
            const opener = cell?.querySelector<HTMLElement>('button') ?? scrollRef.current
            setMenu({
              x: event.clientX,
              y: event.clientY,
              opener,
              column: isColumnId(column) ? column : undefined
            })
          }}
          {...reorder.handlers}
        >
          {columns.map((id) => (
            <ColumnHeader
              key={id}
              id={id}
              sortable={sortable}
              dragging={reorder.drop?.id === id}
              extra={
                id === 'title' ? (
                  <button
                    type="button"
                    className="columns-button"
                    aria-haspopup="menu"
                    aria-expanded={menu !== null}
                    data-testid="columns-button"
                    onClick={(event) => {
                      const box = event.currentTarget.getBoundingClientRect()
                      setMenu({ x: box.left, y: box.bottom + 4, opener: event.currentTarget })
                    }}
                  >
                    {t('browse.columns.menuButton')} ▾
                  </button>
                ) : undefined
              }
            />
          ))}
        </div>
        {reorder.drop && (
          <div
            className="col-drop-indicator"
            aria-hidden="true"
            data-testid="column-drop-indicator"
            style={{ left: reorder.drop.x }}
          />
        )}
      </div>
      <div
        role="rowgroup"
        className="list-body"
        style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}
        inert={holding}
      >
        {items.map((item) => (
          <ListRow
            key={item.key}
            index={item.index}
            start={item.start - HEADER_HEIGHT}
            columns={columns}
            onRowClick={onRowClick}
            rowProps={rowProps}
          />
        ))}
      </div>
      {menu && <ColumnsMenu at={menu} column={menu.column} visible={columns} onClose={closeMenu} />}
    </div>
  )
}
