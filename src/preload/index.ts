import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { channelOf, EVENT_NAMES, METHOD_NAMES } from '../shared/channels'
import type { EventName, Events, MethodName, Result, SongshelfApi } from '../shared/contract'

// Exposes exactly the contract as `window.songshelf`: one function per method and a
// typed `on` for events. No raw ipcRenderer, no channel strings from the page, and
// listeners receive the payload only, never the IPC event (security checklist item 20).

function invoker(name: MethodName): (request: unknown) => Promise<Result<unknown>> {
  const channel = channelOf(name)
  return (request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>
}

function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  if (!(EVENT_NAMES as readonly string[]).includes(event))
    throw new Error(`Unknown event: ${String(event)}`)
  const channel = channelOf(event)
  const wrapped = (_event: IpcRendererEvent, payload: Events[E]): void => listener(payload)
  ipcRenderer.on(channel, wrapped)
  return () => {
    ipcRenderer.removeListener(channel, wrapped)
  }
}

// Dropped files become paths here, not in the page: Electron removed File.path in 32, and
// its docs (api/web-utils.md) put webUtils.getPathForFile in the preload and advise not to
// hand full paths to web content. A File built in JS has no path ('') and main refuses it.
function previewImportFiles(files: readonly File[]): Promise<Result<unknown>> {
  const paths = [...files].map((file) => webUtils.getPathForFile(file))
  return ipcRenderer.invoke(channelOf('previewImport'), { paths }) as Promise<Result<unknown>>
}

// The object is built from METHOD_NAMES, so no compile-time check can see its keys (a
// `satisfies` on the cast result could never fail). What holds it to the contract:
// contract.ts proves at compile time that METHOD_NAMES is exactly the contract's methods,
// and ipc.test.ts ("exposes exactly the contract") compares the exposed keys with them.
export function buildApi(): SongshelfApi {
  const methods = Object.fromEntries(METHOD_NAMES.map((name) => [name, invoker(name)]))
  return Object.freeze({ ...methods, on, previewImportFiles }) as SongshelfApi
}

contextBridge.exposeInMainWorld('songshelf', buildApi())
