import { useRef, type JSX, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLibraryStore } from '../../store/library-store'
import { columnDef, MAX_COLUMN_WIDTH, widthOf, type ColumnId } from './list-columns'
import { useListColumnsStore } from './list-columns-store'

// One header cell of the list: its label sorts the view (the existing sorts), and its left
// edge resizes it — the title takes the rest of the row, so the edge between two columns
// moves with the pointer. The edge is a focusable separator: arrows resize (Shift for
// bigger steps), Home/End go to the smallest/largest, Enter or a double-click resets.

const STEP = 8
const BIG_STEP = 32

export function columnLabelKey(id: ColumnId): string {
  if (id === 'added') return 'browse.columns.addedAt'
  if (id === 'lastPlayed') return 'browse.columns.lastPlayed'
  return `library.columns.${id}`
}

function Resizer({ id, label }: { id: ColumnId; label: string }): JSX.Element {
  const { t } = useTranslation()
  const width = useListColumnsStore((s) => widthOf(id, s.widths))
  const { setWidth, resetWidth } = useListColumnsStore((s) => s.actions)
  const drag = useRef<{ x: number; width: number } | null>(null)
  const def = columnDef(id)

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return
    event.preventDefault()
    event.stopPropagation()
    event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { x: event.clientX, width }
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const start = drag.current
    if (start === null) return
    // The edge is the column's left side: dragging it left makes the column wider.
    setWidth(id, start.width + (start.x - event.clientX))
  }
  const endDrag = (): void => {
    drag.current = null
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.shiftKey ? BIG_STEP : STEP
    let next: number | null = null
    if (event.key === 'ArrowRight' || event.key === 'ArrowUp') next = width + step
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') next = width - step
    else if (event.key === 'Home') next = def.min
    else if (event.key === 'End') next = MAX_COLUMN_WIDTH
    else if (event.key === 'Enter') {
      event.preventDefault()
      event.stopPropagation()
      resetWidth(id)
      return
    } else return
    event.preventDefault()
    event.stopPropagation()
    setWidth(id, next)
  }
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t('browse.columns.resize', { column: label })}
      aria-valuenow={width}
      aria-valuemin={def.min}
      aria-valuemax={MAX_COLUMN_WIDTH}
      title={t('browse.columns.resizeHint')}
      tabIndex={0}
      className="col-resizer"
      data-testid={`resize-${id}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onLostPointerCapture={endDrag}
      onDoubleClick={(event) => {
        event.stopPropagation()
        resetWidth(id)
      }}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={onKeyDown}
    />
  )
}

export function ColumnHeader({
  id,
  sortable,
  dragging = false,
  extra
}: {
  id: ColumnId
  sortable: boolean
  /** Being dragged to a new place (useColumnReorder). */
  dragging?: boolean
  /** Shown after the label (the title cell holds the Columns button). */
  extra?: ReactNode
}): JSX.Element {
  const { t } = useTranslation()
  const sort = useLibraryStore((s) => s.sort)
  const dir = useLibraryStore((s) => s.dir)
  const sortBy = useLibraryStore((s) => s.actions.sortBy)
  const def = columnDef(id)
  const label = t(columnLabelKey(id))
  const className = `cell col-${id}${def.numeric ? ' num' : ''}${dragging ? ' col-dragging' : ''}`
  const resizer = id === 'title' ? null : <Resizer id={id} label={label} />
  const key = def.sort
  if (key === undefined || !sortable) {
    return (
      <div role="columnheader" aria-label={label} className={className} data-column={id}>
        {resizer}
        <span className="col-label">{label}</span>
        {extra}
      </div>
    )
  }
  const active = sort === key
  return (
    <div
      role="columnheader"
      aria-label={label}
      className={className}
      data-column={id}
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      title={id === 'title' ? undefined : t('browse.columns.moveHint')}
    >
      {resizer}
      <button type="button" className="sort-button" onClick={() => sortBy(key)}>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
      {extra}
    </div>
  )
}
