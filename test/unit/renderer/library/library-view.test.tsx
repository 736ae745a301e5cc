import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { LibraryView } from '../../../../src/renderer/src/features/library/LibraryView'
import { useAppStore } from '../../../../src/renderer/src/store/app-store'
import { usePlayerStore } from '../../../../src/renderer/src/store/player-store'
import { SEARCH_QUIET_MS } from '../../../../src/renderer/src/features/library/search-schedule'
import { installFakeLibrary, makeRow, setupLibraryTests } from './support'

setupLibraryTests()

function rows(n: number): ReturnType<typeof makeRow>[] {
  return Array.from({ length: n }, (_, i) => makeRow(i))
}

async function renderLibrary(n: number): Promise<ReturnType<typeof installFakeLibrary>> {
  const lib = installFakeLibrary(rows(n))
  render(<LibraryView />)
  if (n > 0) await screen.findAllByTestId('clip-row')
  return lib
}

function visibleTitles(): string[] {
  return screen
    .getAllByTestId('clip-row')
    .map((row) => row.querySelector('.title-text')?.textContent ?? '')
}

describe('the library view', () => {
  it('an empty library says what to do and the button leads to the Tasks view', async () => {
    installFakeLibrary([])
    await act(() => useAppStore.getState().actions.loadInfo())
    render(<LibraryView />)
    const empty = await screen.findByTestId('library-empty')
    expect(empty.textContent).toContain('Your library is empty')
    expect(screen.getByTestId('library-dir').textContent).toBe('/music/Songshelf')
    fireEvent.click(screen.getByRole('button', { name: 'Add task ids' }))
    expect(useAppStore.getState().view).toBe('tasks')
  })

  it('a library that cannot be read says so and offers a retry', async () => {
    installFakeLibrary([]).fake.api.queryLibrary = async () => ({
      ok: false,
      error: { code: 'library_unavailable', message: 'The library folder is not available.' }
    })
    render(<LibraryView />)
    expect((await screen.findByTestId('library-load-error')).textContent).toContain(
      'The library folder is not available.'
    )
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
  })

  it('shows the clips newest first with covers, placeholders and the count', async () => {
    await renderLibrary(30)
    expect(screen.getByTestId('library-count').textContent).toBe('30 clips')
    expect(visibleTitles().slice(0, 3)).toEqual(['Song 29', 'Song 28', 'Song 27'])
    const withCover = screen.getAllByTestId('clip-row')[0] as HTMLElement
    expect(withCover.querySelector('img')?.getAttribute('src')).toBe('/media/clip/clip-00029/cover')
    expect(withCover.querySelector('img')?.getAttribute('loading')).toBe('lazy')
    // Song 25 has no cover (i % 5 === 0): a placeholder, not a broken image.
    const noCover = screen.getAllByTestId('clip-row')[4] as HTMLElement
    expect(noCover.querySelector('img')).toBeNull()
    expect(noCover.querySelector('.cover-placeholder')).not.toBeNull()
  })

  it('renders only a window of a large library and sizes the scroller from the total', async () => {
    const lib = await renderLibrary(100_000)
    await waitFor(() =>
      expect(screen.getByTestId('library-count').textContent).toBe('100,000 clips')
    )
    expect(screen.getAllByTestId('clip-row').length).toBeLessThan(60)
    expect(lib.queries().every((q) => q.limit === 200)).toBe(true)
    const grid = screen.getByRole('grid', { name: 'Clips' })
    expect(grid.getAttribute('aria-rowcount')).toBe('100001')
  })

  it('a key typed into an idle search box searches at once, without a debounce', async () => {
    const lib = await renderLibrary(30)
    const search = screen.getByRole('searchbox', { name: 'Search the library' })
    expect(search.id).toBe('library-search')
    // No clock moves: the old box waited 150 ms before its first query.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    try {
      fireEvent.change(search, { target: { value: 'Song 1' } })
      expect(lib.queries().map((q) => q.search)).toContain('Song 1')
    } finally {
      vi.useRealTimers()
    }
    await waitFor(() => expect(screen.getByTestId('library-count').textContent).toBe('11 clips'))
  })

  it('a fast burst of keys searches its first key, then once more when the keys pause', async () => {
    const lib = await renderLibrary(30)
    const search = screen.getByRole('searchbox', { name: 'Search the library' })
    const searches = (): (string | undefined)[] =>
      lib
        .queries()
        .map((q) => q.search)
        .filter(Boolean)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    try {
      fireEvent.change(search, { target: { value: 'S' } })
      vi.advanceTimersByTime(10)
      fireEvent.change(search, { target: { value: 'Song' } })
      vi.advanceTimersByTime(10)
      fireEvent.change(search, { target: { value: 'Song 1' } })
      expect(searches()).toEqual(['S'])
      vi.advanceTimersByTime(SEARCH_QUIET_MS - 1)
      expect(searches()).toEqual(['S'])
      vi.advanceTimersByTime(1)
      expect(searches()).toEqual(['S', 'Song 1'])
    } finally {
      vi.useRealTimers()
    }
    await waitFor(() => expect(screen.getByTestId('library-count').textContent).toBe('11 clips'))
    expect(
      screen
        .getByTestId('library-count')
        .closest('section')
        ?.querySelector('[data-answered-search]')
        ?.getAttribute('data-answered-search')
    ).toBe('Song 1')
  })

  it('while a search is on its way the rows on screen stay, inert, never placeholders', async () => {
    const lib = await renderLibrary(30)
    const before = visibleTitles()
    const gate: { open?: () => void } = {}
    const query = lib.fake.api.queryLibrary
    lib.fake.api.queryLibrary = async (q) => {
      if (q?.search) await new Promise<void>((r) => (gate.open = r))
      return query(q)
    }
    const results = (): Element | null => document.querySelector('[data-answered-search]')
    expect(results()?.getAttribute('data-answered-search')).toBe('')
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'Song 1' } })
    await waitFor(() => expect(gate.open).toBeDefined())
    // The old rows, not a flash of skeletons; they take no clicks until the answer.
    expect(visibleTitles()).toEqual(before)
    expect(document.querySelectorAll('.list-row.placeholder')).toHaveLength(0)
    expect(document.querySelector('.list-body')?.hasAttribute('inert')).toBe(true)
    expect(document.querySelector('[data-answered-search]')).toBeNull()
    gate.open?.()
    await waitFor(() => expect(screen.getByTestId('library-count').textContent).toBe('11 clips'))
    expect(visibleTitles().every((title) => title.startsWith('Song 1'))).toBe(true)
    expect(document.querySelector('.list-body')?.hasAttribute('inert')).toBe(false)
    expect(results()?.getAttribute('data-answered-search')).toBe('Song 1')
  })

  it('clicking a column header sorts by it and marks the direction', async () => {
    const lib = await renderLibrary(30)
    const header = screen.getByRole('columnheader', { name: /Title/ })
    expect(header.getAttribute('aria-sort')).toBe('none')
    expect(screen.getByRole('columnheader', { name: /Created/ }).getAttribute('aria-sort')).toBe(
      'descending'
    )
    fireEvent.click(within(header).getByRole('button', { name: /^Title/ }))
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('ascending'))
    await waitFor(() => expect(lib.queries().at(-1)).toMatchObject({ sort: 'title', dir: 'asc' }))
    fireEvent.click(within(header).getByRole('button', { name: /^Title/ }))
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('descending'))
  })

  it('a facet narrows the list (favourites, then a model)', async () => {
    const data = rows(30).map((r, i) => (i < 4 ? { ...r, favorite: true } : r))
    const lib = installFakeLibrary(data)
    render(<LibraryView />)
    const favourites = await screen.findByTestId('filter-favorites')
    await waitFor(() => expect(favourites.textContent).toContain('4'))
    fireEvent.click(favourites)
    await waitFor(() => expect(screen.getByTestId('library-count').textContent).toBe('4 clips'))
    expect(favourites.getAttribute('aria-pressed')).toBe('true')
    const v4 = (await screen.findAllByTestId('filter-model')).find((b) =>
      b.textContent?.includes('chirp-v4')
    ) as HTMLElement
    fireEvent.click(v4)
    await waitFor(() => expect(screen.getByTestId('library-count').textContent).toBe('2 clips'))
    expect(lib.queries().at(-1)).toMatchObject({ favorite: true, model: 'chirp-v4' })
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0] as HTMLElement)
    await waitFor(() => expect(screen.getByTestId('library-count').textContent).toBe('30 clips'))
  })

  it('the keyboard moves, extends, selects all, clears, and Enter opens the clip', async () => {
    await renderLibrary(30)
    const grid = screen.getByRole('grid', { name: 'Clips' })
    grid.focus()
    // The first arrow selects the clip under the cursor, the next one moves.
    fireEvent.keyDown(grid, { key: 'ArrowDown' })
    await waitFor(() => expect(grid.querySelectorAll('[aria-selected="true"]')).toHaveLength(1))
    fireEvent.keyDown(grid, { key: 'ArrowDown' })
    await waitFor(() => expect(grid.querySelectorAll('[aria-selected="true"]')).toHaveLength(1))
    expect(grid.getAttribute('aria-activedescendant')).toBe('clip-row-1')
    fireEvent.keyDown(grid, { key: 'ArrowDown', shiftKey: true })
    fireEvent.keyDown(grid, { key: 'ArrowDown', shiftKey: true })
    await waitFor(() =>
      expect(screen.getByTestId('selection-bar').textContent).toContain('3 selected')
    )
    fireEvent.keyDown(grid, { key: 'a', ctrlKey: true })
    await waitFor(() =>
      expect(screen.getByTestId('selection-bar').textContent).toContain('All 30 selected')
    )
    fireEvent.keyDown(grid, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByTestId('selection-bar')).toBeNull())
    fireEvent.keyDown(grid, { key: 'Enter' })
    const heading = await screen.findByRole('heading', { level: 2, name: 'Song 26' })
    await waitFor(() => expect(document.activeElement).toBe(heading))
  })

  it('ArrowDown in the search box moves into the results on the first clip', async () => {
    await renderLibrary(5)
    const search = screen.getByRole('searchbox')
    search.focus()
    fireEvent.keyDown(search, { key: 'ArrowDown' })
    const grid = screen.getByRole('grid', { name: 'Clips' })
    expect(document.activeElement).toBe(grid)
    await waitFor(() =>
      expect(grid.querySelector('[aria-selected="true"]')?.textContent).toContain('Song 4')
    )
  })

  it('a click opens the detail panel, double-click plays the whole view from the clip', async () => {
    await renderLibrary(30)
    const playSource = vi
      .spyOn(usePlayerStore.getState().actions, 'playSource')
      .mockResolvedValue(undefined)
    const third = screen.getAllByTestId('clip-row')[2] as HTMLElement
    fireEvent.click(third)
    expect(await screen.findByRole('heading', { level: 2, name: 'Song 27' })).toBeTruthy()
    // The second click of a double-click (the browser's click with detail 2).
    fireEvent.click(third, { detail: 2 })
    expect(playSource).toHaveBeenCalledTimes(1)
    // By reference: the view's filter and sort, from the clicked row, not its loaded rows.
    const [source, options] = playSource.mock.calls[0] ?? []
    expect(source).toMatchObject({ kind: 'library', sort: 'created', dir: 'desc' })
    expect(options).toMatchObject({ at: 2, clipId: 'clip-00027' })
    playSource.mockRestore()
  })

  it('marks the clip that is playing', async () => {
    await renderLibrary(5)
    act(() => usePlayerStore.setState({ current: makeRow(3) }))
    const playing = screen.getByRole('img', { name: 'Now playing' })
    expect(playing.closest('[data-testid="clip-row"]')?.textContent).toContain('Song 3')
    act(() => usePlayerStore.setState({ current: null }))
    expect(screen.queryByRole('img', { name: 'Now playing' })).toBeNull()
  })

  it('library-changed refetches the cached rows without losing the selection', async () => {
    const lib = await renderLibrary(10)
    const first = screen.getAllByTestId('clip-row')[0] as HTMLElement
    fireEvent.click(first)
    lib.fake.api.queryLibrary = ((original) => async (q) => {
      const page = await original(q)
      return page
    })(lib.fake.api.queryLibrary)
    lib.rows.push(makeRow(50, { title: 'Fresh from sync' }))
    act(() =>
      lib.fake.emit('library-changed', {
        kind: 'clips',
        clipIds: ['clip-00050'],
        taskIds: [],
        playlistIds: [],
        membership: true,
        facetsDirty: true
      })
    )
    await waitFor(() => expect(visibleTitles()[0]).toBe('Fresh from sync'))
    expect(screen.getByTestId('library-count').textContent).toBe('11 clips')
    const selected = screen
      .getAllByTestId('clip-row')
      .filter((r) => r.getAttribute('aria-selected') === 'true')
    expect(selected.map((r) => r.querySelector('.title-text')?.textContent)).toEqual(['Song 9'])
  })

  it('the cover grid shows the same clips as cards', async () => {
    await renderLibrary(12)
    fireEvent.click(screen.getByRole('button', { name: 'Covers' }))
    const cards = await screen.findAllByTestId('clip-card')
    expect(cards).toHaveLength(12)
    expect(cards[0]?.textContent).toContain('Song 11')
    const grid = screen.getByRole('grid', { name: 'Clips' })
    grid.focus()
    fireEvent.keyDown(grid, { key: 'ArrowRight' })
    await waitFor(() => expect(cards[0]?.getAttribute('aria-selected')).toBe('true'))
    fireEvent.keyDown(grid, { key: 'ArrowRight' })
    await waitFor(() => expect(grid.getAttribute('aria-activedescendant')).toBe('clip-cell-1'))
    fireEvent.keyDown(grid, { key: 'ArrowDown' })
    const columns = Number(grid.getAttribute('aria-colcount'))
    await waitFor(() =>
      expect(grid.getAttribute('aria-activedescendant')).toBe(`clip-cell-${1 + columns}`)
    )
  })
})

