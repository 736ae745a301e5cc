import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
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

export function buildApi(): SongshelfApi {
  const api: Record<string, unknown> = {}
  for (const name of METHOD_NAMES) api[name] = invoker(name)
  api.on = on
  return Object.freeze(api) as SongshelfApi
}

const api = buildApi() satisfies SongshelfApi

contextBridge.exposeInMainWorld('songshelf', api)
