import { describe, expect, it } from 'vitest'
import type { PlaylistSummary } from '../../../../src/shared/playlists'
import { reorderTarget } from '../../../../src/renderer/src/features/playlists/reorder'
import { LIBRARY_SOURCE, useLibraryStore } from '../../../../src/renderer/src/store/library-store'
import { usePlaylistsStore } from '../../../../src/renderer/src/store/playlists-store'
import { installFakeApi } from '../support/fake-api'
import { makeRow, setupLibraryTests } from '../library/support'

setupLibraryTests()

const summary = (patch: Partial<PlaylistSummary> = {}): PlaylistSummary => ({
  id: 'pl1',
  name: 'Road trip',
  kind: 'manual',
  count: 3,
  rule: null,
  createdAt: 1,
  updatedAt: 1,
  ...patch
})

describe('where rows dragged inside a playlist land', () => {
  it('takes the place of the row they are dropped on', () => {
    // [A B C D]: D onto B → [A D B C]; A onto C → [B C A D].
    expect(reorderTarget([3], 1)).toBe(1)
    expect(reorderTarget([0], 2)).toBe(2)
    // Two rows from above onto the last: they go after it.
    expect(reorderTarget([0, 1], 3)).toBe(2)
  })
  it('moves nothing when dropped on one of the dragged rows', () => {
    expect(reorderTarget([1, 2], 2)).toBeNull()
    expect(reorderTarget([], 2)).toBeNull()
  })
})

describe('the list showing a playlist', () => {
  it('pages the playlist in its own order, keeps its item ids, and goes back to the library', async () => {
    const library = [makeRow(0), makeRow(1), makeRow(2)]
    const fake = installFakeApi({
      queryLibrary: () => ({ rows: library, total: 3, offset: 0 }),
      getFacets: () => ({ styleTags: [], models: [], userTags: [] }) as never,
      queryPlaylist: ({ offset = 0 }) => ({
        rows: [library[2]!, library[0]!, library[2]!],
        itemIds: [11, 12, 13],
        total: 3,
        offset
      })
    })
    const actions = useLibraryStore.getState().actions
    await actions.ensureRange({ start: 0, end: 10 })
    const before = useLibraryStore.getState().queryVersion

    actions.setSource({ kind: 'playlist', id: 'pl1' })
    await expect.poll(() => useLibraryStore.getState().total).toBe(3)
    const state = useLibraryStore.getState()
    expect(state.queryVersion).toBeGreaterThan(before)
    expect(state.pages.get(0)?.map((r) => r.id)).toEqual([
      library[2]!.id,
      library[0]!.id,
      library[2]!.id
    ])
    // The same clip twice is two entries: each row knows its own item.
    expect(actions.itemIdsAt([2, 0])).toEqual([13, 11])
    // A playlist has no facets to ask for.
    expect(fake.calls.filter((c) => c.method === 'getFacets')).toHaveLength(0)

    actions.setSource(LIBRARY_SOURCE)
    await expect
      .poll(() =>
        useLibraryStore
          .getState()
          .pages.get(0)
          ?.map((r) => r.id)
      )
      .toEqual(library.map((r) => r.id))
    expect(actions.itemIdsAt([0])).toEqual([])
  })
})

describe('deleting a playlist', () => {
  it('offers an undo that restores it', async () => {
    let alive = true
    const fake = installFakeApi({
      listPlaylists: () => (alive ? [summary()] : []),
      deletePlaylist: () => {
        alive = false
        return { ok: true }
      },
      restorePlaylist: () => {
        alive = true
        return summary()
      }
    })
    const actions = usePlaylistsStore.getState().actions
    await actions.load()
    expect(await actions.remove('pl1')).toBe(true)
    const toast = usePlaylistsStore.getState().toast
    expect(toast).toMatchObject({ kind: 'deleted', playlist: { name: 'Road trip' } })
    expect(usePlaylistsStore.getState().list).toEqual([])

    expect(await actions.undoRemove()).toMatchObject({ id: 'pl1' })
    await expect.poll(() => usePlaylistsStore.getState().list.map((p) => p.id)).toEqual(['pl1'])
    expect(fake.calls.map((c) => c.method)).toContain('restorePlaylist')
    expect(usePlaylistsStore.getState().toast).toBeNull()
  })

  it('says why when the core refuses', async () => {
    installFakeApi({
      listPlaylists: () => [summary()],
      deletePlaylist: () => {
        throw new Error('locked')
      }
    })
    const actions = usePlaylistsStore.getState().actions
    await actions.load()
    expect(await actions.remove('pl1')).toBe(false)
    expect(usePlaylistsStore.getState().toast).toMatchObject({ kind: 'error' })
    expect(usePlaylistsStore.getState().list).toHaveLength(1)
  })
})
