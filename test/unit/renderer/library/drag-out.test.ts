import { describe, expect, it, vi } from 'vitest'
import { useLibraryStore } from '../../../../src/renderer/src/store/library-store'
import { useSelectionStore } from '../../../../src/renderer/src/store/selection-store'
import { dragOut } from '../../../../src/renderer/src/features/library/interaction'
import { rowAt } from '../../../../src/renderer/src/store/library-paging'
import { installFakeLibrary, makeRow, setupLibraryTests } from './support'

setupLibraryTests()

async function library(): Promise<ReturnType<typeof installFakeLibrary>> {
  const lib = installFakeLibrary(Array.from({ length: 5 }, (_, i) => makeRow(i)))
  await useLibraryStore.getState().actions.ensureRange({ start: 0, end: 5 })
  return lib
}
const row = (i: number): NonNullable<ReturnType<typeof rowAt>> =>
  rowAt(useLibraryStore.getState().pages, i)!
const dragged = (lib: ReturnType<typeof installFakeLibrary>): unknown[] =>
  lib.fake.calls.filter((c) => c.method === 'startDrag').map((c) => c.request)

describe('dragging clips out of the app', () => {
  it('drags the whole selection when the dragged clip is part of it', async () => {
    const lib = await library()
    const actions = useSelectionStore.getState().actions
    await actions.click(0, row(0), { range: false, toggle: false })
    await actions.click(2, row(2), { range: false, toggle: true })
    const preventDefault = vi.fn()
    dragOut(row(2), { preventDefault })
    expect(preventDefault).toHaveBeenCalled()
    expect(dragged(lib)).toEqual([{ ids: [row(0).id, row(2).id] }])
  })

  it('drags only the clip itself when it is not selected', async () => {
    const lib = await library()
    await useSelectionStore.getState().actions.click(0, row(0), { range: false, toggle: false })
    dragOut(row(3), { preventDefault: () => undefined })
    expect(dragged(lib)).toEqual([{ ids: [row(3).id] }])
  })
})
