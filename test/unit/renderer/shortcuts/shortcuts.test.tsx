import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { JSX } from 'react'
import { describe, expect, it } from 'vitest'
import { ShortcutsHelp } from '../../../../src/renderer/src/features/shortcuts/ShortcutsHelp'
import { useGlobalShortcuts } from '../../../../src/renderer/src/features/shortcuts/useGlobalShortcuts'
import { useMenuCommands } from '../../../../src/renderer/src/features/shortcuts/useMenuCommands'
import { useAppStore } from '../../../../src/renderer/src/store/app-store'
import { usePlayerStore } from '../../../../src/renderer/src/store/player-store'
import { installFakeApi } from '../support/fake-api'
import { clip, clips, useRendererTestSetup } from '../player/helpers'

const player = (): ReturnType<typeof usePlayerStore.getState> => usePlayerStore.getState()

function Harness({ search }: { search?: boolean }): JSX.Element {
  useGlobalShortcuts()
  useMenuCommands()
  const view = useAppStore((s) => s.view)
  return (
    <div>
      <input aria-label="Some text field" />
      <textarea aria-label="Notes" />
      <button type="button">A button</button>
      <input type="range" aria-label="A slider" />
      {search && view === 'library' && <input id="library-search" aria-label="Search" />}
      <ShortcutsHelp />
    </div>
  )
}

const press = (target: Element | Window, key: string, init: KeyboardEventInit = {}): void => {
  act(() => {
    fireEvent.keyDown(target, { key, bubbles: true, ...init })
  })
}

describe('keyboard shortcuts', () => {
  useRendererTestSetup()

  it('space plays and pauses, arrows seek and change volume, shift+arrows change song', async () => {
    installFakeApi()
    await act(() => player().actions.playList(clips(3), 1))
    act(() => player().actions.pause())
    render(<Harness />)
    press(document.body, ' ')
    expect(player().playing).toBe(true)
    press(document.body, ' ')
    expect(player().playing).toBe(false)

    act(() => player().actions.reportPosition(30))
    press(document.body, 'ArrowRight')
    expect(player().position).toBe(35)
    press(document.body, 'ArrowLeft')
    press(document.body, 'ArrowLeft')
    expect(player().position).toBe(25)

    act(() => player().actions.setVolume(0.5))
    press(document.body, 'ArrowUp')
    expect(player().volume).toBeCloseTo(0.55)
    press(document.body, 'ArrowDown')
    press(document.body, 'ArrowDown')
    expect(player().volume).toBeCloseTo(0.45)

    press(document.body, 'ArrowRight', { shiftKey: true })
    await waitFor(() => expect(player().current?.id).toBe('c2'))
    press(document.body, 'ArrowLeft', { shiftKey: true })
    await waitFor(() => expect(player().current?.id).toBe('c1'))
  })

  it('never fires while typing in a field, and leaves space to a focused button or slider', async () => {
    installFakeApi()
    await act(() => player().actions.playList(clips(2), 0))
    act(() => player().actions.pause())
    render(<Harness />)
    press(screen.getByLabelText('Some text field'), ' ')
    press(screen.getByLabelText('Notes'), ' ')
    press(screen.getByLabelText('Notes'), 'f')
    press(screen.getByLabelText('Some text field'), '/')
    press(screen.getByRole('button', { name: 'A button' }), ' ')
    press(screen.getByLabelText('A slider'), 'ArrowRight')
    expect(player().playing).toBe(false)
    expect(player().position).toBe(0)
    expect(useAppStore.getState().view).toBe('library')
    // Ctrl/Cmd combinations belong to the app menu and the browser.
    press(document.body, ' ', { ctrlKey: true })
    expect(player().playing).toBe(false)
  })

  it('"/" switches to the library and focuses its search box', async () => {
    installFakeApi()
    useAppStore.getState().actions.setView('tasks')
    render(<Harness search />)
    press(document.body, '/')
    expect(useAppStore.getState().view).toBe('library')
    await waitFor(() => expect(document.activeElement?.id).toBe('library-search'))
  })

  it('F favourites the playing song through the bridge', async () => {
    const fake = installFakeApi({ setFavorite: () => ({ changed: 1 }) })
    await act(() => player().actions.playList([clip('fav')], 0))
    render(<Harness />)
    press(document.body, 'f')
    expect(player().current?.favorite).toBe(true)
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'setFavorite',
        request: { ids: ['fav'], favorite: true }
      })
    )
  })

  it('? opens a help overlay that lists every shortcut; Escape closes it', async () => {
    installFakeApi()
    render(<Harness />)
    press(document.body, '?', { shiftKey: true })
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(dialog.textContent).toContain('Play or pause')
    expect(dialog.textContent).toContain('Search the library')
    // The menu's own accelerator, as the help shows it (Mod is Ctrl here, ⌘ on macOS).
    expect(dialog.textContent).toMatch(/Shift\s*\+\s*M\s*Open or close the mini player/)
    // While the dialog is open, space does not reach the player.
    await act(() => player().actions.playList(clips(1), 0))
    act(() => player().actions.pause())
    press(document.body, ' ')
    expect(player().playing).toBe(false)
    press(dialog, 'Escape')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('app-menu commands switch views and drive the player', async () => {
    const fake = installFakeApi({ openLibraryFolder: () => ({ ok: true }) })
    await act(() => player().actions.playList(clips(2), 0))
    render(<Harness />)
    act(() => fake.emit('menu-command', { command: 'settings' }))
    expect(useAppStore.getState().view).toBe('settings')
    act(() => fake.emit('menu-command', { command: 'add-tasks' }))
    expect(useAppStore.getState().view).toBe('tasks')
    act(() => fake.emit('menu-command', { command: 'next' }))
    await waitFor(() => expect(player().current?.id).toBe('c1'))
    act(() => fake.emit('menu-command', { command: 'play-pause' }))
    expect(player().playing).toBe(false)
    act(() => fake.emit('menu-command', { command: 'open-clip', clipId: 'c0' }))
    expect(useAppStore.getState().view).toBe('library')
    act(() => fake.emit('menu-command', { command: 'open-library' }))
    expect(fake.calls.map((c) => c.method)).toContain('openLibraryFolder')
    act(() => fake.emit('menu-command', { command: 'shortcuts' }))
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy()
  })
})
