import type {
  App,
  BrowserWindow as BrowserWindowType,
  Dialog,
  IpcMain,
  Protocol,
  SafeStorage,
  Screen,
  Session,
  Shell
} from 'electron'
import { join } from 'node:path'
import { eventNames } from '../shared/contract'
import { createSongshelfCore, type SongshelfCore } from './core/app/create-core'
import { createElectronHost } from './electron-host'
import { createSenderCheck, registerHandlers, sendEvent } from './ipc/register'
import { handleMediaScheme } from './protocol/media-scheme'
import { applyContentSecurityPolicy, denyPermissions } from './security'
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
  preloadPath: string
  rendererFile: string
  devServerUrl: string | undefined
  isAppUrl: (url: string) => boolean
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
  applyContentSecurityPolicy(deps.session)

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
  const core = createSongshelfCore(host)
  handleMediaScheme(deps.protocol, core.media)

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
  else void win.loadFile(deps.rendererFile)

  core.start()
  let quitting = false
  app.on('before-quit', (event) => {
    if (quitting) return
    // Stop the sync engine cleanly first: running downloads keep their `.part` files.
    event.preventDefault()
    quitting = true
    unsubscribe()
    void core.stop().finally(() => app.quit())
  })
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  return { core, window: win }
}
