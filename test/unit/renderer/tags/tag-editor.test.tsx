import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { matchSuggestions } from '../../../../src/renderer/src/elements/SuggestInput'
import { tagsOnClips } from '../../../../src/renderer/src/features/library/bulk'
import { TagEditor } from '../../../../src/renderer/src/features/tags/TagEditor'
import { useLibraryUiStore } from '../../../../src/renderer/src/store/library-ui-store'
import { installFakeLibrary, makeRow, setupLibraryTests } from '../library/support'

setupLibraryTests()

const a = makeRow(1, { userTags: ['chill', 'night'] })
const b = makeRow(2, { userTags: ['night'] })
const other = makeRow(3, { userTags: ['Choir', 'chorus', 'energetic'] })

describe('suggestions', () => {
  it('match anywhere, prefix first, ignoring case and accents, without the exact text', () => {
    const tags = ['Chorus', 'night', 'énergie', 'echo', 'choir']
    expect(matchSuggestions(tags, 'ch', 8)).toEqual(['Chorus', 'choir', 'echo'])
    expect(matchSuggestions(tags, 'ENER', 8)).toEqual(['énergie'])
    expect(matchSuggestions(tags, 'night', 8)).toEqual([])
    expect(matchSuggestions(tags, '', 2)).toEqual(['Chorus', 'night'])
  })
})

describe('editing the tags of selected clips', () => {
  it('lists the tags on the clips, with how many carry each', async () => {
    installFakeLibrary([a, b, other])
    render(<TagEditor rows={[a, b]} />)
    const dialog = screen.getByRole('dialog', { name: 'Tags for 2 clips' })
    const list = within(dialog).getByRole('list', { name: 'Tags on these clips' })
    expect(list.textContent).toContain('chill')
    expect(list.textContent).toContain('on 1 of 2')
    expect(list.textContent).toContain('night')
  })

  it('adds a tag from the keyboard with autocomplete from the existing tags', async () => {
    const lib = installFakeLibrary([a, b, other])
    render(<TagEditor rows={[a, b]} />)
    const input = screen.getByRole('combobox', { name: 'Add a tag' })
    await waitFor(() => expect(document.activeElement).toBe(input))
    fireEvent.change(input, { target: { value: 'ch' } })
    const options = await screen.findAllByRole('option')
    expect(options.map((o) => o.textContent)).toEqual(['chill1', 'Choir1', 'chorus1'])
    fireEvent.keyDown(input, { key: 'ArrowDown' })
    fireEvent.keyDown(input, { key: 'ArrowDown' })
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id)
    fireEvent.keyDown(input, { key: 'Enter' })
    await screen.findByText('Added “Choir” to 2 clips')
    expect(lib.fake.calls.find((c) => c.method === 'tagClips')?.request).toEqual({
      ids: [a.id, b.id],
      add: ['Choir'],
      remove: []
    })
    expect((input as HTMLInputElement).value).toBe('')
  })

  it('a new tag is trimmed; removing a tag removes it from every selected clip', async () => {
    const lib = installFakeLibrary([a, b, other])
    render(<TagEditor rows={[a, b]} />)
    const input = screen.getByRole('combobox', { name: 'Add a tag' })
    fireEvent.change(input, { target: { value: '  late   night  ' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await screen.findByText('Added “late night” to 2 clips')
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag night' }))
    await screen.findByText('Removed “night” from 2 clips')
    const calls = lib.fake.calls.filter((c) => c.method === 'tagClips').map((c) => c.request)
    expect(calls).toEqual([
      { ids: [a.id, b.id], add: ['late night'], remove: [] },
      { ids: [a.id, b.id], add: [], remove: ['night'] }
    ])
    expect(lib.rows.find((r) => r.id === a.id)?.userTags).toEqual(['chill', 'late night'])
  })

  it('Escape closes the suggestions first, then the dialog', async () => {
    installFakeLibrary([a, b, other])
    useLibraryUiStore.getState().actions.openDialog({ kind: 'tags', rows: [a] })
    render(<TagEditor rows={[a]} />)
    const input = screen.getByRole('combobox', { name: 'Add a tag' })
    fireEvent.change(input, { target: { value: 'e' } })
    await screen.findAllByRole('option')
    fireEvent.keyDown(input, { key: 'Escape' })
    expect(input.getAttribute('aria-expanded')).toBe('false')
    expect(useLibraryUiStore.getState().dialog).not.toBeNull()
    fireEvent.keyDown(input, { key: 'Escape' })
    expect(useLibraryUiStore.getState().dialog).toBeNull()
  })

  it('opens without a suggestion list, so one Escape closes it (issue 13, defect 8)', async () => {
    installFakeLibrary([a, b, other])
    useLibraryUiStore.getState().actions.openDialog({ kind: 'tags', rows: [a] })
    render(<TagEditor rows={[a]} />)
    const input = screen.getByRole('combobox', { name: 'Add a tag' })
    await waitFor(() => expect(document.activeElement).toBe(input))
    expect(input.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryAllByRole('option')).toEqual([])
    fireEvent.keyDown(input, { key: 'Escape' })
    expect(useLibraryUiStore.getState().dialog).toBeNull()
  })
})

describe('tags on clips', () => {
  it('counts one tag per identity, whatever its spelling (issue 13, defect 8)', () => {
    const rows = [
      makeRow(1, { userTags: ['night drive'] }),
      makeRow(2, { userTags: ['Night Drive', 'chill'] })
    ]
    expect(tagsOnClips(rows)).toEqual([
      { name: 'chill', count: 1 },
      { name: 'night drive', count: 2 }
    ])
  })
})
