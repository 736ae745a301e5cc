import type {
  App,
  BrowserWindow as BrowserWindowType,
  Dialog,
  IpcMain,
  Menu,
  NativeImage,
  NativeTheme,
  Notification,
  PowerMonitor,
  Protocol,
  SafeStorage,
  Screen,
  Session,
  Shell
} from 'electron'
import { createSongshelfCore, type SongshelfCore } from './core/app/create-core'
import type { StoredSettings } from './core/app/host'
import {
  applyTheme,
  installDesktopIntegration,
  type DesktopIntegration
} from './desktop/integration'
import { createElectronHost, dragIcon } from './electron-host'
import { createWindowSenderCheck, registerHandlers, sendEvent } from './ipc/register'
import { APP_ENTRY_URL, handleAppScheme } from './protocol/app-scheme'
import { handleMediaScheme } from './protocol/media-scheme'
import { appResponseHeaders, denyPermissions } from './security'
import { openSettingsStore } from './settings/settings-store'
import { restoreBounds, secureWebPreferences } from './windows/main-window'
import { createMiniWindow, miniViewUrl } from './windows/mini-window'
import { createRendererRecovery } from './windows/renderer-recovery'

export interface ShellDeps {
  app: App
  BrowserWindow: typeof BrowserWindowType
  dialog: Dialog
  ipcMain: IpcMain
  protocol: Protocol
  safeStorage: SafeStorage
  screen: Screen
  session: Session
  shell: Shell
  Menu: typeof Menu
  Notification: typeof Notification
  nativeTheme: NativeTheme
  powerMonitor: PowerMonitor
  nativeImage: { createFromPath(path: string): NativeImage }
  preloadPath: string
  /** resources/icon.png (the window icon; a small copy is the drag image). Passed in
   * because this module is bundled into a chunk folder, where __dirname differs. */
  iconPath: string
  /** The built renderer folder (out/renderer), served on the app scheme. */
  rendererDir: string
  devServerUrl: string | undefined
  isAppUrl: (url: string) => boolean
  isOnline: () => boolean
  /** process.platform unless a test says otherwise. */
  platform?: NodeJS.Platform
}

export interface RunningShell {
  core: SongshelfCore
  /** The main window, or null while none is open (macOS, after its window was closed). */
  window(): BrowserWindowType | null
  desktop: DesktopIntegration
  /** The mini player window's controller. */
  miniWindow(): ReturnType<typeof createMiniWindow>
}

/** Everything that happens once the app is ready: settings, the core, IPC, both schemes,
 * and the main window, which can be closed and opened again (macOS `activate`). Core
 * events, menu commands and notification clicks that arrive while there is no window are
 * dropped: reading `webContents` of a destroyed window throws "Object has been destroyed",
 * and that must never reach the engine's timers. */
