// A stand-in for the `electron` module, used to load the BUILT main bundle under plain
// Node 24 (the Electron binary cannot be downloaded on the build machines). It records
// what main does and drives one life cycle: ready → window → an IPC call → quit.
import { EventEmitter } from 'node:events'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const report = {
  events: [],
  windows: [],
  schemes: [],
  handled: [],
  ipc: [],
  errors: [],
  errorBoxes: []
}
const log = (event, detail) =>
  report.events.push(detail === undefined ? event : `${event}:${detail}`)
let ready = false
const paths = {
  userData: process.env.SONGSHELF_USER_DATA ?? join(tmpdir(), 'stub-user-data'),
  music: process.env.STUB_MUSIC ?? join(tmpdir(), 'stub-music')
}

function noopObject(name) {
  return new Proxy(
    {},
    {
      get: (target, prop) => {
        if (prop in target) return target[prop]
        if (prop === 'then') return undefined
        return () => {
          log(`${name}.${String(prop)}`)
          return undefined
        }
      }
    }
  )
}

class StubApp extends EventEmitter {
  isPackaged = true
  requestSingleInstanceLock() {
    log('app.requestSingleInstanceLock')
    return true
  }
  whenReady() {
    return new Promise((resolve) =>
      setTimeout(() => {
        ready = true
        log('app.ready')
        resolve()
      }, 5)
    )
  }
  isReady() {
    return ready
  }
  getPath(name) {
    return paths[name] ?? join(tmpdir(), `stub-${name}`)
  }
  setPath(name, value) {
    paths[name] = value
  }
  getVersion() {
    return '0.1.0'
  }
  getName() {
    return 'Songshelf'
  }
  getLocale() {
    return 'en-US'
  }
  setAppUserModelId() {}
  setName() {}
  quit() {
    log('app.quit')
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true
      }
    }
    this.emit('before-quit', event)
    if (!event.defaultPrevented) finish()
  }
  exit() {
    finish()
  }
}

export const app = new StubApp()
app.commandLine = noopObject('app.commandLine')
app.dock = noopObject('app.dock')

function finish() {
  log('exit')
  writeFileSync(process.env.STUB_REPORT, JSON.stringify(report, null, 2))
  setTimeout(() => process.exit(0), 10)
}

class WebContents extends EventEmitter {
  url = ''
  destroyed = false
  sent = []
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler
  }
  getURL() {
    return this.url
  }
  isDestroyed() {
    return this.destroyed
  }
  send(channel) {
    this.sent.push(channel)
  }
  startDrag() {}
  setZoomFactor() {}
}

export class BrowserWindow extends EventEmitter {
  static windows = []
  static getAllWindows() {
    return BrowserWindow.windows
  }
  static getFocusedWindow() {
    return BrowserWindow.windows[0] ?? null
  }
  constructor(options) {
    super()
    this.options = options
    this.webContents = new WebContents()
    report.windows.push({ webPreferences: options.webPreferences, createdAfterReady: ready })
    BrowserWindow.windows.push(this)
    log('window.created')
    app.emit('web-contents-created', {}, this.webContents)
  }
  async loadFile(file) {
    this.webContents.url = `file://${file}`
    log('window.loadFile')
    setTimeout(() => void afterLoad(this), 20)
  }
  async loadURL(url) {
    this.webContents.url = url
    log('window.loadURL')
    setTimeout(() => void afterLoad(this), 20)
  }
  show() {}
  focus() {}
  restore() {}
  maximize() {}
  setProgressBar() {}
  setTitle() {}
  flashFrame() {}
  isMinimized() {
    return false
  }
  isMaximized() {
    return false
  }
  isDestroyed() {
    return false
  }
  isVisible() {
    return true
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 820 }
  }
}

const ipcHandlers = new Map()
export const ipcMain = Object.assign(new EventEmitter(), {
  handle(channel, listener) {
    ipcHandlers.set(channel, listener)
  },
  removeHandler(channel) {
    ipcHandlers.delete(channel)
  }
})

