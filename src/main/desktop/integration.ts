import type {
  App,
  BrowserWindow,
  Menu as MenuType,
  NativeTheme,
  Notification as NotificationType,
  PowerMonitor
} from 'electron'
import type { MenuCommand } from '../../shared/contract'
import { extractTaskIds } from '../../shared/task-ids'
import type { SongshelfCore } from '../core/app/create-core'
import type { StoredSettings } from '../core/app/host'
import { sendEvent } from '../ipc/register'
import { buildMenuTemplate } from './menu'
import { ArrivalNotifier, taskbarProgress } from './notifier'

export interface DesktopDeps {
  app: App
  window: BrowserWindow
  core: SongshelfCore
  Menu: typeof MenuType
  Notification: typeof NotificationType
  nativeTheme: NativeTheme
  powerMonitor: PowerMonitor
  /** Electron's `net.isOnline`. */
  isOnline: () => boolean
  settings: () => StoredSettings
}

/** Ids given on the command line (`songshelf <task ids>`, or a second launch with ids). */
export function taskIdsFromArgv(argv: readonly string[]): string[] {
  const args = argv.filter((arg) => !arg.startsWith('-'))
  return extractTaskIds(args.join('\n')).ids
}

export function applyTheme(nativeTheme: NativeTheme, settings: StoredSettings): void {
  nativeTheme.themeSource = settings.theme
}

export interface DesktopIntegration {
  /** A clip's song is on disk: show (batched) notifications. */
  clipReady(clip: { id: string; title: string }): void
  dispose(): void
}

/** OS integration: menu, notifications, taskbar progress, sleep/resume, command-line
 * ids. */
export function installDesktopIntegration(deps: DesktopDeps): DesktopIntegration {
  const { app, window, core } = deps
  const send = (command: MenuCommand, clipId?: string): void =>
    sendEvent(window.webContents, 'menu-command', clipId ? { command, clipId } : { command })

  deps.Menu.setApplicationMenu(
    deps.Menu.buildFromTemplate(buildMenuTemplate(process.platform, send))
  )
  applyTheme(deps.nativeTheme, deps.settings())

  const focus = (): void => {
    if (window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }
  const notifier = new ArrivalNotifier({
    enabled: () => deps.settings().notifications && deps.Notification.isSupported(),
    show: (title, body, onClick) => {
      const note = new deps.Notification({ title, body, silent: true })
      note.on('click', onClick)
      note.show()
    },
    focusClip: (clipId) => {
      focus()
      send('open-clip', clipId)
    },
    setTimer: (fn, ms) => {
      const t = setTimeout(fn, ms)
      return { cancel: () => clearTimeout(t) }
    }
  })

  const unsubscribe = core.events.subscribe((event, payload) => {
    if (window.isDestroyed()) return
    if (event === 'download-progress') {
      window.setProgressBar(
        taskbarProgress((payload as { items: { bytes: number; total: number | null }[] }).items)
      )
    } else if (
      event === 'sync-state' &&
      (payload as { activeDownloads: number }).activeDownloads === 0
    ) {
      window.setProgressBar(-1)
    }
  })

  const addFromArgv = (argv: readonly string[]): void => {
    const ids = taskIdsFromArgv(argv)
    if (ids.length > 0) void core.handlers.addTasks({ text: ids.join('\n') })
  }
  addFromArgv(process.argv.slice(1))
  app.on('second-instance', (_event, argv) => {
    focus()
    addFromArgv(argv.slice(1))
  })

  // After sleep, or when the screen unlocks, look once (not a burst of missed ticks).
  const wake = (): void => core.engine().pollNow()
  deps.powerMonitor.on('resume', wake)
  deps.powerMonitor.on('unlock-screen', wake)
  // While offline, notice the network coming back instead of waiting out the backoff.
  const onlineWatch = setInterval(() => {
    if (core.engine().state().status === 'offline' && deps.isOnline()) wake()
  }, 10_000)
  onlineWatch.unref?.()

  return {
    clipReady: (clip) => notifier.arrived(clip),
    dispose: () => {
      unsubscribe()
      clearInterval(onlineWatch)
      notifier.dispose()
      deps.powerMonitor.removeListener('resume', wake)
      deps.powerMonitor.removeListener('unlock-screen', wake)
    }
  }
}
