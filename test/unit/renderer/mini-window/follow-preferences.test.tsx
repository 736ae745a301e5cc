import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MiniWindow } from '../../../../src/renderer/src/features/mini-window/MiniWindow'
import { applyTheme } from '../../../../src/renderer/src/features/settings/apply-preferences'
import { initI18n } from '../../../../src/renderer/src/i18n'
import { installFakeApi, type FakeApi } from '../support/fake-api'

// The mini player window (issue 15) opens in the saved language and theme (main.tsx); a
// change made in the main window while it is open is followed at once, not after reopening.

let fake: FakeApi
beforeEach(() => {
  initI18n('en')
  applyTheme('light')
  fake = installFakeApi({ sendPlayerCommand: () => ({ ok: true as const }) })
})
afterEach(() => {
  cleanup()
  initI18n('en')
  applyTheme('system')
})

describe('the mini window and a change of language or theme', () => {
  it('shows the new language and theme while it stays open', async () => {
    render(<MiniWindow />)
    expect(screen.getByTestId('mini-window-title').textContent).toBe('Nothing playing')
    expect(document.documentElement.dataset.theme).toBe('light')

    await act(async () => fake.emit('preferences-changed', { language: 'zh-CN', theme: 'dark' }))
    // Old code: still English and light until the window was opened again.
    await expect.poll(() => screen.getByTestId('mini-window-title').textContent).toBe('未在播放')
    expect(screen.getByTestId('mini-window-back').getAttribute('aria-label')).toBe('回到主窗口')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(document.documentElement.dataset.theme).toBe('dark')

    await act(async () => fake.emit('preferences-changed', { language: 'en', theme: 'system' }))
    await expect
      .poll(() => screen.getByTestId('mini-window-title').textContent)
      .toBe('Nothing playing')
    expect(document.documentElement.dataset.theme).toBeUndefined()
  })
})
