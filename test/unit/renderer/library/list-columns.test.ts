import { describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_ORDER,
  fitColumns,
  gridTemplate,
  moveColumnBefore,
  moveColumnStep,
  normalizeOrder,
  type ColumnId
} from '../../../../src/renderer/src/features/library/list-columns'
import {
  COLUMNS_KEY,
  useListColumnsStore
} from '../../../../src/renderer/src/features/library/list-columns-store'

// Issue 13: the list's chosen columns become one grid template, fitted to the list's width
// with the least important columns dropped first; the choice is kept in localStorage.

const ALL: ColumnId[] = [
  'style',
  'model',
  'duration',
  'created',
  'added',
  'plays',
  'lastPlayed',
  'tags'
]

describe('list columns', () => {
  it('keeps every chosen column when they fit, in row order, the title first and flexible', () => {
    const ids = fitColumns(new Set<ColumnId>(['tags', 'style']), {}, 2000)
    expect(ids).toEqual(['title', 'style', 'tags'])
    expect(gridTemplate(ids, { style: 300 })).toBe('minmax(300px, 1fr) 300px 110px')
  })

  it('drops the least important first when the row is too narrow, never the title', () => {
    const wide = fitColumns(new Set(ALL), {}, 5000)
    expect(wide).toHaveLength(9)
    const narrow = fitColumns(new Set(ALL), {}, 600)
    expect(narrow[0]).toBe('title')
    expect(narrow).toContain('duration')
    expect(narrow).not.toContain('tags')
    expect(fitColumns(new Set(ALL), {}, 10)).toEqual(['title'])
  })

  it('widths are clamped and saved with the choice; reset brings the defaults back', () => {
    const { actions } = useListColumnsStore.getState()
    actions.setWidth('style', 5)
    expect(useListColumnsStore.getState().widths.style).toBe(80)
    actions.setWidth('style', 10_000)
    expect(useListColumnsStore.getState().widths.style).toBe(480)
    actions.toggle('model')
    actions.toggle('title')
    const saved = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? '{}') as {
      shown: string[]
      widths: Record<string, number>
    }
    expect(saved.widths).toEqual({ style: 480 })
    expect(saved.shown).not.toContain('model')
    expect(saved.shown).not.toContain('title')
    actions.reset()
    expect(useListColumnsStore.getState().widths).toEqual({})
    expect(useListColumnsStore.getState().shown.has('model')).toBe(true)
  })
})

describe('list column order (issue 13 reorder)', () => {
  it('reads a remembered order safely: unknown ids and duplicates dropped, missing appended, title first', () => {
    expect(normalizeOrder(['plays', 'bogus', 'style', 'plays', 7, 'title', 'model'])).toEqual([
      'title',
      'plays',
      'style',
      'model',
      'duration',
      'created',
      'added',
      'lastPlayed',
      'tags'
    ])
    expect(normalizeOrder('plays,style')).toEqual([...DEFAULT_ORDER])
    expect(normalizeOrder(undefined)).toEqual([...DEFAULT_ORDER])
  })

  it('lays the chosen columns out in the order', () => {
    const order = normalizeOrder(['tags', 'style'])
    expect(fitColumns(new Set<ColumnId>(['style', 'tags', 'plays']), {}, 2000, order)).toEqual([
      'title',
      'tags',
      'style',
      'plays'
    ])
  })

  it('moves a column before another, never before the title; a step passes the neighbour on screen', () => {
    const order = [...DEFAULT_ORDER]
    expect(moveColumnBefore(order, 'plays', 'style').slice(0, 3)).toEqual([
      'title',
      'plays',
      'style'
    ])
    expect(moveColumnBefore(order, 'plays', 'title')[0]).toBe('title')
    expect(moveColumnBefore(order, 'title', null)).toEqual(order)
    expect(moveColumnBefore(order, 'style', null).at(-1)).toBe('style')
    // 'added' is hidden between created and plays: a step right from created passes plays.
    const visible: ColumnId[] = ['title', 'style', 'created', 'plays']
    const right = moveColumnStep(order, visible, 'created', 1)
    expect(right.indexOf('created')).toBe(right.indexOf('plays') + 1)
    expect(moveColumnStep(order, visible, 'style', -1)).toEqual(order)
    expect(moveColumnStep(order, visible, 'plays', 1)).toEqual(order)
  })

  it('the order is saved with the columns, read back validated, and Reset columns restores it', () => {
    const { actions } = useListColumnsStore.getState()
    actions.moveBefore('tags', 'style')
    const saved = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? '{}') as { order: string[] }
    expect(saved.order.slice(0, 3)).toEqual(['title', 'tags', 'style'])
    actions.reset()
    expect(useListColumnsStore.getState().order).toEqual(DEFAULT_ORDER)
  })

  it('a stored order that is damaged is repaired when the store starts', async () => {
    localStorage.setItem(
      COLUMNS_KEY,
      JSON.stringify({ shown: ['style'], widths: {}, order: ['tags', 'tags', 'nope', 'title'] })
    )
    vi.resetModules()
    const fresh = await import('../../../../src/renderer/src/features/library/list-columns-store')
    const order = fresh.useListColumnsStore.getState().order
    expect(order.slice(0, 2)).toEqual(['title', 'tags'])
    expect(new Set(order).size).toBe(DEFAULT_ORDER.length)
    expect(order).toHaveLength(DEFAULT_ORDER.length)
    localStorage.removeItem(COLUMNS_KEY)
  })
})