async function afterLoad(win) {
  try {
    const frame = { url: win.webContents.url, parent: null }
    const info = await ipcHandlers.get('songshelf:getAppInfo')?.(
      { sender: win.webContents, senderFrame: frame },
      undefined
    )
    report.ipc.push({ channel: 'songshelf:getAppInfo', result: info })
    const sync = await ipcHandlers.get('songshelf:getSyncState')?.(
      { sender: win.webContents, senderFrame: frame },
      undefined
    )
    report.ipc.push({ channel: 'songshelf:getSyncState', result: sync })
    const foreign = await ipcHandlers.get('songshelf:getAppInfo')?.(
      { sender: win.webContents, senderFrame: { url: 'https://evil.test/', parent: null } },
      undefined
    )
    report.ipc.push({ channel: 'foreign', result: foreign })
    const page = report.handled.find((h) => h.scheme === 'songshelf-app')
    if (page) {
      const response = await page.handler(new Request(win.webContents.url))
      const html = await response.text()
      report.ipc.push({
        channel: 'app-page',
        status: response.status,
        type: response.headers.get('content-type'),
        csp: response.headers.get('content-security-policy'),
        hasRoot: html.includes('id="root"')
      })
    }
    const media = report.handled.find((h) => h.scheme === 'songshelf-media')
    if (media) {
      const response = await media.handler(new Request('songshelf-media://clip/nope/audio'))
      report.ipc.push({ channel: 'media', status: response.status })
    }
    report.registeredChannels = [...ipcHandlers.keys()]
  } catch (error) {
    report.errors.push(String((error && error.stack) || error))
  }
  app.quit()
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    report.schemes.push({ schemes, beforeReady: !ready })
    log('protocol.registerSchemesAsPrivileged')
  },
  handle(scheme, handler) {
    report.handled.push({ scheme, handler })
    log('protocol.handle', scheme)
  }
}
Object.defineProperty(report, 'handled', { enumerable: false, value: report.handled })
report.handledSchemes = []
const origHandle = protocol.handle
protocol.handle = (scheme, handler) => {
  report.handledSchemes.push(scheme)
  origHandle(scheme, handler)
}

const webRequest = {
  onHeadersReceived() {
    log('session.onHeadersReceived')
  }
}
const defaultSession = {
  setPermissionRequestHandler() {
    log('session.setPermissionRequestHandler')
  },
  setPermissionCheckHandler() {
    log('session.setPermissionCheckHandler')
  },
  webRequest,
  protocol
}
export const session = { defaultSession }
export const safeStorage = {
  isEncryptionAvailable: () => false,
  isAsyncEncryptionAvailable: async () => plainText,
  getSelectedStorageBackend: () => 'basic_text',
  setUsePlainTextEncryption: (value) => {
    plainText = value
    log('safeStorage.setUsePlainTextEncryption', String(value))
  },
  encryptStringAsync: async (s) => Buffer.from(`v10${s}`),
  decryptStringAsync: async (b) => ({ result: b.toString().slice(3), shouldReEncrypt: false })
}
let plainText = false
export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  on() {}
}
export const shell = noopObject('shell')
const dialogLog = noopObject('dialog')
export const dialog = new Proxy(
  {
    showErrorBox(title, message) {
      report.errorBoxes.push({ title, message })
      log('dialog.showErrorBox')
    }
  },
  { get: (target, prop) => (prop in target ? target[prop] : dialogLog[prop]) }
)
export class Notification extends EventEmitter {
  static isSupported() {
    return false
  }
  show() {}
}
export const Menu = {
  buildFromTemplate: (t) => ({ template: t }),
  setApplicationMenu: () => log('menu.set')
}
export const nativeTheme = Object.assign(new EventEmitter(), {
  themeSource: 'system',
  shouldUseDarkColors: false
})
export const powerMonitor = new EventEmitter()
export const net = { isOnline: () => true, online: true }
export const nativeImage = {
  createFromPath: () => ({ isEmpty: () => true }),
  createEmpty: () => ({})
}
export const globalShortcut = noopObject('globalShortcut')

const electron = {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  session,
  safeStorage,
  screen,
  shell,
  dialog,
  Notification,
  Menu,
  nativeTheme,
  powerMonitor,
  net,
  nativeImage,
  globalShortcut
}
export default electron

process.on('uncaughtException', (error) => {
  report.errors.push(String((error && error.stack) || error))
  finish()
})
process.on('unhandledRejection', (error) => {
  report.errors.push(String((error && error.stack) || error))
})
