import { afterEach, describe, expect, it, vi } from 'vitest'
import { EventHub } from '../../../src/main/core/app/events'
import { taskIdsFromSecondInstance } from '../../../src/main/desktop/second-instance'
import { startShell, type RunningShell } from '../../../src/main/shell'
import { createRendererRecovery } from '../../../src/main/windows/renderer-recovery'
import {
  callFrom,
  fakeElectron,
  FakeNotification,
  type FakeElectron,
  type FakeWindow
} from './support/fake-electron'

vi.mock('electron', () => ({ default: {} }))

// The shell's window and process life cycle with Electron mocked and the real core
// (real SQLite and files in a temp folder).

const TASK = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
const running: { fake: FakeElectron; shell: RunningShell }[] = []

function start(platform: NodeJS.Platform): { fake: FakeElectron; shell: RunningShell } {
  const fake = fakeElectron({ platform })
  const shell = startShell(fake.deps)
  running.push({ fake, shell })
  return { fake, shell }
}

afterEach(async () => {
  for (const { fake, shell } of running.splice(0)) {
    await shell.core.stop()
    fake.cleanup()
  }
})

const syncState = (shell: RunningShell): unknown => shell.core.engine().state()

describe('macOS: closing the last window', () => {
  it('keeps the app running, drops events while no window exists, and activate opens it again', async () => {
    const { fake, shell } = start('darwin')
    const first = fake.windows()[0] as FakeWindow
    expect(first.loaded).toEqual(['songshelf-app://app/index.html'])
    first.close()
    fake.app.emit('window-all-closed')
    expect(fake.app.quits).toBe(0)
    expect(shell.window()).toBeNull()

    // Core events, a menu command and a progress update with no window: nothing throws.
    const errors = vi.spyOn(console, 'error')
    expect(() => shell.core.events.emit('sync-state', syncState(shell) as never)).not.toThrow()
    expect(() =>
      shell.core.events.emit('download-progress', { items: [{ bytes: 1, total: 2 }] } as never)
    ).not.toThrow()
    const fileMenu = (
      fake.menu.template as { submenu?: { label?: string; click?: () => void }[] }[]
    )
      .flatMap((item) => item.submenu ?? [])
      .find((item) => item.label === 'Add Tasks…')
    expect(() => fileMenu?.click?.()).not.toThrow()
    expect(errors).not.toHaveBeenCalled()
    errors.mockRestore()

    fake.app.emit('activate')
    expect(fake.windows()).toHaveLength(2)
    const second = fake.windows()[1] as FakeWindow
    expect(shell.window()).toBe(second)
    expect(second.loaded).toEqual(['songshelf-app://app/index.html'])
    // The new window is trusted and gets the events; activate with a window open adds none.
    const info = (await callFrom(fake, second, 'getAppInfo')) as { ok: boolean }
    expect(info.ok).toBe(true)
    shell.core.events.emit('sync-state', syncState(shell) as never)
    expect(second.webContents.sent.map((m) => m.channel)).toContain('songshelf:sync-state')
    fake.app.emit('activate')
    expect(fake.windows()).toHaveLength(2)
  })

  it('quits when the last window closes on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { fake } = start(platform)
      ;(fake.windows()[0] as FakeWindow).close()
      fake.app.emit('window-all-closed')
      expect(fake.app.quits, platform).toBe(1)
    }
  })

  it('refuses IPC from a window that has been closed', async () => {
    const { fake } = start('darwin')
    const first = fake.windows()[0] as FakeWindow
    const contents = first.webContents
    first.close()
    const handler = fake.ipc.get('songshelf:getAppInfo')!
    const result = (await handler(
      { sender: contents, senderFrame: { url: contents.url, parent: null } } as never,
      undefined
    )) as { ok: boolean; error?: { code: string } }
    expect(result.error?.code).toBe('forbidden_sender')
  })
})

describe('the native menu', () => {
  it('speaks the language the user picks in Settings (issue 13, defect 11)', async () => {
    const { fake } = start('linux')
    const labels = (): string[] =>
      (fake.menu.template as { label?: string }[]).map((item) => item.label ?? '')
    expect(labels()).toContain('&File')
    const win = fake.windows()[0] as FakeWindow
    await callFrom(fake, win, 'updateSettings', { language: 'zh-CN' })
    expect(labels()).toContain('文件(&F)')
    expect(labels()).not.toContain('&File')
    await callFrom(fake, win, 'updateSettings', { language: 'en' })
    expect(labels()).toContain('&File')
  })
})

