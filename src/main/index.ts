import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
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
import { registerSchemePrivileges } from './protocol/schemes'
import { installSecurityHooks, isAppUrl, parseExternalUrl } from './security'
import { startShell } from './shell'

// Composition root. Everything that must happen before `ready` happens here, in order:
// the single-instance lock, the media scheme's privileges, the security hooks.

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined

if (process.env['SONGSHELF_USER_DATA']) app.setPath('userData', process.env['SONGSHELF_USER_DATA'])

const gotLock = app.requestSingleInstanceLock({ argv: process.argv.slice(1) })
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
    startShell({
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
      preloadPath: join(__dirname, '../preload/index.cjs'),
      rendererDir: join(__dirname, '../renderer'),
      devServerUrl,
      isAppUrl: (url) => isAppUrl(url, devServerUrl),
      isOnline: () => net.isOnline()
    })
  )
}
