import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Rectangle } from 'electron'
import { startShell, type RunningShell } from '../../../src/main/shell'
import { openSettingsStore } from '../../../src/main/settings/settings-store'
import {
  MINI_DEFAULT,
  MINI_MARGIN,
  MINI_MAX,
  MINI_MIN,
  placeMiniWindow,
  type MiniScreen
} from '../../../src/main/windows/mini-window'
import {
  callFrom,
  fakeElectron,
  FakeWindow,
  PRIMARY_WORK_AREA,
  type FakeElectron
} from './support/fake-electron'

vi.mock('electron', () => ({ default: {} }))

// The always-on-top mini player window (issue 15) with Electron mocked and the real core:
// where it opens, what it remembers, what it may call and what it hears.

/** Electron's rule for getDisplayMatching (Chromium display_finder): the display a
 * rectangle intersects most, else the one nearest to it. */
function screenOf(areas: Rectangle[]): MiniScreen {
  const overlap = (a: Rectangle, b: Rectangle): number =>
    Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
    Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))
  const distance = (a: Rectangle, r: Rectangle): number => {
    const dx = Math.max(a.x - (r.x + r.width), 0, r.x - (a.x + a.width))
    const dy = Math.max(a.y - (r.y + r.height), 0, r.y - (a.y + a.height))
    return Math.hypot(dx, dy)
  }
  return {
    getPrimaryDisplay: () => ({ workArea: areas[0] }) as never,
    getDisplayMatching: (rect: Rectangle) => {
      const best = [...areas].sort(
        (a, b) => overlap(b, rect) - overlap(a, rect) || distance(a, rect) - distance(b, rect)
      )[0]
      return { workArea: best } as never
    }
  }
}

const LAPTOP = { x: 0, y: 25, width: 1440, height: 875 }
const MONITOR = { x: 1440, y: 0, width: 2560, height: 1440 }

const inside = (r: Rectangle, area: Rectangle): boolean =>
  r.x >= area.x &&
  r.y >= area.y &&
  r.x + r.width <= area.x + area.width &&
  r.y + r.height <= area.y + area.height

describe('where the mini player opens', () => {
  it('opens at the bottom right of the primary work area the first time', () => {
    const place = placeMiniWindow(null, screenOf([LAPTOP, MONITOR]))
    expect(place).toEqual({
      x: LAPTOP.width - MINI_DEFAULT.width - MINI_MARGIN,
      y: LAPTOP.y + LAPTOP.height - MINI_DEFAULT.height - MINI_MARGIN,
      ...MINI_DEFAULT
    })
  })

  it('goes back where it was on a display that is still there', () => {
    const saved = { x: 3000, y: 900, width: 400, height: 140 }
    expect(placeMiniWindow(saved, screenOf([LAPTOP, MONITOR]))).toEqual(saved)
  })

  it('comes back onto a visible display when its display was unplugged', () => {
    // Saved on the monitor; only the laptop is left.
    const place = placeMiniWindow({ x: 3000, y: 900, width: 400, height: 140 }, screenOf([LAPTOP]))
    expect(inside(place, LAPTOP)).toBe(true)
    expect(place).toMatchObject({ width: 400, height: 140 })
    // Left and above every display, half off an edge, under the menu bar: all on screen.
    for (const saved of [
      { x: -5000, y: -5000, width: 360, height: 132 },
      { x: 1300, y: 800, width: 360, height: 132 },
      { x: 100, y: 0, width: 360, height: 132 }
    ]) {
      expect(
        inside(placeMiniWindow(saved, screenOf([LAPTOP])), LAPTOP),
        JSON.stringify(saved)
      ).toBe(true)
    }
  })

  it('clamps a saved size to its limits and ignores garbage', () => {
    const screen = screenOf([LAPTOP])
    expect(placeMiniWindow({ x: 10, y: 30, width: 5000, height: 10 }, screen)).toMatchObject({
      width: MINI_MAX.width,
      height: MINI_MIN.height
    })
    const fallback = placeMiniWindow(null, screen)
    for (const garbage of [
      'x',
      42,
      [],
      { x: '10', y: '20', width: '300', height: '100' },
      { x: Number.NaN, y: Infinity, width: -1, height: 1e12 },
      { x: 1e9, y: 1e9 }
    ]) {
      const place = placeMiniWindow(garbage, screen)
      expect(inside(place, LAPTOP), JSON.stringify(garbage)).toBe(true)
      expect(place.width).toBeGreaterThanOrEqual(MINI_MIN.width)
      expect(place.width).toBeLessThanOrEqual(MINI_MAX.width)
    }
    expect(placeMiniWindow({}, screen)).toEqual(fallback)
  })
})

