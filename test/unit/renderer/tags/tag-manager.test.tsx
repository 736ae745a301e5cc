import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { mergeSources, TagManager } from '../../../../src/renderer/src/features/tags/TagManager'
import { installFakeLibrary, makeRow, setupLibraryTests } from '../library/support'

setupLibraryTests()

function library(): ReturnType<typeof installFakeLibrary> {
  return installFakeLibrary([
    makeRow(1, { userTags: ['chill', 'night'] }),
    makeRow(2, { userTags: ['night'] }),
    makeRow(3, { userTags: ['Chill', 'demo'] })
  ])
}

async function rowFor(name: string): Promise<HTMLElement> {
  const rows = await screen.findAllByTestId('tag-manager-row')
  const row = rows.find((r) => r.querySelector('label span')?.textContent === name)
  if (!row) throw new Error(`no row for ${name}`)
  return row
}

describe('the tag manager', () => {
  it('lists every tag with its count, in the core order (shared/text.ts compareNames)', async () => {
    library()
    render(<TagManager />)
    const rows = await screen.findAllByTestId('tag-manager-row')
    expect(rows.map((r) => r.textContent?.replace(/RenameDelete$/, ''))).toEqual([
      'Chill1',
      'chill1',
      'demo1',
      'night2'
    ])
  })

  it('renames a tag (Enter saves)', async () => {
    const lib = library()
    render(<TagManager />)
    fireEvent.click(within(await rowFor('demo')).getByRole('button', { name: 'Rename tag demo' }))
    const input = screen.getByRole('textbox', { name: 'Rename tag demo' })
    expect(document.activeElement).toBe(input)
    fireEvent.change(input, { target: { value: ' keeper ' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await screen.findByText('Renamed “demo” to “keeper”')
    expect(lib.fake.calls.find((c) => c.method === 'renameTag')?.request).toEqual({
      from: 'demo',
      to: 'keeper'
    })
    await rowFor('keeper')
  })

  it('merges the checked tags into one', async () => {
    const lib = library()
    render(<TagManager />)
    fireEvent.click(within(await rowFor('chill')).getByRole('checkbox'))
    fireEvent.click(within(await rowFor('Chill')).getByRole('checkbox'))
    const merge = screen.getByRole('group', { name: 'Merge tags' })
    fireEvent.change(within(merge).getByRole('textbox'), { target: { value: 'chill' } })
    fireEvent.click(within(merge).getByRole('button', { name: 'Merge' }))
    await screen.findByText('Merged 1 tag into “chill”')
    expect(lib.fake.calls.find((c) => c.method === 'mergeTags')?.request).toEqual({
      from: ['Chill'],
      into: 'chill'
    })
    expect(mergeSources(['a', 'b', 'c'], ' b ')).toEqual(['a', 'c'])
  })

  it('asks before deleting; Cancel keeps the tag', async () => {
    const lib = library()
    render(<TagManager />)
    fireEvent.click(within(await rowFor('night')).getByRole('button', { name: 'Delete tag night' }))
    expect(screen.getByText('Remove “night” from 2 clips?')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(lib.fake.calls.some((c) => c.method === 'deleteTag')).toBe(false)
    fireEvent.click(within(await rowFor('night')).getByRole('button', { name: 'Delete tag night' }))
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    await screen.findByText('Deleted “night”')
    expect(lib.fake.calls.find((c) => c.method === 'deleteTag')?.request).toEqual({ name: 'night' })
    await waitFor(() =>
      expect(
        screen
          .getAllByTestId('tag-manager-row')
          .map((r) => r.querySelector('label span')?.textContent)
      ).toEqual(['Chill', 'chill', 'demo'])
    )
  })
})
