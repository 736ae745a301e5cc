import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcMainInvokeEvent } from 'electron'
import type { ShellDeps } from '../../../../src/main/shell'

// A stand-in for the Electron objects the shell receives, faithful where it matters:
// reading `webContents` of a destroyed BrowserWindow throws "Object has been destroyed",
// as Electron's native getter does (shell/common/gin_helper/function_template.h).

export class FakeWebContents extends EventEmitter {
  destroyed = false
  url = ''
  sent: { channel: string; payload: unknown }[] = []
  reloads = 0
  setWindowOpenHandler(): void {}
  getURL(): string {
    return this.url
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed')
    this.sent.push({ channel, payload })
  }
  reload(): void {
    this.reloads += 1
  }
  startDrag(): void {}
}

export class FakeWindow extends EventEmitter {
  static all: FakeWindow[] = []
  private destroyed = false
  private readonly contents = new FakeWebContents()
  loaded: string[] = []
  progress: number[] = []
  /** setAlwaysOnTop calls, as [flag, level]. */
  onTop: [boolean, string | undefined][] = []
  allWorkspaces: boolean[] = []
  shown = 0
  focused = 0
  bounds: { x: number; y: number; width: number; height: number }
  constructor(readonly options: Record<string, unknown>) {
    super()
    const n = (key: string, fallback: number): number =>
      typeof options[key] === 'number' ? (options[key] as number) : fallback
    this.bounds = { x: n('x', 0), y: n('y', 0), width: n('width', 800), height: n('height', 600) }
    FakeWindow.all.push(this)
  }
  setAlwaysOnTop(flag: boolean, level?: string): void {
    this.onTop.push([flag, level])
  }
  setVisibleOnAllWorkspaces(visible: boolean): void {
    this.allWorkspaces.push(visible)
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    if (this.destroyed) throw new TypeError('Object has been destroyed')
    return { ...this.bounds }
  }
  /** The user drags the window somewhere (macOS and Windows emit 'moved' at the end). */
  moveTo(bounds: { x: number; y: number; width: number; height: number }): void {
    this.bounds = { ...bounds }
    this.emit('moved')
  }
  get webContents(): FakeWebContents {
    if (this.destroyed) throw new TypeError('Object has been destroyed')
    return this.contents
  }
  async loadURL(url: string): Promise<void> {
    this.contents.url = url
    this.loaded.push(url)
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** The user closes the window: close, then destroyed, then closed. */
  close(): void {
    this.emit('close', { preventDefault: () => undefined })
    this.destroyed = true
    this.contents.destroyed = true
    this.emit('closed')
  }
  isMinimized(): boolean {
    return false
  }
  isMaximized(): boolean {
    return false
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 10, y: 10, width: 1280, height: 820 }
  }
  setProgressBar(value: number): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed')
    this.progress.push(value)
  }
  show(): void {
    this.shown += 1
  }
  focus(): void {
    this.focused += 1
  }
  restore(): void {}
  maximize(): void {}
}

export class FakeNotification extends EventEmitter {
  static isSupported(): boolean {
    return true
  }
  static shown: FakeNotification[] = []
  constructor(readonly options: { title: string; body: string }) {
    super()
  }
  show(): void {
    FakeNotification.shown.push(this)
  }
}

