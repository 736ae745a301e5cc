import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import i18next from 'i18next'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { ClipDetail, ClipFile } from '../../../../src/shared/domain'
import type { RedownloadResult } from '../../../../src/shared/redownload'
import { ClipDetailPanel } from '../../../../src/renderer/src/features/clip/ClipDetailPanel'
import { useClipStore } from '../../../../src/renderer/src/store/clip-store'
import { installFakeApi, type FakeApi } from '../support/fake-api'
import { makeDetail, makeRow, setupLibraryTests } from '../library/support'

setupLibraryTests()

// Issue 12 §3: a file missing from the library folder is shown as missing, with a way to
// download it again while the gateway still has it ("Download again" in the clip panel).

const row = makeRow(1, { id: 'the-clip', title: 'City Lights', taskId: 'task-a' })
const audio = (state: ClipFile['state']): ClipFile => ({
  kind: 'audio',
  state,
  path: state === 'done' ? '/m/a.mp3' : null,
  bytes: state === 'pending' ? null : 3_400_000,
  error: null
})

function install(
  detail: ClipDetail,
  answer: (detail: ClipDetail) => RedownloadResult
): { fake: FakeApi; current: () => ClipDetail } {
  let current = detail
  const fake = installFakeApi({
    getClip: () => current,
    redownloadFiles: () => {
      const result = answer(current)
      if (result.queued > 0) current = { ...current, files: [audio('pending')] }
      return result
    }
  })
  return { fake, current: () => current }
}

describe('Download again', () => {
  it('shows a missing file as missing and downloads it again', async () => {
    const { fake } = install(makeDetail(row, { files: [audio('missing')] }), () => ({
      queued: 1,
      refused: []
    }))
    await useClipStore.getState().actions.open('the-clip')
    render(<ClipDetailPanel />)
    const files = screen.getByTestId('clip-files')
    expect(files.textContent).toContain('Missing')
    expect(files.textContent).toContain('The file is no longer in the library folder.')
    fireEvent.click(within(files).getByRole('button', { name: 'Download the Audio again' }))
    await waitFor(() =>
      expect(within(files).getByRole('status').textContent).toBe(
        'Asked the gateway again; the file is downloading.'
      )
    )
    expect(fake.calls.filter((c) => c.method === 'redownloadFiles').map((c) => c.request)).toEqual([
      { clipIds: ['the-clip'], kind: 'audio' }
    ])
    // The panel reloaded: the file is downloading, and there is nothing to click again.
    await waitFor(() => expect(files.textContent).toContain('Downloading'))
    expect(within(files).queryByRole('button')).toBeNull()
  })

  it('says in plain words (en and zh-CN) when the gateway no longer has the song', async () => {
    await i18next.changeLanguage('zh-CN')
    onTestFinished(() => void i18next.changeLanguage('en'))
    install(makeDetail(row, { files: [audio('missing')] }), (d) => ({
      queued: 0,
      refused: [{ clipId: d.id, kind: 'audio', code: 'gone_upstream', message: 'gone' }]
    }))
    await useClipStore.getState().actions.open('the-clip')
    render(<ClipDetailPanel />)
    const files = screen.getByTestId('clip-files')
    expect(files.textContent).toContain('文件缺失')
    fireEvent.click(within(files).getByRole('button', { name: '重新下载音频' }))
    await waitFor(() =>
      expect(within(files).getByRole('alert').textContent).toBe(
        '网关上已没有这首歌，无法重新下载。如有备份，请从备份中恢复该文件。'
      )
    )
    expect(files.textContent).toContain('文件缺失')
  })

  it('explains a missing gateway setup, and offers nothing for a failed generation', async () => {
    installFakeApi({
      getClip: () => makeDetail(row, { files: [audio('missing')] }),
      redownloadFiles: () => {
        throw Object.assign(new Error('no gateway'), { code: 'not_configured' })
      }
    })
    await useClipStore.getState().actions.open('the-clip')
    const { unmount } = render(<ClipDetailPanel />)
    fireEvent.click(screen.getByRole('button', { name: 'Download the Audio again' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Could not'))
    unmount()

    useClipStore.getState().actions.close()
    installFakeApi({
      getClip: () =>
        makeDetail(
          { ...row, generationFailed: true },
          { files: [{ ...audio('failed'), error: 'The generation failed.' }] }
        )
    })
    await useClipStore.getState().actions.open('the-clip')
    render(<ClipDetailPanel />)
    expect(within(screen.getByTestId('clip-files')).queryByRole('button')).toBeNull()
  })
})
