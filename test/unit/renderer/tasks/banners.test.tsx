import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import i18next from 'i18next'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { SyncStatus } from '../../../../src/shared/domain'
import type { AppInfo } from '../../../../src/shared/settings'
import { Banners } from '../../../../src/renderer/src/features/banners/Banners'
import { useAppStore } from '../../../../src/renderer/src/store/app-store'
import { installFakeApi } from '../support/fake-api'
import { syncState, useRendererTestSetup } from '../player/helpers'

const info: AppInfo = {
  name: 'Songshelf',
  version: '0.1.0',
  dataDir: '/data',
  libraryDir: '/music',
  libraryAvailable: true,
  platform: 'linux',
  transport: 'web-preview',
  sqliteVersion: '3.50',
  fts5: true
}

describe('banners', () => {
  useRendererTestSetup()

  it('say nothing while all is well', async () => {
    const fake = installFakeApi({ getSyncState: () => syncState() })
    const { container } = render(<Banners />)
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'getSyncState')).toBe(true))
    expect(container.textContent).toBe('')
  })

  const cases: [SyncStatus, string, string | null][] = [
    ['offline', "You're offline — Songshelf will resume when the network returns.", null],
    ['auth', 'The gateway rejected your key', 'Open Settings'],
    ['config', 'needs your gateway address and API key', 'Open Settings'],
    ['disk_full', 'The disk is full', 'Resume downloads'],
    ['paused', 'Downloads are paused.', 'Resume downloads']
  ]
  for (const [status, text, button] of cases) {
    it(`${status}: explains it${button ? ` and offers "${button}"` : ''}`, async () => {
      const fake = installFakeApi({ getSyncState: () => syncState() })
      render(<Banners />)
      await waitFor(() => expect(fake.calls.length).toBeGreaterThan(0))
      act(() => fake.emit('sync-state', syncState({ status, message: 'Invalid token (401).' })))
      const banner = screen.getByTestId(`banner-${status}`)
      expect(banner.textContent).toContain(text)
      if (button) expect(screen.getByRole('button', { name: button })).toBeTruthy()
      else expect(screen.queryByRole('button')).toBeNull()
    })
  }

  it('the key banner leads to Settings and shows why the gateway refused', async () => {
    installFakeApi({
      getSyncState: () => syncState({ status: 'auth', message: 'Not enough credit.' })
    })
    render(<Banners />)
    await screen.findByTestId('banner-auth')
    expect(screen.getByTestId('banner-auth').textContent).toContain('Not enough credit.')
    fireEvent.click(screen.getByRole('button', { name: 'Open Settings' }))
    expect(useAppStore.getState().view).toBe('settings')
  })

  // Issue 13, defect 11: the banner's details were the core's English words in the
  // Chinese UI. A state that carries a code is shown in the UI's language.
  it('shows the reason in Chinese when the state carries its code', async () => {
    await i18next.changeLanguage('zh-CN')
    onTestFinished(() => void i18next.changeLanguage('en'))
    installFakeApi({
      getSyncState: () =>
        syncState({
          status: 'auth',
          message: 'Not enough credit.',
          messageCode: 'auth_no_credit'
        })
    })
    render(<Banners />)
    const banner = await screen.findByTestId('banner-auth')
    expect(banner.textContent).toContain('余额已用完')
    expect(banner.textContent).not.toContain('Not enough credit.')
  })

  it('names the other syncing process in Chinese too', async () => {
    await i18next.changeLanguage('zh-CN')
    onTestFinished(() => void i18next.changeLanguage('en'))
    installFakeApi({
      getSyncState: () =>
        syncState({
          status: 'elsewhere',
          message: 'Songshelf is already syncing this library (pid 4242, …).',
          messageCode: 'already_syncing',
          messageParams: { pid: 4242, host: 'studio', started: '2026-12-01 09:00', who: 'cli' }
        })
    })
    render(<Banners />)
    const banner = await screen.findByTestId('banner-elsewhere')
    expect(banner.textContent).toContain('4242')
    expect(banner.textContent).not.toContain('already syncing')
  })

  it('disk full offers Resume, which asks main to resume', async () => {
    const fake = installFakeApi({
      getSyncState: () => syncState({ status: 'disk_full' }),
      resumeDownloads: () => syncState()
    })
    render(<Banners />)
    fireEvent.click(await screen.findByRole('button', { name: 'Resume downloads' }))
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'resumeDownloads')).toBe(true))
    await waitFor(() => expect(screen.queryByTestId('banner-disk_full')).toBeNull())
  })

  // Downloads pause alike for a full disk and a library folder that went away while the
  // app runs (an unplugged drive); the state's code says which.
  it('downloads paused for a library folder that went away say so, not "disk full"', async () => {
    await i18next.changeLanguage('zh-CN')
    onTestFinished(() => void i18next.changeLanguage('en'))
    installFakeApi({
      getSyncState: () =>
        syncState({
          status: 'disk_full',
          message: 'The library folder is not available, so downloads are paused. …',
          messageCode: 'file_library_missing'
        })
    })
    render(<Banners />)
    const banner = await screen.findByTestId('banner-disk_full')
    // Old code: "磁盘已满" (the disk is full), whatever the reason.
    expect(banner.textContent).toContain('曲库文件夹不可用')
    expect(banner.textContent).not.toContain('磁盘已满')
    expect(screen.getByRole('button', { name: '继续下载' })).toBeTruthy()
  })

  it('a library folder that is not there gets its own banner', async () => {
    installFakeApi({ getSyncState: () => syncState() })
    useAppStore.setState({ info: { ...info, libraryAvailable: false } })
    render(<Banners />)
    expect((await screen.findByTestId('banner-library')).textContent).toContain(
      'The library folder is not available'
    )
  })
})