const running: { fake: FakeElectron; shell: RunningShell }[] = []

function start(
  platform: NodeJS.Platform = 'linux',
  saved?: unknown
): {
  fake: FakeElectron
  shell: RunningShell
} {
  const fake = fakeElectron({ platform })
  if (saved !== undefined) {
    const store = openSettingsStore(fake.deps.app.getPath('userData'), '0.1.0')
    store.set('miniBounds', saved as never)
  }
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

/** Clicks View ▸ Mini Player and answers the mini window. */
function toggleFromMenu(fake: FakeElectron): void {
  const item = fake.menu.byId('mini-player') as { click: () => void }
  item.click()
}

const miniOf = (fake: FakeElectron): FakeWindow | undefined =>
  fake.windows().find((w) => w.loaded.some((url) => url.includes('view=mini')))

describe('the mini player window', () => {
  it('opens from View ▸ Mini Player, always on top and as locked down as the main window', () => {
    const { fake } = start('darwin')
    const item = fake.menu.byId('mini-player')
    expect(item).toMatchObject({
      type: 'checkbox',
      checked: false,
      label: 'Mini Player',
      accelerator: 'CmdOrCtrl+Shift+M'
    })
    toggleFromMenu(fake)
    const main = fake.windows()[0] as FakeWindow
    const mini = miniOf(fake) as FakeWindow
    expect(mini).toBeDefined()
    expect(mini.loaded).toEqual(['songshelf-app://app/index.html?view=mini'])
    expect(mini.options).toMatchObject({
      alwaysOnTop: true,
      frame: false,
      maximizable: false,
      fullscreenable: false,
      minWidth: MINI_MIN.width,
      maxHeight: MINI_MAX.height,
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true
      }
    })
    expect(mini.options['webPreferences']).toEqual(main.options['webPreferences'])
    expect(mini.onTop).toEqual([[true, 'floating']])
    expect(inside(mini.getBounds(), PRIMARY_WORK_AREA)).toBe(true)
    expect(fake.menu.byId('mini-player')?.['checked']).toBe(true)
    expect(main.webContents.sent).toContainEqual({
      channel: 'songshelf:mini-player',
      payload: { open: true }
    })
    // The same item (and its shortcut) closes it again.
    toggleFromMenu(fake)
    expect(mini.isDestroyed()).toBe(true)
    expect(fake.menu.byId('mini-player')?.['checked']).toBe(false)
    expect(main.webContents.sent).toContainEqual({
      channel: 'songshelf:mini-player',
      payload: { open: false }
    })
  })

  it('opens once: a second open brings the same window forward', async () => {
    const { fake } = start()
    const main = fake.windows()[0] as FakeWindow
    expect(await callFrom(fake, main, 'setMiniPlayer', { open: true })).toEqual({
      ok: true,
      value: { open: true }
    })
    await callFrom(fake, main, 'setMiniPlayer', { open: true })
    expect(fake.windows()).toHaveLength(2)
    expect((miniOf(fake) as FakeWindow).focused).toBe(1)
  })

  it('remembers where it was moved, across closing and a restart, kept on screen', async () => {
    const { fake } = start()
    toggleFromMenu(fake)
    const moved = { x: 700, y: 400, width: 420, height: 150 }
    ;(miniOf(fake) as FakeWindow).moveTo(moved)
    toggleFromMenu(fake)
    const store = openSettingsStore(fake.deps.app.getPath('userData'), '0.1.0')
    expect(store.get('miniBounds')).toEqual(moved)
    toggleFromMenu(fake)
    const again = fake.windows().filter((w) => w.loaded.some((u) => u.includes('view=mini')))
    expect(again).toHaveLength(2)
    expect((again[1] as FakeWindow).getBounds()).toEqual(moved)
    // The settings file never reaches the renderer's settings.
    const settings = (await callFrom(fake, fake.windows()[0] as FakeWindow, 'getSettings')) as {
      value: Record<string, unknown>
    }
    expect(settings.value).not.toHaveProperty('miniBounds')

    // A restart where the saved place is on a display that is gone, with a broken size.
    const second = start('linux', { x: 5000, y: -300, width: 99999, height: 'tall' })
    toggleFromMenu(second.fake)
    const placed = (miniOf(second.fake) as FakeWindow).getBounds()
    expect(inside(placed, PRIMARY_WORK_AREA)).toBe(true)
    expect(placed).toMatchObject({ width: MINI_MAX.width, height: MINI_DEFAULT.height })
  })

  it('closes with the main window, and its button brings the main window back', async () => {
    const { fake } = start('darwin')
    const main = fake.windows()[0] as FakeWindow
    toggleFromMenu(fake)
    const mini = miniOf(fake) as FakeWindow
    const focusedBefore = main.focused
    expect(await callFrom(fake, mini, 'setMiniPlayer', { open: false })).toEqual({
      ok: true,
      value: { open: false }
    })
    expect(mini.isDestroyed()).toBe(true)
    expect(main.focused).toBe(focusedBefore + 1)

    toggleFromMenu(fake)
    const reopened = fake.windows().at(-1)
    expect(reopened).not.toBe(mini)
    expect(reopened?.isDestroyed()).toBe(false)
    main.close()
    expect(reopened?.isDestroyed()).toBe(true)
    expect(fake.menu.byId('mini-player')?.['checked']).toBe(false)
  })
})