describe('bulk actions', () => {
  it('tags added to two selected clips filter the list to exactly those two', async () => {
    const lib = await renderLibrary(10)
    const [a, , b] = screen.getAllByTestId('clip-row') as HTMLElement[]
    fireEvent.click(a as HTMLElement)
    fireEvent.click(b as HTMLElement, { ctrlKey: true })
    await waitFor(() =>
      expect(screen.getByTestId('selection-bar').textContent).toContain('2 selected')
    )
    fireEvent.click(screen.getByRole('button', { name: 'Tags…' }))
    const input = await screen.findByRole('combobox', { name: 'Add a tag' })
    await waitFor(() => expect(document.activeElement).toBe(input))
    fireEvent.change(input, { target: { value: 'keepers' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await screen.findByText('Added “keepers” to 2 clips')
    const call = lib.fake.calls.find((c) => c.method === 'tagClips')
    expect(call?.request).toEqual({
      ids: ['clip-00009', 'clip-00007'],
      add: ['keepers'],
      remove: []
    })
    fireEvent.click(screen.getByRole('button', { name: 'Done' }))
    const facet = await screen.findByRole('button', { name: /keepers/ })
    fireEvent.click(facet)
    await waitFor(() => expect(visibleTitles()).toEqual(['Song 9', 'Song 7']))
  })

  it('delete asks first; Cancel deletes nothing, Delete removes the clips', async () => {
    const lib = await renderLibrary(10)
    fireEvent.click(screen.getAllByTestId('clip-row')[0] as HTMLElement)
    // One selected clip shows no bulk bar; the Delete key asks about it.
    expect(screen.queryByTestId('selection-bar')).toBeNull()
    const grid = screen.getByRole('grid', { name: 'Clips' })
    fireEvent.keyDown(grid, { key: 'Delete' })
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Song 9”?' })
    expect(document.activeElement?.textContent).toBe('Cancel')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(lib.fake.calls.some((c) => c.method === 'deleteClips')).toBe(false)
    fireEvent.keyDown(grid, { key: 'Delete' })
    const again = await screen.findByRole('dialog')
    fireEvent.click(within(again).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(screen.getByTestId('library-count').textContent).toBe('9 clips'))
    expect(lib.fake.calls.find((c) => c.method === 'deleteClips')?.request).toEqual({
      ids: ['clip-00009']
    })
  })

  it('favourite and export act on the whole selection', async () => {
    const lib = await renderLibrary(6)
    const grid = screen.getByRole('grid', { name: 'Clips' })
    grid.focus()
    fireEvent.keyDown(grid, { key: 'a', ctrlKey: true })
    fireEvent.click(await screen.findByRole('button', { name: 'Favourite' }))
    await waitFor(() =>
      expect(lib.fake.calls.find((c) => c.method === 'setFavorite')?.request).toEqual({
        ids: ['clip-00005', 'clip-00004', 'clip-00003', 'clip-00002', 'clip-00001', 'clip-00000'],
        favorite: true
      })
    )
    fireEvent.click(screen.getByRole('button', { name: 'Export playlist' }))
    expect(await screen.findByText('Playlist saved to /tmp/playlist.m3u8')).toBeTruthy()
  })
})
