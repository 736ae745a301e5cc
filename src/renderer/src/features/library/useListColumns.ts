import { useEffect, useMemo, useState, type RefObject } from 'react'
import { fitColumns, gridTemplate, type ColumnId } from './list-columns'
import { useListColumnsStore } from './list-columns-store'

/** The columns the list lays out and its grid template: the user's choice and widths,
 * fitted to the list's width (one observer on the list, never a row measured). */
export function useListColumns(ref: RefObject<HTMLElement | null>): {
  columns: readonly ColumnId[]
  template: string
} {
  const shown = useListColumnsStore((s) => s.shown)
  const widths = useListColumnsStore((s) => s.widths)
  const order = useListColumnsStore((s) => s.order)
  const [width, setWidth] = useState(1000)
  useEffect(() => {
    const element = ref.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setWidth(element.clientWidth))
    observer.observe(element)
    setWidth(element.clientWidth)
    return () => observer.disconnect()
  }, [ref])
  const key = fitColumns(shown, widths, width || 1000, order).join(' ')
  // The same list of ids keeps one array, so memoised rows are not re-rendered for it.
  const columns = useMemo(() => key.split(' ') as ColumnId[], [key])
  return { columns, template: gridTemplate(columns, widths) }
}
