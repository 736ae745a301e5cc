import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { buildMenuTemplate } from '../../../src/main/desktop/menu'
import { menuLanguage } from '../../../src/main/desktop/menu-strings'
import { ArrivalNotifier, taskbarProgress } from '../../../src/main/desktop/notifier'
import { taskIdsFromArgv } from '../../../src/main/desktop/integration'

vi.mock('electron', () => ({ default: {} }))

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])
  ])
}

describe('application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    it(`has the app's commands with accelerators on ${platform}`, () => {
      const sent: string[] = []
      const items = flatten(buildMenuTemplate(platform, (c) => sent.push(c)))
      const byLabel = new Map(items.filter((i) => i.label).map((i) => [i.label, i]))
      const expected: [string, string | undefined, string][] = [
        ['Add Tasks…', 'CmdOrCtrl+N', 'add-tasks'],
        ['Open Library Folder', 'CmdOrCtrl+Shift+O', 'open-library'],
        ['Play/Pause', 'Space', 'play-pause'],
        ['Next', 'Shift+Right', 'next'],
        ['Previous', 'Shift+Left', 'previous'],
        ['Search', 'CmdOrCtrl+F', 'search'],
        ['Undo', 'CmdOrCtrl+Z', 'undo'],
        ['Settings…', 'CmdOrCtrl+,', 'settings'],
        ['Keyboard Shortcuts', 'CmdOrCtrl+/', 'shortcuts']
      ]
      for (const [label, accelerator, command] of expected) {
        const item = byLabel.get(label)
        expect(item, label).toBeDefined()
        expect(item!.accelerator).toBe(accelerator)
        ;(item!.click as () => void)()
        expect(sent.at(-1)).toBe(command)
      }
      const roles = items.map((i) => i.role).filter(Boolean)
      expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'redo', 'togglefullscreen']))
      expect(roles.includes('quit') || roles.includes('close')).toBe(true)
      // The renderer owns these keys (Undo only outside text fields).
      for (const label of ['Play/Pause', 'Next', 'Previous', 'Undo']) {
        expect(byLabel.get(label)!.registerAccelerator, label).toBe(false)
      }
    })
  }
})

// Issue 13, defect 11: the Electron menu was English only in the Chinese UI.
describe('application menu in Chinese', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    it(`labels every item in Chinese on ${platform}`, () => {
      const sent: string[] = []
      const menu = buildMenuTemplate(platform, (c) => sent.push(c), 'Songshelf', 'zh-CN')
      const items = flatten(menu).filter((i) => i.type !== 'separator')
      for (const item of items) {
        // Every item carries its own label (Electron's role defaults are English), and no
        // label is English apart from the app's name.
        expect(item.label, `${item.role ?? 'item'}`).toBeTruthy()
        expect(item.label!.replace(/Songshelf|&[A-Z]/g, ''), item.label).not.toMatch(/[A-Za-z]/)
      }
      // A bare windowMenu would get Electron's English submenu: it is spelled out instead.
      const windowMenu = menu.find((i) => i.role === 'windowMenu')!
      expect(Array.isArray(windowMenu.submenu) && windowMenu.submenu.length).toBeGreaterThan(0)
      const add = items.find((i) => i.label === '添加任务…')!
      expect(add.accelerator).toBe('CmdOrCtrl+N')
      ;(add.click as () => void)()
      expect(sent).toEqual(['add-tasks'])
    })
  }

  it('follows the setting, and the OS language when the setting is "system"', () => {
    expect(menuLanguage('zh-CN', 'en-US')).toBe('zh-CN')
    expect(menuLanguage('en', 'zh-CN')).toBe('en')
    expect(menuLanguage('system', 'zh-TW')).toBe('zh-CN')
    expect(menuLanguage('system', 'de-DE')).toBe('en')
  })
})

describe('new-song notifications', () => {
  function harness(enabled = true) {
    const shown: { title: string; body: string; click: () => void }[] = []
    const focused: string[] = []
    let fire: (() => void) | null = null
    const notifier = new ArrivalNotifier({
      enabled: () => enabled,
      show: (title, body, click) => shown.push({ title, body, click }),
      focusClip: (id) => focused.push(id),
      setTimer: (fn) => {
        fire = fn
        return { cancel: () => (fire = null) }
      }
    })
    return { notifier, shown, focused, flushTimer: () => fire?.() }
  }

  it('groups songs that arrive together into one notification; a click focuses the first', () => {
    const { notifier, shown, focused, flushTimer } = harness()
    notifier.arrived({ id: 'a', title: 'City Lights' })
    notifier.arrived({ id: 'b', title: 'Paper Moon' })
    notifier.arrived({ id: 'c', title: '夜晚城市' })
    expect(shown).toHaveLength(0)
    flushTimer()
    expect(shown).toEqual([
      expect.objectContaining({ title: '3 new songs downloaded', body: 'City Lights and 2 more' })
    ])
    shown[0]!.click()
    expect(focused).toEqual(['a'])
  })

  it('stays quiet when notifications are off', () => {
    const { notifier, shown, flushTimer } = harness(false)
    notifier.arrived({ id: 'a', title: 'x' })
    flushTimer()
    expect(shown).toEqual([])
  })
})

describe('taskbar progress', () => {
  it('hides when idle, is indeterminate without sizes, and is a fraction otherwise', () => {
    expect(taskbarProgress([])).toBe(-1)
    expect(taskbarProgress([{ bytes: 10, total: null }])).toBeGreaterThan(1)
    expect(
      taskbarProgress([
        { bytes: 25, total: 100 },
        { bytes: 75, total: 100 }
      ])
    ).toBe(0.5)
  })
})

describe('command-line ids', () => {
  it('finds task ids among the arguments of a launch', () => {
    expect(
      taskIdsFromArgv([
        '--flag',
        '0b7c1f5e-8a11-4f2a-9d3e-1c2b3a4d5e6f',
        'task_Abc12345',
        '/path/to/app'
      ])
    ).toEqual(['0b7c1f5e-8a11-4f2a-9d3e-1c2b3a4d5e6f', 'task_Abc12345'])
  })
})
