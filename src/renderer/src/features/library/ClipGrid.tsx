import { openContextMenu } from '../../store/context-menu-store'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type JSX,
  type KeyboardEvent,
  type MouseEvent
} from 'react'
import { useTranslation } from 'react-i18next'
import type { ClipRow } from '../../../../shared/domain'
import { AnimatedCover, useReducedMotion } from '../../elements/AnimatedCover'
import { Cover } from '../../elements/Cover'
import { labelText } from '../../elements/clip-label-text'
import { ClipTitle } from '../../elements/ClipTitle'
import { Glyph } from '../../elements/Glyph'
import { formatClock } from '../../elements/intl-format'
import { mediaUrl } from '../../lib/bridge'
import { showsHeldRows, shownRowAt, useLibraryStore } from '../../store/library-store'
import { usePlayerStore } from '../../store/player-store'
import { isSelected, useSelectionStore } from '../../store/selection-store'
import { RESULTS_ID } from './ClipList'
import { clickRow, cursorOnFocus, handleResultsKey } from './interaction'
import { endClipDrag, startClipDrag } from '../playlists/clip-drag'
import { playIndex } from './interaction'
import { rowClasses, rowView } from './row-view'
import { RowMarks } from './StateBadge'
import { useRangeLoader } from './useRangeLoader'
import './clip-grid.css'
import { modelShort } from '../../../../shared/models'

// The cover layout: cards in as many columns as fit, virtualised by rows of cards.

const MIN_CARD = 168
const GAP = 16
const PADDING = 16
/** Title and one line of details under the cover. */
const CAPTION = 52

export function gridColumns(width: number): number {
  return Math.max(1, Math.floor((width - 2 * PADDING + GAP) / (MIN_CARD + GAP)))
}

export function cellDomId(index: number): string {
  return `clip-cell-${index}`
}

interface CardProps {
  index: number
  onCardClick: (index: number, row: ClipRow, event: MouseEvent) => void
}

const Card = memo(function Card({ index, onCardClick }: CardProps): JSX.Element {
  const { t } = useTranslation()
  const row = useLibraryStore((s) => shownRowAt(s, index))
  const selected = useSelectionStore((s) => (row ? isSelected(s, row.id) : false))
  const active = useSelectionStore((s) => s.activeIndex === index)
  const playing = usePlayerStore((s) => row !== undefined && s.current?.id === row.id)
  const [hovered, setHovered] = useState(false)
  const reducedMotion = useReducedMotion()
  if (!row) {
    return (
      <div role="gridcell" id={cellDomId(index)} aria-busy="true" className="clip-card placeholder">
        <span className="cover card-cover" />
        <span className="skeleton" />
        <span className="visually-hidden">{t('library.loadingRow')}</span>
      </div>
    )
  }
  const view = rowView(row)
  const details = [
    modelShort(row.model) || null,
    row.durationSec === null ? null : formatClock(row.durationSec)
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <div
      role="gridcell"
      id={cellDomId(index)}
      aria-selected={selected}
      className={rowClasses('clip-card', { selected, active, playing })}
      data-testid="clip-card"
      data-clip-id={row.id}
      onClick={(e) => onCardClick(index, row, e)}
      onContextMenu={(e) => {
        e.preventDefault()
        openContextMenu(row, e, { viewIndex: index })
      }}
      draggable={row.hasAudio}
      onDragStart={(e) => startClipDrag(row, index, e)}
      onDragEnd={endClipDrag}
    >
      <span
        className="card-art"
        onMouseEnter={() => setHovered(true)}
        onMouseLeave={() => setHovered(false)}
      >
        <Cover src={row.hasCover ? mediaUrl(row.id, 'cover') : null} className="card-cover" />
        {/* The animated cover plays on hover, only once it is in the library folder. */}
        {hovered && row.hasVideoCover === true && !reducedMotion && (
          <AnimatedCover clipId={row.id} className="card-loop" />
        )}
        {view.playable && (
          // Shown on hover and on the keyboard cursor; not a Tab stop of its own (the grid
          // moves its cursor with the arrows, and Ctrl+Enter plays).
          <button
            type="button"
            className="card-play"
            tabIndex={-1}
            data-testid="card-play"
            aria-label={t('gestures.playTitle', { title: labelText(t, row) })}
            onClick={(event) => {
              event.stopPropagation()
              playIndex(index)
            }}
            onDoubleClick={(event) => event.stopPropagation()}
          >
            <Glyph name="play" size={26} />
          </button>
        )}
      </span>
      <span className="card-title">
        <ClipTitle clip={row} />
      </span>
      <span className="card-details">
        {details} <RowMarks row={row} playing={playing} />
      </span>
      {row.styleTags && <span className="visually-hidden">{row.styleTags}</span>}
    </div>
  )
})

