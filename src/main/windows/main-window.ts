import type { BrowserWindowConstructorOptions, Rectangle } from 'electron'

/** The main window's web preferences: the secure baseline, nothing relaxed. */
export function secureWebPreferences(
  preloadPath: string
): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    safeDialogs: true,
    autoplayPolicy: 'no-user-gesture-required'
  }
}

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
  maximized?: boolean
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 }

/** Restores saved bounds only if they are sane and still on one of the displays (a
 * monitor may have been unplugged since). */
export function restoreBounds(saved: unknown, displays: Rectangle[]): WindowBounds {
  if (typeof saved !== 'object' || saved === null) return DEFAULT_BOUNDS
  const b = saved as Record<string, unknown>
  const num = (v: unknown): number | undefined =>
    typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined
  const width = num(b.width)
  const height = num(b.height)
  if (!width || !height || width < 640 || height < 480 || width > 20000 || height > 20000) {
    return DEFAULT_BOUNDS
  }
  const x = num(b.x)
  const y = num(b.y)
  const maximized = b.maximized === true
  if (x === undefined || y === undefined) return { width, height, maximized }
  const visible = displays.some(
    (d) => x + 100 > d.x && y + 50 > d.y && x < d.x + d.width - 100 && y < d.y + d.height - 50
  )
  return visible ? { x, y, width, height, maximized } : { width, height, maximized }
}
