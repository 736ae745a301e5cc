import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import {
  channelOf,
  methodNames,
  type EventName,
  type Events,
  type MethodName
} from '../../shared/contract'
import { dispatch, type Handlers } from '../core/app/dispatch'

export type SenderCheck = (event: IpcMainInvokeEvent, method: MethodName) => boolean

/** Accepts a call only from the main frame of one of our windows showing our page
 * (VS Code's validatedIpcMain idea): sub-frames, other windows and foreign origins are
 * refused before any payload is parsed. */
export function createSenderCheck(
  isOurWindow: (contents: WebContents) => boolean,
  isAppUrl: (url: string) => boolean
): SenderCheck {
  return (event) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    if (!isOurWindow(event.sender)) return false
    return isAppUrl(frame.url)
  }
}

/** What the mini player window may call: its page boots (settings for the language and
 * theme), sends the main window's player commands and closes itself. Nothing else: it
 * cannot publish a player state, read the library or change settings. */
export const MINI_WINDOW_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'getSettings',
  'getAppInfo',
  'sendPlayerCommand',
  'setMiniPlayer'
])

/** The desktop app's sender check: the main frame of exactly the main window's or the mini
 * window's web contents, showing our page; the mini window only for MINI_WINDOW_METHODS.
 * Any other window, a sub-frame or a foreign page is refused. */
export function createWindowSenderCheck(
  windows: { main: () => WebContents | null; mini: () => WebContents | null },
  isAppUrl: (url: string) => boolean
): SenderCheck {
  return (event, method) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return false
    const main = windows.main()
    if (main !== null && event.sender === main) return true
    const mini = windows.mini()
    return mini !== null && event.sender === mini && MINI_WINDOW_METHODS.has(method)
  }
}

/** Registers one validated handler per contract method. */
export function registerHandlers(
  ipcMain: IpcMain,
  handlers: Handlers,
  isTrusted: SenderCheck
): () => void {
  for (const name of methodNames) {
    ipcMain.handle(channelOf(name), async (event, payload: unknown) => {
      if (!isTrusted(event, name)) {
        return { ok: false, error: { code: 'forbidden_sender', message: 'Request refused.' } }
      }
      return dispatch(handlers, name, payload)
    })
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(channelOf(name))
  }
}

/** Sends an event to a window if it is still alive. */
export function sendEvent<E extends EventName>(
  contents: WebContents | null | undefined,
  event: E,
  payload: Events[E]
): void {
  if (!contents || contents.isDestroyed()) return
  contents.send(channelOf(event), payload)
}
