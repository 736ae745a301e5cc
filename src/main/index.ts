import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  nativeTheme,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell
} from 'electron'
import { join } from 'node:path'
import { secondInstanceData } from './desktop/second-instance'
import { registerSchemePrivileges } from './protocol/schemes'
import { installSecurityHooks, isAppUrl, parseExternalUrl } from './security'
import { runStartup } from './startup'

// Composition root. Everything that must happen before `ready` happens here, in order:
// the single-instance lock, the schemes' privileges, the security hooks. The shell (and
// with it the core and node:sqlite) is imported only after `ready`, inside runStartup, so
// that any start-up failure, a missing node:sqlite included, ends in a native error
// dialog and an exit instead of a windowless process.

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined

if (process.env['SONGSHELF_USER_DATA']) app.setPath('userData', process.env['SONGSHELF_USER_DATA'])
// Windows shows toasts only for an app whose AppUserModelID matches its Start-menu
// shortcut; electron-builder's NSIS shortcut uses the appId (docs/tutorial/notifications.md).
if (process.platform === 'win32') app.setAppUserModelId('app.songshelf.desktop')

// A second launch hands its task ids to this instance as additionalData (docs/api/app.md).
const gotLock = app.requestSingleInstanceLock(secondInstanceData(process.argv.slice(1)))
if (!gotLock) {
  app.quit()
} else {
  registerSchemePrivileges(protocol)
  installSecurityHooks(
    app,
    (url) => {
      if (parseExternalUrl(url)) void shell.openExternal(url)
    },
    devServerUrl
  )
  void app.whenReady().then(() =>
    runStartup({
      app,
      dialog,
      start: async () => {
        const { startShell } = await import('./shell')
        return startShell({
          app,
          BrowserWindow,
          dialog,
          ipcMain,
          protocol,
          safeStorage,
          screen,
          session: session.defaultSession,
          shell,
          Menu,
          Notification,
          nativeTheme,
          powerMonitor,
          nativeImage,
          preloadPath: join(__dirname, '../preload/index.cjs'),
          iconPath: join(__dirname, '../../resources/icon.png'),
          rendererDir: join(__dirname, '../renderer'),
          devServerUrl,
          isAppUrl: (url) => isAppUrl(url, devServerUrl),
          isOnline: () => net.isOnline()
        })
      }
    })
  )
}