describe('the event hub', () => {
  it('never throws into its caller and still reaches the other listeners', () => {
    const hub = new EventHub()
    const got: string[] = []
    hub.subscribe(() => {
      throw new TypeError('Object has been destroyed')
    })
    hub.subscribe((event, _payload) => got.push(event))
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => hub.emit('library-changed', { kind: 'reset' })).not.toThrow()
    expect(got).toEqual(['library-changed'])
    expect(errors).toHaveBeenCalledOnce()
    errors.mockRestore()
  })
})

describe('a crashed renderer', () => {
  it('reloads the window and says so', () => {
    const { fake } = start('linux')
    const win = fake.windows()[0] as FakeWindow
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    expect(win.webContents.reloads).toBe(1)
    expect(fake.dialogs.messages).toHaveLength(1)
    expect(fake.dialogs.messages[0]!.message).toContain('crashed')
    expect(fake.dialogs.messages[0]!.message).toContain('reloaded')
  })

  it('ignores a clean exit and stops reloading a page that keeps dying', () => {
    let now = 0
    const reloads: number[] = []
    const notes: string[] = []
    const recover = createRendererRecovery({
      reload: () => reloads.push(now),
      notify: (_title, message) => notes.push(message),
      now: () => now,
      locale: 'zh-CN'
    })
    expect(recover({ reason: 'clean-exit', exitCode: 0 })).toBe('ignored')
    for (let i = 0; i < 3; i++) expect(recover({ reason: 'oom', exitCode: 1 })).toBe('reloaded')
    expect(recover({ reason: 'oom', exitCode: 1 })).toBe('gave-up')
    expect(reloads).toHaveLength(3)
    expect(notes.at(-1)).toContain('反复停止')
    now = 61_000
    expect(recover({ reason: 'oom', exitCode: 1 })).toBe('reloaded')
  })
})

describe('a second launch', () => {
  it('adds the task ids it hands over as additionalData, parsed, and focuses the window', async () => {
    const { fake, shell } = start('linux')
    fake.app.emit('second-instance', {}, ['/opt/Songshelf/songshelf', '--weird'], '/', {
      taskIds: [TASK, 'not-an-id', 42]
    })
    await vi.waitFor(async () => {
      const tasks = shell.core.library().listTasks()
      expect(tasks.map((t) => t.id)).toEqual([TASK])
    })
  })

  it('ignores additionalData that is not ours', () => {
    expect(taskIdsFromSecondInstance(null)).toEqual([])
    expect(taskIdsFromSecondInstance({ taskIds: 'x' })).toEqual([])
    expect(taskIdsFromSecondInstance({ taskIds: [`${TASK}\n${TASK}`] })).toEqual([TASK])
  })

  it('opens a window for a notification click when none is open (macOS)', () => {
    const { fake } = start('darwin')
    ;(fake.windows()[0] as FakeWindow).close()
    expect(fake.windows()).toHaveLength(1)
    fake.app.emit('second-instance', {}, [], '/', { taskIds: [] })
    expect(fake.windows()).toHaveLength(2)
    expect(FakeNotification.shown).toHaveLength(0)
  })
})

describe('notifications', () => {
  it('keeps each shown notification referenced until it is clicked or closed', async () => {
    const { shell } = start('linux')
    shell.desktop.clipReady({ id: 'clip-1', title: 'City Lights' })
    await vi.waitFor(() => expect(FakeNotification.shown).toHaveLength(1), { timeout: 10_000 })
    expect(shell.desktop.shownNotifications()).toBe(1)
    FakeNotification.shown[0]!.emit('click')
    expect(shell.desktop.shownNotifications()).toBe(0)
    shell.desktop.clipReady({ id: 'clip-2', title: 'Paper Moon' })
    await vi.waitFor(() => expect(FakeNotification.shown).toHaveLength(2), { timeout: 10_000 })
    FakeNotification.shown[1]!.emit('close')
    expect(shell.desktop.shownNotifications()).toBe(0)
  })
})
