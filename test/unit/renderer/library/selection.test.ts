import { describe, expect, it } from 'vitest'
import { useLibraryStore } from '../../../../src/renderer/src/store/library-store'
import {
  isSelected,
  selectionCount,
  useSelectionStore
} from '../../../../src/renderer/src/store/selection-store'
import { rowAt } from '../../../../src/renderer/src/store/library-paging'
import { installFakeLibrary, makeRow, setupLibraryTests } from './support'

setupLibraryTests()

// Created-desc order: index i shows clip (N-1-i). The helpers hide that.
async function loadLibrary(
  n: number,
  visibleEnd = 50
): Promise<ReturnType<typeof installFakeLibrary>> {
  const lib = installFakeLibrary(Array.from({ length: n }, (_, i) => makeRow(i)))
  await useLibraryStore.getState().actions.ensureRange({ start: 0, end: visibleEnd })
  await new Promise((r) => setTimeout(r, 0))
  return lib
}

function row(index: number): NonNullable<ReturnType<typeof rowAt>> {
  const found = rowAt(useLibraryStore.getState().pages, index)
  if (!found) throw new Error(`row ${index} is not loaded`)
  return found
}

function selectedIndexes(): number[] {
  const s = useSelectionStore.getState()
  const out: number[] = []
  for (let i = 0; i < (useLibraryStore.getState().total ?? 0); i++) {
    const r = rowAt(useLibraryStore.getState().pages, i)
    if (r && isSelected(s, r.id)) out.push(i)
  }
  return out
}

describe('selecting clips', () => {
  it('a click selects one clip; another click replaces it', async () => {
    await loadLibrary(20)
    const { actions } = useSelectionStore.getState()
    await actions.click(3, row(3))
    await actions.click(5, row(5))
    expect(selectedIndexes()).toEqual([5])
    expect(useSelectionStore.getState().anchorIndex).toBe(5)
  })

  it('shift-click selects the range from the anchor, in either direction', async () => {
    await loadLibrary(20)
    const { actions } = useSelectionStore.getState()
    await actions.click(4, row(4))
    await actions.click(8, row(8), { range: true })
    expect(selectedIndexes()).toEqual([4, 5, 6, 7, 8])
    // The anchor stays: a second shift-click re-draws the range from it.
    await actions.click(2, row(2), { range: true })
    expect(selectedIndexes()).toEqual([2, 3, 4])
    expect([...useSelectionStore.getState().selected.keys()]).toEqual([
      row(2).id,
      row(3).id,
      row(4).id
    ])
  })

  it('ctrl/cmd-click adds and removes single clips and moves the anchor', async () => {
    await loadLibrary(20)
    const { actions } = useSelectionStore.getState()
    await actions.click(1, row(1))
    await actions.click(6, row(6), { toggle: true })
    await actions.click(9, row(9), { toggle: true })
    expect(selectedIndexes()).toEqual([1, 6, 9])
    await actions.click(6, row(6), { toggle: true })
    expect(selectedIndexes()).toEqual([1, 9])
    await actions.click(11, row(11), { range: true })
    expect(selectedIndexes()).toEqual([6, 7, 8, 9, 10, 11])
  })

  it('a shift range over rows that are not loaded fetches them instead of skipping them', async () => {
    const lib = await loadLibrary(1000, 20)
    const { actions } = useSelectionStore.getState()
    await actions.click(10, row(10))
    expect(rowAt(useLibraryStore.getState().pages, 700)).toBeUndefined()
    const before = lib.queries().length
    await actions.extendTo(700)
    expect(useSelectionStore.getState().selected.size).toBe(691)
    expect(lib.queries().length).toBeGreaterThan(before)
    // The far rows were fetched for the selection, not added to the scroll cache.
    expect(rowAt(useLibraryStore.getState().pages, 700)).toBeUndefined()
  })

  it('ctrl/cmd+A selects the whole query without loading it; exceptions can be toggled away', async () => {
    const lib = await loadLibrary(450, 20)
    const { actions } = useSelectionStore.getState()
    const queriesBefore = lib.queries().length
    actions.selectAll()
    expect(lib.queries().length).toBe(queriesBefore)
    expect(selectionCount(useSelectionStore.getState(), 450)).toBe(450)
    await actions.click(2, row(2), { toggle: true })
    expect(selectionCount(useSelectionStore.getState(), 450)).toBe(449)
    expect(isSelected(useSelectionStore.getState(), row(2).id)).toBe(false)
    const rows = await actions.resolve()
    expect(rows).toHaveLength(449)
    expect(rows.some((r) => r.id === row(2).id)).toBe(false)
  })

  it('Escape-style clear empties it; a new search starts a fresh selection', async () => {
    await loadLibrary(20)
    const { actions } = useSelectionStore.getState()
    await actions.click(1, row(1))
    actions.clear()
    expect(selectedIndexes()).toEqual([])
    await actions.click(2, row(2))
    useLibraryStore.getState().actions.setSearch('Song 1')
    expect(useSelectionStore.getState().selected.size).toBe(0)
    expect(useSelectionStore.getState().all).toBe(false)
  })
})