export interface FakeElectron {
  deps: ShellDeps
  app: EventEmitter & { quits: number; exits: number[] }
  dialogs: { errors: [string, string][]; messages: { title?: string; message: string }[] }
  menu: { template: unknown[]; byId(id: string): Record<string, unknown> | undefined }
  ipc: Map<string, (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>>
  schemes: Map<string, (request: Request) => Promise<Response>>
  windows: () => FakeWindow[]
  base: string
  cleanup(): void
}

/** The fake's one display, below a 25 px menu bar. */
export const PRIMARY_WORK_AREA = { x: 0, y: 25, width: 1920, height: 1055 }

export function fakeElectron(options: { platform: NodeJS.Platform }): FakeElectron {
  FakeWindow.all = []
  FakeNotification.shown = []
  const base = mkdtempSync(join(tmpdir(), 'songshelf-shell-'))
  const paths: Record<string, string> = {
    userData: join(base, 'userData'),
    music: join(base, 'music')
  }
  const app = Object.assign(new EventEmitter(), {
    quits: 0,
    exits: [] as number[],
    getPath: (name: string) => paths[name] ?? join(base, name),
    getVersion: () => '0.1.0',
    getName: () => 'Songshelf',
    getLocale: () => 'en-US',
    quit: () => {
      app.quits += 1
    },
    exit: (code: number) => app.exits.push(code)
  })
  const dialogs: FakeElectron['dialogs'] = { errors: [], messages: [] }
  const menu = {
    template: [] as unknown[],
    byId: (id: string): Record<string, unknown> | undefined =>
      (menu.template as { submenu?: Record<string, unknown>[] }[])
        .flatMap((item) => item.submenu ?? [])
        .find((item) => item['id'] === id)
  }
  const ipc: FakeElectron['ipc'] = new Map()
  const schemes: FakeElectron['schemes'] = new Map()
  const deps = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: (title: string, message: string) => dialogs.errors.push([title, message]),
      showMessageBox: async (_win: unknown, box: { title?: string; message: string }) => {
        dialogs.messages.push(box)
        return { response: 0, checkboxChecked: false }
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] })
    },
    ipcMain: {
      handle: (channel: string, fn: (e: IpcMainInvokeEvent, p: unknown) => Promise<unknown>) =>
        ipc.set(channel, fn),
      removeHandler: (channel: string) => ipc.delete(channel)
    },
    protocol: {
      handle: (scheme: string, fn: (r: Request) => Promise<Response>) => schemes.set(scheme, fn)
    },
    safeStorage: {
      isEncryptionAvailable: () => false,
      isAsyncEncryptionAvailable: async () => false,
      getSelectedStorageBackend: () => 'basic_text',
      setUsePlainTextEncryption: () => undefined,
      encryptStringAsync: async (text: string) => Buffer.from(text),
      decryptStringAsync: async (b: Buffer) => ({ result: b.toString(), shouldReEncrypt: false })
    },
    screen: {
      getAllDisplays: () => [{ workArea: PRIMARY_WORK_AREA }],
      getPrimaryDisplay: () => ({ workArea: PRIMARY_WORK_AREA }),
      // One display: every rectangle matches it, as Electron answers the nearest display
      // for a rectangle that intersects none.
      getDisplayMatching: () => ({ workArea: PRIMARY_WORK_AREA })
    },
    session: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined
    },
    shell: { trashItem: async () => undefined },
    Menu: {
      buildFromTemplate: (template: unknown[]) => {
        menu.template = template
        return { template }
      },
      setApplicationMenu: () => undefined,
      getApplicationMenu: () => ({ getMenuItemById: (id: string) => menu.byId(id) })
    },
    Notification: FakeNotification,
    nativeTheme: Object.assign(new EventEmitter(), { themeSource: 'system' }),
    powerMonitor: new EventEmitter(),
    nativeImage: {
      createFromPath: () => ({ resize: () => ({ isEmpty: () => false }) })
    },
    preloadPath: '/app/out/preload/index.cjs',
    iconPath: '/app/resources/icon.png',
    rendererDir: join(base, 'renderer'),
    devServerUrl: undefined,
    isAppUrl: (url: string) => url.startsWith('songshelf-app://app/'),
    isOnline: () => true,
    platform: options.platform
  } as unknown as ShellDeps
  return {
    deps,
    app,
    dialogs,
    menu,
    ipc,
    schemes,
    windows: () => FakeWindow.all,
    base,
    cleanup: () => rmSync(base, { recursive: true, force: true })
  }
}

/** An IPC call as the given window's main frame would make it. */
export function callFrom(
  fake: FakeElectron,
  win: FakeWindow,
  method: string,
  payload?: unknown
): Promise<unknown> {
  const handler = fake.ipc.get(`songshelf:${method}`)
  if (!handler) throw new Error(`no handler for ${method}`)
  return handler(
    {
      sender: win.webContents,
      senderFrame: { url: win.webContents.getURL(), parent: null }
    } as unknown as IpcMainInvokeEvent,
    payload
  )
}