export function startShell(deps: ShellDeps): RunningShell {
  const { app, BrowserWindow } = deps
  const platform = deps.platform ?? process.platform
  denyPermissions(deps.session, deps.isAppUrl)

  const store = openSettingsStore(app.getPath('userData'), app.getVersion())
  let window: BrowserWindowType | null = null
  const current = (): BrowserWindowType | null =>
    window !== null && !window.isDestroyed() ? window : null
  const host = createElectronHost({
    app,
    dialog: deps.dialog,
    shell: deps.shell,
    safeStorage: deps.safeStorage,
    store,
    focusedContents: () => current()?.webContents ?? null,
    dragIcon: () => dragIcon(deps.nativeImage, deps.iconPath)
  })
  let desktopPreferences: (settings: StoredSettings) => void = () => undefined
  host.applyPreferences = (settings) => {
    applyTheme(deps.nativeTheme, settings)
    desktopPreferences(settings)
  }
  let onClipReady: (clip: { id: string; title: string }) => void = () => undefined
  const core = createSongshelfCore(host, { onClipReady: (clip) => onClipReady(clip) })
  handleMediaScheme(deps.protocol, core.media)
  handleAppScheme(deps.protocol, deps.rendererDir, appResponseHeaders)

  // The mini player (issue 15): opened from the View menu, its shortcut, the compact-mode
  // button; the main window keeps the audio and the mini window relays commands to it.
  let miniChanged: (open: boolean) => void = () => undefined
  const mini = createMiniWindow({
    BrowserWindow,
    screen: deps.screen,
    preloadPath: deps.preloadPath,
    iconPath: deps.iconPath,
    url: miniViewUrl(deps.devServerUrl ?? APP_ENTRY_URL),
    loadBounds: () => store.get('miniBounds'),
    saveBounds: (bounds) => store.set('miniBounds', bounds),
    onChange: (open) => {
      miniChanged(open)
      core.events.emit('mini-player', { open })
    }
  })
  /** Opens the mini window (and the main window, whose player it drives, if it was
   * closed), or closes it and brings the main window forward. */
  const setMiniPlayer = (open: boolean): boolean => {
    if (open && current() === null) createWindow()
    const answer = mini.set(open)
    if (!open) showWindow()
    return answer
  }
  host.setMiniPlayer = setMiniPlayer

  const isTrusted = createWindowSenderCheck(
    { main: () => current()?.webContents ?? null, mini: () => mini.contents() },
    deps.isAppUrl
  )
  registerHandlers(deps.ipcMain, core.handlers, isTrusted)
  // The mini window hears its player state and a changed language or theme (it reads them
  // only when it opens), nothing else; the main window hears the rest.
  const unsubscribe = core.events.subscribe((event, payload) => {
    if (event === 'player-state' || event === 'preferences-changed')
      sendEvent(mini.contents(), event, payload)
    if (event !== 'player-state') sendEvent(current()?.webContents, event, payload)
  })

  const createWindow = (): BrowserWindowType => {
    const bounds = restoreBounds(
      store.get('windowBounds'),
      deps.screen.getAllDisplays().map((d) => d.workArea)
    )
    const win = new BrowserWindow({
      ...bounds,
      minWidth: 720,
      minHeight: 480,
      show: false,
      title: 'Songshelf',
      icon: deps.iconPath,
      backgroundColor: '#16161b',
      webPreferences: secureWebPreferences(deps.preloadPath)
    })
    window = win
    if (bounds.maximized) win.maximize()
    win.once('ready-to-show', () => win.show())
    win.on('close', () => {
      store.set('windowBounds', { ...win.getNormalBounds(), maximized: win.isMaximized() })
    })
    win.on('closed', () => {
      if (window === win) window = null
      // The mini window drives this window's player: it goes with it.
      mini.set(false)
    })
    const contents = win.webContents
    const recover = createRendererRecovery({
      reload: () => {
        if (!win.isDestroyed()) contents.reload()
      },
      notify: (title, message) => {
        if (win.isDestroyed()) return
        void deps.dialog.showMessageBox(win, { type: 'warning', title, message })
      },
      now: Date.now,
      locale: app.getLocale()
    })
    contents.on('render-process-gone', (_event, details) => {
      console.error("Songshelf: the window's renderer is gone:", details.reason, details.exitCode)
      recover(details)
    })
    void win.loadURL(deps.devServerUrl ?? APP_ENTRY_URL)
    return win
  }

  /** Brings the window forward, opening a new one if there is none. */
  const showWindow = (): void => {
    const win = current()
    if (!win) {
      createWindow()
      return
    }
    if (win.isMinimized()) win.restore()
    win.show()
    win.focus()
  }

  createWindow()
  const desktop = installDesktopIntegration({
    app,
    window: current,
    showWindow,
    core,
    Menu: deps.Menu,
    Notification: deps.Notification,
    nativeTheme: deps.nativeTheme,
    powerMonitor: deps.powerMonitor,
    isOnline: deps.isOnline,
    settings: () => host.settings.get(),
    miniPlayer: { isOpen: () => mini.isOpen(), toggle: () => setMiniPlayer(!mini.isOpen()) }
  })
  miniChanged = desktop.miniPlayerChanged
  onClipReady = desktop.clipReady
  desktopPreferences = desktop.applyPreferences
  // The first poll needs the key: decrypt it first (a locked keychain only delays it).
  void host.keyVault.load().finally(() => {
    if (!quitting) core.start()
  })
  let quitting = false
  app.on('before-quit', (event) => {
    if (quitting) return
    // Stop the sync engine cleanly first: running downloads keep their `.part` files.
    event.preventDefault()
    quitting = true
    unsubscribe()
    desktop.dispose()
    void Promise.allSettled([host.keyVault.settled(), core.stop()]).finally(() => app.quit())
  })
  // macOS apps stay running with no window and open one again from the Dock
  // (docs/tutorial/quick-start.md, "Open a window if none are open (macOS)").
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (!quitting && current() === null) createWindow()
  })
  return { core, window: current, desktop, miniWindow: () => mini }
}