export function ClipGrid(): JSX.Element {
  const { t } = useTranslation()
  const total = useLibraryStore((s) => s.total) ?? 0
  const queryVersion = useLibraryStore((s) => s.queryVersion)
  const holding = useLibraryStore(showsHeldRows)
  const activeIndex = useSelectionStore((s) => s.activeIndex)
  const scrollRef = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(960)

  useEffect(() => {
    const element = scrollRef.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver((entries) => {
      const next = entries[0]?.contentRect.width
      if (next && next > 0) setWidth(next)
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const columns = gridColumns(width)
  const cardWidth = (width - 2 * PADDING - (columns - 1) * GAP) / columns
  const rowHeight = Math.round(cardWidth + CAPTION + GAP)
  const rowCount = Math.ceil(total / columns)

  // See ClipList: the compiler lint does not apply to this app.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    paddingStart: PADDING,
    paddingEnd: PADDING,
    overscan: 3,
    initialRect: { width: 1000, height: 600 }
  })

  useEffect(() => {
    virtualizer.measure()
  }, [rowHeight, virtualizer])
  useEffect(() => {
    virtualizer.scrollToOffset(0)
  }, [queryVersion, virtualizer])

  const items = virtualizer.getVirtualItems()
  const firstRow = items[0]?.index ?? 0
  const lastRow = items[items.length - 1]?.index ?? -1
  useRangeLoader(firstRow * columns, Math.min(total - 1, (lastRow + 1) * columns - 1), total > 0)

  const onCardClick = useCallback((index: number, row: ClipRow, event: MouseEvent) => {
    clickRow(index, row, event)
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return
    const height = scrollRef.current?.clientHeight ?? 600
    handleResultsKey(event, {
      columns,
      pageItems: Math.max(1, Math.floor(height / rowHeight)) * columns,
      scrollToIndex: (index) => virtualizer.scrollToIndex(Math.floor(index / columns))
    })
  }

  const onFocus = (event: FocusEvent<HTMLDivElement>): void => cursorOnFocus(event, total)

  return (
    <div
      ref={scrollRef}
      id={RESULTS_ID}
      role="grid"
      aria-label={t('library.resultsLabel')}
      aria-rowcount={rowCount}
      aria-colcount={columns}
      aria-multiselectable="true"
      aria-activedescendant={
        activeIndex >= 0 && activeIndex < total ? cellDomId(activeIndex) : undefined
      }
      tabIndex={0}
      className="clip-grid"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      data-testid="clip-grid"
    >
      <div
        role="rowgroup"
        className="grid-body"
        style={{ height: virtualizer.getTotalSize() }}
        inert={holding}
      >
        {items.map((item) => {
          const start = item.index * columns
          const count = Math.min(columns, total - start)
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 1}
              className="grid-row"
              style={{
                transform: `translateY(${item.start}px)`,
                gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
                height: rowHeight - GAP
              }}
            >
              {Array.from({ length: count }, (_, i) => (
                <Card key={start + i} index={start + i} onCardClick={onCardClick} />
              ))}
            </div>
          )
        })}
      </div>
    </div>
  )
}
