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
import { buildMenuTemplate, MINI_PLAYER_MENU_ID } from './menu'
import { menuLanguage, type MenuLanguage } from './menu-strings'
import { ArrivalNotifier, taskbarProgress } from './notifier'
import { taskIdsFromSecondInstance } from './second-instance'

export interface DesktopDeps {
  app: App
  /** The main window, or null while none is open (macOS). */
  window: () => BrowserWindow | null
  /** Brings the main window forward, opening one if needed. */
  showWindow: () => void
  core: SongshelfCore
  Menu: typeof MenuType
  Notification: typeof NotificationType
  nativeTheme: NativeTheme
  powerMonitor: PowerMonitor
  /** Electron's `net.isOnline`. */
  isOnline: () => boolean
  settings: () => StoredSettings
  /** The mini player window: the View menu's checkbox item opens and closes it. */
  miniPlayer?: { isOpen: () => boolean; toggle: () => void }
}

/** Ids given on the command line of this launch (`songshelf <task ids>`). */
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
  /** Notifications on screen that are still referenced (for tests). */
  shownNotifications(): number
  /** Settings changed: the native menu follows the language setting. */
  applyPreferences(settings: StoredSettings): void
  /** The mini player window opened or closed: the menu's checkbox follows. */
  miniPlayerChanged(open: boolean): void
  dispose(): void
}

/** OS integration: menu, notifications, taskbar progress, sleep/resume, command-line
 * ids. */
export function installDesktopIntegration(deps: DesktopDeps): DesktopIntegration {
  const { app, core } = deps
  // Dropped when there is no window: a menu command has nothing to act on then.
  const send = (command: MenuCommand, clipId?: string): void =>
    sendEvent(
      deps.window()?.webContents,
      'menu-command',
      clipId ? { command, clipId } : { command }
    )

  // The native menu speaks the app's language (issue 13, defect 11), and is rebuilt only
  // when that language changes.
  let shownLanguage: MenuLanguage | null = null
  const setMenu = (settings: StoredSettings): void => {
    const language = menuLanguage(settings.language, app.getLocale())
    if (language === shownLanguage) return
    shownLanguage = language
    deps.Menu.setApplicationMenu(
      deps.Menu.buildFromTemplate(
        buildMenuTemplate(process.platform, send, 'Songshelf', language, deps.miniPlayer)
      )
    )
  }
  setMenu(deps.settings())
  applyTheme(deps.nativeTheme, deps.settings())

  const focus = (): void => deps.showWindow()
  const shown = new Set<NotificationType>()
  const notifier = new ArrivalNotifier({
    enabled: () => deps.settings().notifications && deps.Notification.isSupported(),
    show: (title, body, onClick) => {
      const note = new deps.Notification({ title, body, silent: true })
      // Referenced until it is done with: an unreferenced Notification can be garbage-
      // collected while still on screen, and its click is then lost (electron#16922,
      // electron#12690).
      shown.add(note)
      const forget = (): void => {
        shown.delete(note)
      }
      note.on('click', () => {
        forget()
        onClick()
      })
      note.on('close', forget)
      note.on('failed', forget)
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
    const window = deps.window()
    if (!window) return
    if (event === 'download-progress') {
      window.setProgressBar(taskbarProgress(payload.items))
    } else if (event === 'sync-state' && payload.activeDownloads === 0) {
      window.setProgressBar(-1)
    }
  })

  const addIds = (ids: string[]): void => {
    if (ids.length > 0) void core.handlers.addTasks({ text: ids.join('\n') })
  }
  addIds(taskIdsFromArgv(process.argv.slice(1)))
  app.on('second-instance', (_event, _argv, _cwd, additionalData) => {
    focus()
    addIds(taskIdsFromSecondInstance(additionalData))
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
    shownNotifications: () => shown.size,
    applyPreferences: setMenu,
    miniPlayerChanged: (open) => {
      const item = deps.Menu.getApplicationMenu()?.getMenuItemById(MINI_PLAYER_MENU_ID)
      if (item) item.checked = open
    },
    dispose: () => {
      unsubscribe()
      clearInterval(onlineWatch)
      notifier.dispose()
      shown.clear()
      deps.powerMonitor.removeListener('resume', wake)
      deps.powerMonitor.removeListener('unlock-screen', wake)
    }
  }
}
