import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { PlaylistNameDialog } from '../../../../src/renderer/src/features/playlists/PlaylistNameDialog'
import { SmartPlaylistDialog } from '../../../../src/renderer/src/features/playlists/SmartPlaylistDialog'
import { useRendererTestSetup } from '../player/helpers'

// Both playlist dialogs clean the name by the rule the core stores by (shared/text.ts):
// what they send is what the sidebar will show, and a name of only spaces cannot be sent.

function nameInput(): HTMLInputElement {
  return screen.getByLabelText('Name') as HTMLInputElement
}

describe('the playlist name dialogs', () => {
  useRendererTestSetup()

  it('the name dialog sends the cleaned name and refuses one of only spaces', async () => {
    const onSubmit = vi.fn(async () => true)
    const onClose = vi.fn()
    render(
      <PlaylistNameDialog
        title="New playlist"
        initial=""
        submitLabel="Create"
        onSubmit={onSubmit}
        onClose={onClose}
      />
    )
    const create = screen.getByRole('button', { name: 'Create' }) as HTMLButtonElement
    fireEvent.change(nameInput(), { target: { value: ' \t  ' } })
    expect(create.disabled).toBe(true)
    fireEvent.change(nameInput(), { target: { value: '  Road \t trip ' } })
    fireEvent.click(create)
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(onSubmit).toHaveBeenCalledWith('Road trip')
  })

  it('the smart playlist dialog sends the cleaned name with its rule', async () => {
    const onSubmit = vi.fn(async (_name: string, _rule: unknown) => true)
    render(<SmartPlaylistDialog onSubmit={onSubmit} onClose={() => undefined} />)
    fireEvent.change(nameInput(), { target: { value: ' Late   night ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(onSubmit).toHaveBeenCalled())
    expect(onSubmit.mock.calls[0]?.[0]).toBe('Late night')
  })
})
