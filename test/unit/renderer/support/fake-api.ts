import type {
  EventName,
  Events,
  MethodName,
  RequestOf,
  ResponseOf,
  Result,
  SongshelfApi
} from '../../../../src/shared/contract'
import { METHOD_NAMES } from '../../../../src/shared/channels'
import { setBridgeApi } from '../../../../src/renderer/src/lib/bridge'
import { fakeQueueHandlers, type FakeQueue } from './fake-queue'

type FakeHandlers = {
  [M in MethodName]?: (request: RequestOf<M>) => ResponseOf<M> | Promise<ResponseOf<M>>
}

export interface FakeApi {
  api: SongshelfApi
  /** Every call made, in order. */
  calls: { method: MethodName; request: unknown }[]
  emit<E extends EventName>(event: E, payload: Events[E]): void
  /** The in-memory play queue behind the queue methods (unless the test gave its own). */
  queue: FakeQueue
}

/** An in-memory stand-in for `window.songshelf`, installed into lib/bridge.ts. Methods
 * without a handler answer with a `not_implemented` error, as main would for a bug. */
export function installFakeApi(given: FakeHandlers = {}): FakeApi {
  const fakeQueue = fakeQueueHandlers()
  const handlers: FakeHandlers = { ...fakeQueue.handlers, ...given }
  const calls: FakeApi['calls'] = []
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const api: Record<string, unknown> = {}
  for (const name of METHOD_NAMES) {
    api[name] = async (request: unknown): Promise<Result<unknown>> => {
      calls.push({ method: name, request })
      const handler = handlers[name] as ((req: unknown) => unknown) | undefined
      if (!handler) return { ok: false, error: { code: 'not_implemented', message: name } }
      try {
        return { ok: true, value: await handler(request) }
      } catch (error) {
        return { ok: false, error: { code: 'failed', message: String(error) } }
      }
    }
  }
  api.on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    const set = listeners.get(event) ?? new Set()
    set.add(listener)
    listeners.set(event, set)
    return () => set.delete(listener)
  }
  // As Electron's preload: each dropped file becomes a path, then one previewImport call.
  api.previewImportFiles = (files: readonly File[]): Promise<Result<unknown>> =>
    (api['previewImport'] as (request: unknown) => Promise<Result<unknown>>)({
      paths: files.map((file) => `/dropped/${file.name}`)
    })
  const fake = api as SongshelfApi
  setBridgeApi(fake, { base: '/media/clip', query: '' })
  const installed: FakeApi = {
    api: fake,
    calls,
    queue: fakeQueue.queue,
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    }
  }
  installed.queue.fake = installed
  return installed
}