describe('IPC with two windows', () => {
  it('accepts exactly the mini window, only for what it needs, and refuses it once closed', async () => {
    const { fake } = start()
    const main = fake.windows()[0] as FakeWindow
    toggleFromMenu(fake)
    const mini = miniOf(fake) as FakeWindow
    const code = (answer: unknown): string | undefined =>
      (answer as { ok: boolean; error?: { code: string } }).error?.code

    expect(code(await callFrom(fake, mini, 'getAppInfo'))).toBeUndefined()
    expect(code(await callFrom(fake, mini, 'getSettings'))).toBeUndefined()
    expect(code(await callFrom(fake, mini, 'sendPlayerCommand', { command: 'toggle' }))).toBe(
      undefined
    )
    // Not for the library, settings or a forged player state.
    for (const [method, payload] of [
      ['queryLibrary', { limit: 1 }],
      ['updateSettings', { theme: 'dark' }],
      ['deleteClips', { ids: ['a'] }],
      [
        'publishPlayerState',
        { clip: null, playing: true, position: 0, duration: 0, hasNext: false, hasPrevious: false }
      ]
    ] as const) {
      expect(code(await callFrom(fake, mini, method, payload)), method).toBe('forbidden_sender')
    }
    // A third window of ours (say a future one) is neither of the two.
    const stray = new FakeWindow({})
    await stray.loadURL('songshelf-app://app/index.html?view=mini')
    expect(code(await callFrom(fake, stray, 'sendPlayerCommand', { command: 'toggle' }))).toBe(
      'forbidden_sender'
    )
    // A sub-frame of the mini window, or a foreign page in it.
    const handler = fake.ipc.get('songshelf:getAppInfo')!
    for (const frame of [
      { url: mini.webContents.getURL(), parent: {} },
      { url: 'https://evil.test/', parent: null }
    ]) {
      expect(
        code(await handler({ sender: mini.webContents, senderFrame: frame } as never, null))
      ).toBe('forbidden_sender')
    }
    expect(code(await callFrom(fake, main, 'queryLibrary', { limit: 1 }))).toBeUndefined()

    const contents = mini.webContents
    toggleFromMenu(fake)
    expect(
      code(
        await handler(
          { sender: contents, senderFrame: { url: contents.url, parent: null } } as never,
          null
        )
      )
    ).toBe('forbidden_sender')
  })

  it('relays the main window state to the mini window and its commands back, and nowhere else', async () => {
    const { fake, shell } = start()
    const main = fake.windows()[0] as FakeWindow
    toggleFromMenu(fake)
    const mini = miniOf(fake) as FakeWindow
    const state = {
      clip: { id: 'clip-1', title: 'City Lights', take: 2, takes: 2, hasCover: true },
      playing: true,
      position: 12.5,
      duration: 94,
      hasNext: true,
      hasPrevious: false
    }
    await callFrom(fake, main, 'publishPlayerState', state)
    expect(mini.webContents.sent).toEqual([{ channel: 'songshelf:player-state', payload: state }])
    expect(main.webContents.sent.map((m) => m.channel)).not.toContain('songshelf:player-state')

    await callFrom(fake, mini, 'sendPlayerCommand', { command: 'seek', sec: 30 })
    expect(main.webContents.sent).toContainEqual({
      channel: 'songshelf:player-command',
      payload: { command: 'seek', sec: 30 }
    })
    expect(mini.webContents.sent.map((m) => m.channel)).toEqual(['songshelf:player-state'])
    // Library and sync events stay with the main window.
    shell.core.events.emit('library-changed', { kind: 'reset' })
    expect(main.webContents.sent.map((m) => m.channel)).toContain('songshelf:library-changed')
    expect(mini.webContents.sent.map((m) => m.channel)).toEqual(['songshelf:player-state'])
  })
})

