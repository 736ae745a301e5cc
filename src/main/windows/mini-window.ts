import type {
  BrowserWindow as BrowserWindowType,
  BrowserWindowConstructorOptions,
  Rectangle,
  Screen,
  WebContents
} from 'electron'
import { secureWebPreferences } from './main-window'

// The mini player window (issue 15): small, frameless, always on top, with the main
// window's preload, sandbox, context isolation and CSP (it loads the same page from the
// same app scheme, with `?view=mini`). It shows the song the main window plays and sends
// it commands; the main window keeps the audio. Its size and place are remembered and put
// back on a display that is still there: screen.getDisplayMatching answers the display a
// rectangle intersects most, or the nearest one when it intersects none (docs/api/screen.md;
// Chromium's display_finder), and the window is kept inside that display's work area.

export const MINI_DEFAULT = { width: 360, height: 132 } as const
export const MINI_MIN = { width: 300, height: 112 } as const
export const MINI_MAX = { width: 720, height: 240 } as const
/** The distance from the work area's corner when there is no saved place. */
export const MINI_MARGIN = 24
/** Saved coordinates beyond this are garbage, not a very large desktop. */
const COORD_LIMIT = 100_000

const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value))

export type MiniScreen = Pick<Screen, 'getDisplayMatching' | 'getPrimaryDisplay'>

/** The saved bounds as numbers, or null for anything else (electron-store only checks that
 * the key holds an object). */
export function readMiniBounds(saved: unknown): Partial<Rectangle> | null {
  if (typeof saved !== 'object' || saved === null) return null
  const b = saved as Record<string, unknown>
  const num = (v: unknown): number | undefined =>
    typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= COORD_LIMIT
      ? Math.round(v)
      : undefined
  return { x: num(b.x), y: num(b.y), width: num(b.width), height: num(b.height) }
}

/** Where the mini window opens: the saved size clamped to the window's limits, at the saved
 * place moved onto the display it matches (a display unplugged since gives the nearest
 * one), or at the bottom right of the primary display's work area. */
export function placeMiniWindow(saved: unknown, screen: MiniScreen): Rectangle {
  const b = readMiniBounds(saved) ?? {}
  const width = clamp(b.width ?? MINI_DEFAULT.width, MINI_MIN.width, MINI_MAX.width)
  const height = clamp(b.height ?? MINI_DEFAULT.height, MINI_MIN.height, MINI_MAX.height)
  const area =
    b.x === undefined || b.y === undefined
      ? screen.getPrimaryDisplay().workArea
      : screen.getDisplayMatching({ x: b.x, y: b.y, width, height }).workArea
  const w = Math.min(width, area.width)
  const h = Math.min(height, area.height)
  if (b.x === undefined || b.y === undefined) {
    return {
      x: area.x + Math.max(0, area.width - w - MINI_MARGIN),
      y: area.y + Math.max(0, area.height - h - MINI_MARGIN),
      width: w,
      height: h
    }
  }
  return {
    x: clamp(b.x, area.x, area.x + area.width - w),
    y: clamp(b.y, area.y, area.y + area.height - h),
    width: w,
    height: h
  }
}

/** The mini window's options. Frameless (the page marks its draggable area with
 * `app-region: drag`, docs/tutorial/custom-window-interactions.md), out of the taskbar
 * (the main window stays there; skipTaskbar is macOS and Windows), so it cannot be
 * minimised either, and never maximised or full screen. */
export function miniWindowOptions(
  bounds: Rectangle,
  preloadPath: string,
  iconPath: string
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MINI_MIN.width,
    minHeight: MINI_MIN.height,
    maxWidth: MINI_MAX.width,
    maxHeight: MINI_MAX.height,
    alwaysOnTop: true,
    frame: false,
    resizable: true,
    maximizable: false,
    minimizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    show: false,
    title: 'Songshelf',
    icon: iconPath,
    backgroundColor: '#16161b',
    webPreferences: secureWebPreferences(preloadPath)
  }
}

export interface MiniWindowDeps {
  BrowserWindow: typeof BrowserWindowType
  screen: MiniScreen
  preloadPath: string
  iconPath: string
  /** The renderer's mini view: the app's page with `?view=mini`. */
  url: string
  loadBounds: () => unknown
  saveBounds: (bounds: Rectangle) => void
  /** The window opened or closed (the menu's checkbox, the `mini-player` event). */
  onChange: (open: boolean) => void
}

export interface MiniWindow {
  /** Opens (or brings forward) or closes the mini window; answers whether it is open. */
  set(open: boolean): boolean
  isOpen(): boolean
  /** The mini window's web contents while it is open: the one other sender IPC accepts. */
  contents(): WebContents | null
}

export function createMiniWindow(deps: MiniWindowDeps): MiniWindow {
  let win: BrowserWindowType | null = null
  const live = (): BrowserWindowType | null => (win !== null && !win.isDestroyed() ? win : null)
  const open = (): void => {
    const existing = live()
    if (existing) {
      existing.show()
      existing.focus()
      return
    }
    const bounds = placeMiniWindow(deps.loadBounds(), deps.screen)
    const next = new deps.BrowserWindow(miniWindowOptions(bounds, deps.preloadPath, deps.iconPath))
    win = next
    // 'floating' is the level macOS gives utility panels: above ordinary windows, below
    // menus and the screen saver (docs/api/base-window.md, setAlwaysOnTop; the default
    // for true on macOS and Windows). Wayland has no always-on-top at all.
    next.setAlwaysOnTop(true, 'floating')
    // On every Space or workspace (macOS and Linux; a no-op on Windows). Not over other
    // apps' full-screen Spaces: visibleOnFullScreen changes the app's activation policy.
    next.setVisibleOnAllWorkspaces(true)
    next.once('ready-to-show', () => next.show())
    const save = (): void => {
      if (!next.isDestroyed()) deps.saveBounds(next.getBounds())
    }
    // 'moved' and 'resized' fire once a move or resize ends on macOS and Windows; 'close'
    // covers Linux, where only the continuous 'move'/'resize' exist.
    next.on('moved', save)
    next.on('resized', save)
    next.on('close', save)
    next.on('closed', () => {
      if (win === next) win = null
      deps.onChange(false)
    })
    // A crashed mini view is closed, not reloaded: the menu or the button opens it again.
    next.webContents.on('render-process-gone', () => {
      if (!next.isDestroyed()) next.close()
    })
    void next.loadURL(deps.url)
    deps.onChange(true)
  }
  return {
    set: (wanted) => {
      if (wanted) open()
      else live()?.close()
      return wanted
    },
    isOpen: () => live() !== null,
    contents: () => live()?.webContents ?? null
  }
}

/** The mini view's address for the app's entry (or the dev server's). */
export function miniViewUrl(entryUrl: string): string {
  const url = new URL(entryUrl)
  url.searchParams.set('view', 'mini')
  return url.toString()
}
