import type {
  App,
  BrowserWindow as BrowserWindowType,
  Dialog,
  IpcMain,
  Menu,
  NativeTheme,
  Notification,
  PowerMonitor,
  Protocol,
  SafeStorage,
  Screen,
  Session,
  Shell
} from 'electron'
import { join } from 'node:path'
import { eventNames } from '../shared/contract'
import { createSongshelfCore, type SongshelfCore } from './core/app/create-core'
import { applyTheme, installDesktopIntegration } from './desktop/integration'
import { createElectronHost } from './electron-host'
import { createSenderCheck, registerHandlers, sendEvent } from './ipc/register'
import { APP_ENTRY_URL, handleAppScheme } from './protocol/app-scheme'
import { handleMediaScheme } from './protocol/media-scheme'
import { appResponseHeaders, denyPermissions } from './security'
import { openSettingsStore } from './settings/settings-store'
import { restoreBounds, secureWebPreferences } from './windows/main-window'

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
  preloadPath: string
  /** The built renderer folder (out/renderer), served on the app scheme. */
  rendererDir: string
  devServerUrl: string | undefined
  isAppUrl: (url: string) => boolean
  isOnline: () => boolean
}

export interface RunningShell {
  core: SongshelfCore
  window: BrowserWindowType
}

/** Everything that happens once the app is ready: settings, the core, the window, IPC
 * and the media scheme, wired together. */
export function startShell(deps: ShellDeps): RunningShell {
  const { app, BrowserWindow } = deps
  denyPermissions(deps.session)

  const store = openSettingsStore(undefined, app.getVersion())
  let window: BrowserWindowType | null = null
  const host = createElectronHost({
    app,
    dialog: deps.dialog,
    shell: deps.shell,
    safeStorage: deps.safeStorage,
    store,
    focusedContents: () => window?.webContents ?? null,
    dragIcon: join(__dirname, '../../resources/icon.png')
  })
  host.applyPreferences = (settings) => applyTheme(deps.nativeTheme, settings)
  let onClipReady: (clip: { id: string; title: string }) => void = () => undefined
  const core = createSongshelfCore(host, { onClipReady: (clip) => onClipReady(clip) })
  handleMediaScheme(deps.protocol, core.media)
  handleAppScheme(deps.protocol, deps.rendererDir, appResponseHeaders)

  const bounds = restoreBounds(
    store.get('windowBounds'),
    deps.screen.getAllDisplays().map((d) => d.workArea)
  )
  window = new BrowserWindow({
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Songshelf',
    icon: join(__dirname, '../../resources/icon.png'),
    backgroundColor: '#16161b',
    webPreferences: secureWebPreferences(deps.preloadPath)
  })
  const win = window
  if (bounds.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  win.on('close', () => {
    store.set('windowBounds', { ...win.getNormalBounds(), maximized: win.isMaximized() })
  })

  const isTrusted = createSenderCheck(
    (contents) => !win.isDestroyed() && contents === win.webContents,
    deps.isAppUrl
  )
  registerHandlers(deps.ipcMain, core.handlers, isTrusted)
  const unsubscribe = core.events.subscribe((event, payload) => {
    if (eventNames.includes(event)) sendEvent(win.webContents, event, payload)
  })

  if (deps.devServerUrl) void win.loadURL(deps.devServerUrl)
  else void win.loadURL(APP_ENTRY_URL)

  const desktop = installDesktopIntegration({
    app,
    window: win,
    core,
    Menu: deps.Menu,
    Notification: deps.Notification,
    nativeTheme: deps.nativeTheme,
    powerMonitor: deps.powerMonitor,
    isOnline: deps.isOnline,
    settings: () => host.settings.get()
  })
  onClipReady = desktop.clipReady
  core.start()
  let quitting = false
  app.on('before-quit', (event) => {
    if (quitting) return
    // Stop the sync engine cleanly first: running downloads keep their `.part` files.
    event.preventDefault()
    quitting = true
    unsubscribe()
    desktop.dispose()
    void core.stop().finally(() => app.quit())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  return { core, window: win }
}