describe('language and theme changed while the mini player is open', () => {
  it('reach the mini window at once, and a change of anything else does not', async () => {
    const { fake } = start()
    const main = fake.windows()[0] as FakeWindow
    toggleFromMenu(fake)
    const mini = miniOf(fake) as FakeWindow
    const heard = (): unknown[] =>
      mini.webContents.sent
        .filter((m) => m.channel === 'songshelf:preferences-changed')
        .map((m) => m.payload)

    await callFrom(fake, main, 'updateSettings', { language: 'zh-CN' })
    await callFrom(fake, main, 'updateSettings', { theme: 'dark' })
    // Old code: the mini window heard nothing until it was opened again.
    expect(heard()).toEqual([
      { language: 'zh-CN', theme: 'system' },
      { language: 'zh-CN', theme: 'dark' }
    ])
    await callFrom(fake, main, 'updateSettings', { pollIntervalSec: 120, theme: 'dark' })
    expect(heard()).toHaveLength(2)
    // The mini window still may not change settings itself.
    expect(await callFrom(fake, mini, 'updateSettings', { theme: 'light' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' }
    })
    expect(heard()).toHaveLength(2)
  })
})

describe('the View menu item', () => {
  it('is in both languages, and absent where there is no mini window', async () => {
    const { buildMenuTemplate } = await import('../../../src/main/desktop/menu')
    const mini = { isOpen: () => true, toggle: () => undefined }
    const item = (language: 'en' | 'zh-CN', withMini: boolean): unknown =>
      buildMenuTemplate(
        'win32',
        () => undefined,
        'Songshelf',
        language,
        withMini ? mini : undefined
      )
        .flatMap((entry) => (Array.isArray(entry.submenu) ? entry.submenu : []))
        .find((entry) => entry.id === 'mini-player')
    expect(item('zh-CN', true)).toMatchObject({ label: '迷你播放器', checked: true })
    expect(item('en', true)).toMatchObject({
      label: 'Mini Player',
      accelerator: 'CmdOrCtrl+Shift+M'
    })
    expect(item('en', false)).toBeUndefined()
  })
})
