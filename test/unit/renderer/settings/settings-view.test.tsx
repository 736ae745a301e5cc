import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import type { ConnectionTestOutcome, PublicSettings } from '../../../../src/shared/settings'
import { SettingsView } from '../../../../src/renderer/src/features/settings/SettingsView'
import { installFakeApi } from '../support/fake-api'
import { settings, useRendererTestSetup } from '../player/helpers'

function fakeSettingsApi(
  initial: Partial<PublicSettings> = {},
  outcome: ConnectionTestOutcome = 'ok'
) {
  let current = settings(initial)
  return installFakeApi({
    getSettings: () => current,
    updateSettings: (patch) => (current = { ...current, ...patch } as PublicSettings),
    setApiKey: ({ key }) =>
      (current = { ...current, hasKey: key !== null, keyProtection: key ? 'keychain' : 'none' }),
    testConnection: () => ({ result: outcome, message: `server says ${outcome}` }),
    chooseLibraryFolder: () => ({ path: null })
  })
}

describe('settings', () => {
  useRendererTestSetup()

  it('refuses a plain-http gateway address with a clear message and does not save it', async () => {
    const fake = fakeSettingsApi()
    render(<SettingsView />)
    const url = await screen.findByLabelText('Gateway address (base URL)')
    fireEvent.change(url, { target: { value: 'http://api.example.com' } })
    expect(url.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByRole('alert').textContent).toContain('must start with https://')
    fireEvent.blur(url)
    expect(fake.calls.some((c) => c.method === 'updateSettings')).toBe(false)
    expect(screen.getByRole('button', { name: 'Test connection' })).toHaveProperty('disabled', true)

    fireEvent.change(url, { target: { value: 'http://localhost:8080' } })
    expect(url.getAttribute('aria-invalid')).toBeNull()
    fireEvent.blur(url)
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'updateSettings',
        request: { baseUrl: 'http://localhost:8080' }
      })
    )
  })

  it('keeps download concurrency between 1 and 8', async () => {
    const fake = fakeSettingsApi()
    render(<SettingsView />)
    const field = await screen.findByLabelText('Downloads at the same time')
    fireEvent.change(field, { target: { value: '12' } })
    expect(screen.getByRole('alert').textContent).toBe('Enter a whole number from 1 to 8.')
    fireEvent.blur(field)
    expect(fake.calls.some((c) => c.method === 'updateSettings')).toBe(false)
    fireEvent.change(field, { target: { value: '5' } })
    fireEvent.keyDown(field, { key: 'Enter' })
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'updateSettings',
        request: { downloadConcurrency: 5 }
      })
    )
  })

  it('the key is write-only and its protection is said plainly', async () => {
    const fake = fakeSettingsApi({ hasKey: true, keyProtection: 'weak' })
    render(<SettingsView />)
    expect((await screen.findByTestId('key-status')).textContent).toContain('A key is set.')
    expect(screen.getByTestId('key-status').textContent).toContain('only weakly protected')
    expect(screen.getByTestId('key-weak').textContent).toContain('no keyring')
    const input = screen.getByLabelText('API key') as HTMLInputElement
    expect(input.type).toBe('password')
    expect(input.value).toBe('')
    fireEvent.change(input, { target: { value: 'sk-new-key' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save key' }))
    await waitFor(() =>
      expect(fake.calls).toContainEqual({ method: 'setApiKey', request: { key: 'sk-new-key' } })
    )
    await waitFor(() => expect(input.value).toBe(''))
    expect(screen.getByTestId('key-status').textContent).toContain('system keychain')
  })

  it('a key kept only in memory says it lasts for this session', async () => {
    fakeSettingsApi({ hasKey: true, keyProtection: 'memory' })
    render(<SettingsView />)
    expect((await screen.findByTestId('key-status')).textContent).toContain('this session only')
  })

  const outcomes: [ConnectionTestOutcome, string][] = [
    ['ok', 'The key works'],
    ['key_rejected', 'The gateway rejected the key'],
    ['unreachable', 'could not be reached'],
    ['not_gateway', 'not like a Suno gateway'],
    // A typed address that is not the saved one gets no stored key (issue 12 §5).
    ['key_for_address', 'your saved key was not sent to it']
  ]
  for (const [outcome, text] of outcomes) {
    it(`the connection test tells "${outcome}" apart`, async () => {
      const fake = fakeSettingsApi({}, outcome)
      render(<SettingsView />)
      const url = await screen.findByLabelText('Gateway address (base URL)')
      fireEvent.change(url, { target: { value: 'https://typed.example.com' } })
      fireEvent.click(screen.getByRole('button', { name: 'Test connection' }))
      await waitFor(() => expect(screen.getByTestId('test-result').dataset.result).toBe(outcome))
      expect(screen.getByTestId('test-result').textContent).toContain(text)
      // It tests what is typed, before it is saved.
      expect(fake.calls.find((c) => c.method === 'testConnection')?.request).toEqual({
        baseUrl: 'https://typed.example.com'
      })
    })
  }

  it('switching the language applies at once and is saved', async () => {
    const fake = fakeSettingsApi({ language: 'en' })
    render(<SettingsView />)
    fireEvent.change(await screen.findByLabelText('Language'), { target: { value: 'zh-CN' } })
    await waitFor(() => expect(i18next.language).toBe('zh-CN'))
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(await screen.findByRole('heading', { name: '设置' })).toBeTruthy()
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'updateSettings',
        request: { language: 'zh-CN' }
      })
    )
  })

  it('switching the theme sets it on the document', async () => {
    fakeSettingsApi()
    render(<SettingsView />)
    fireEvent.change(await screen.findByLabelText('Theme'), { target: { value: 'dark' } })
    expect(document.documentElement.dataset.theme).toBe('dark')
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'system' } })
    expect(document.documentElement.dataset.theme).toBeUndefined()
  })

  it('choosing a library folder where there is no picker shows nothing', async () => {
    const fake = fakeSettingsApi()
    render(<SettingsView />)
    fireEvent.click(await screen.findByRole('button', { name: 'Change folder…' }))
    await waitFor(() =>
      expect(fake.calls.some((c) => c.method === 'chooseLibraryFolder')).toBe(true)
    )
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('a chosen folder asks: move my files, or rebuild from the new folder', async () => {
    let current = settings()
    const fake = installFakeApi({
      getSettings: () => current,
      chooseLibraryFolder: () => ({ path: '/mnt/nas/Songs' }),
      changeLibraryFolder: ({ path }) => (current = { ...current, libraryDir: path }),
      getAppInfo: () => {
        throw new Error('not needed')
      }
    })
    render(<SettingsView />)
    fireEvent.click(await screen.findByRole('button', { name: 'Change folder…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Use this folder for your library?' })
    expect(dialog.textContent).toContain('/mnt/nas/Songs')
    fireEvent.click(screen.getByLabelText(/Rebuild from the new folder/))
    fireEvent.click(screen.getByRole('button', { name: 'Use this folder' }))
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'changeLibraryFolder',
        request: { path: '/mnt/nas/Songs', mode: 'rebuild' }
      })
    )
    expect(await screen.findByText('The library was rebuilt from the new folder.')).toBeTruthy()
  })
})
