import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { channelOf, methodNames, type EventName, type Events } from '../../shared/contract'
import { dispatch, type Handlers } from '../core/app/dispatch'

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

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

/** Registers one validated handler per contract method. */
export function registerHandlers(
  ipcMain: IpcMain,
  handlers: Handlers,
  isTrusted: SenderCheck
): () => void {
  for (const name of methodNames) {
    ipcMain.handle(channelOf(name), async (event, payload: unknown) => {
      if (!isTrusted(event)) {
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
