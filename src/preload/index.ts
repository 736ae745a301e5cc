import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { channelOf, EVENT_NAMES, METHOD_NAMES } from '../shared/channels'
import type { IsExactApi } from '../shared/api-check'
import type {
  EventName,
  Events,
  MethodName,
  ResponseOf,
  Result,
  SongshelfApi
} from '../shared/contract'

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
function previewImportFiles(files: readonly File[]): Promise<Result<ResponseOf<'previewImport'>>> {
  const paths = [...files].map((file) => webUtils.getPathForFile(file))
  return ipcRenderer.invoke(channelOf('previewImport'), { paths }) as Promise<
    Result<ResponseOf<'previewImport'>>
  >
}

type Invokers<N extends MethodName> = { [K in N]: SongshelfApi[K] }

/** One invoker per name. IPC itself is untyped, so each invoker's type is the contract's
 * for its name; what the compiler can check is the set of names (below). */
function invokers<const N extends readonly MethodName[]>(names: N): Invokers<N[number]> {
  return Object.fromEntries(names.map((name) => [name, invoker(name)])) as Invokers<N[number]>
}

export function buildApi(): SongshelfApi {
  const api = { ...invokers(METHOD_NAMES), on, previewImportFiles }
  // Fails to compile when the object lacks a method of the contract, has a key the
  // contract does not, or `on`/previewImportFiles differ from the contract's signature.
  const exact: IsExactApi<typeof api> = true
  void exact
  return Object.freeze(api)
}

contextBridge.exposeInMainWorld('songshelf', buildApi())
