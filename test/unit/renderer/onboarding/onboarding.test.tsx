import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { PublicSettings } from '../../../../src/shared/settings'
import { Onboarding } from '../../../../src/renderer/src/features/onboarding/Onboarding'
import { useAppStore } from '../../../../src/renderer/src/store/app-store'
import { useSettingsStore } from '../../../../src/renderer/src/store/settings-store'
import { installFakeApi } from '../support/fake-api'
import { settings, task, useRendererTestSetup } from '../player/helpers'

const ID = '0b7c1f5e-8a11-4f2a-9d3e-1c2b3a4d5e6f'

function firstRun(total = 0, overrides: Partial<PublicSettings> = {}) {
  let current = settings({
    onboarded: false,
    baseUrl: '',
    hasKey: false,
    keyProtection: 'none',
    ...overrides
  })
  const fake = installFakeApi({
    getSettings: () => current,
    updateSettings: (patch) => (current = { ...current, ...patch } as PublicSettings),
    queryLibrary: () => ({ rows: [], total, offset: 0 }),
    testConnection: () => ({ result: 'ok', message: '' }),
    addTasks: () => ({ added: [ID], known: [], invalid: [] }),
    listTasks: () => [task(ID)]
  })
  void useSettingsStore.getState().actions.load()
  return fake
}

describe('first run', () => {
  useRendererTestSetup()

  it('walks through gateway, paste and "watch them download", then remembers it is done', async () => {
    const fake = firstRun()
    render(<Onboarding />)
    const dialog = await screen.findByRole('dialog', { name: 'Welcome to Songshelf' })
    expect(dialog.textContent).toContain('Step 1 of 3')
    expect(screen.getByLabelText('Gateway address (base URL)')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))

    expect(screen.getByText('Step 2 of 3')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Add task ids'), { target: { value: `data: ${ID}` } })
    fireEvent.click(await screen.findByRole('button', { name: 'Add 1 task' }))
    await screen.findByText('Step 3 of 3')
    expect(screen.getByText('Watch them download')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Open Tasks' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(useAppStore.getState().view).toBe('tasks')
    await waitFor(() =>
      expect(fake.calls).toContainEqual({ method: 'updateSettings', request: { onboarded: true } })
    )
  })

  it('can be skipped at once', async () => {
    const fake = firstRun()
    render(<Onboarding />)
    fireEvent.click(await screen.findByRole('button', { name: 'Skip the introduction' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() =>
      expect(fake.calls).toContainEqual({ method: 'updateSettings', request: { onboarded: true } })
    )
  })

  it('does not appear when the library already has songs, or the gateway is already set up', async () => {
    const fake = firstRun(12)
    const { unmount } = render(<Onboarding />)
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'queryLibrary')).toBe(true))
    expect(screen.queryByRole('dialog')).toBeNull()
    unmount()

    useSettingsStore.setState({ settings: null, status: 'idle' })
    const configured = firstRun(0, {
      baseUrl: 'https://gw.example.com',
      hasKey: true,
      keyProtection: 'keychain'
    })
    render(<Onboarding />)
    await waitFor(() => expect(useSettingsStore.getState().settings).not.toBeNull())
    expect(configured.calls.some((c) => c.method === 'queryLibrary')).toBe(false)
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})

describe('first run, step one', () => {
  useRendererTestSetup()

  it('stays open after the gateway and key are saved', async () => {
    let current = settings({ onboarded: false, baseUrl: '', hasKey: false, keyProtection: 'none' })
    installFakeApi({
      getSettings: () => current,
      updateSettings: (patch) => (current = { ...current, ...patch } as PublicSettings),
      setApiKey: () => (current = { ...current, hasKey: true, keyProtection: 'keychain' }),
      queryLibrary: () => ({ rows: [], total: 0, offset: 0 })
    })
    void useSettingsStore.getState().actions.load()
    render(<Onboarding />)
    const url = await screen.findByLabelText('Gateway address (base URL)')
    fireEvent.change(url, { target: { value: 'https://gw.example.com' } })
    fireEvent.blur(url)
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'sk-1' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save key' }))
    await waitFor(() =>
      expect(screen.getByTestId('key-status').textContent).toContain('A key is set.')
    )
    expect(screen.getByRole('dialog', { name: 'Welcome to Songshelf' })).toBeTruthy()
  })
})
