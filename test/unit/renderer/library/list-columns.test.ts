import { describe, expect, it } from 'vitest'
import {
  fitColumns,
  gridTemplate,
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
