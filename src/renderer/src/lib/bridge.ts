import type {
  EventName,
  Events,
  MethodName,
  RequestOf,
  ResponseOf,
  SongshelfApi
} from '../../../shared/contract'
import type { MediaKind } from '../../../shared/domain'
import type { ImportPlan } from '../../../shared/import'
import { createWebTransport, previewToken } from './web-transport'

// The only module that talks to main. Components and stores call `call()`; tests swap
// the api with `setBridgeApi()`.

export class BridgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params?: Record<string, string | number>
  ) {
    super(message)
    this.name = 'BridgeError'
  }
}

let api: SongshelfApi | null = null
let mediaBase = 'songshelf-media://clip'
let mediaQuery = ''

function resolveApi(): SongshelfApi {
  if (api) return api
  if (typeof window !== 'undefined' && window.songshelf) {
    api = window.songshelf
  } else {
    const token = previewToken()
    api = createWebTransport(token)
    mediaBase = '/media/clip'
    mediaQuery = `?token=${encodeURIComponent(token)}`
  }
  return api
}

export function setBridgeApi(
  next: SongshelfApi | null,
  media?: { base: string; query: string }
): void {
  api = next
  if (media) {
    mediaBase = media.base
    mediaQuery = media.query
  }
}

export async function call<M extends MethodName>(
  name: M,
  ...request: undefined extends RequestOf<M> ? [RequestOf<M>?] : [RequestOf<M>]
): Promise<ResponseOf<M>> {
  const fn = resolveApi()[name] as (req: unknown) => ReturnType<SongshelfApi[M]>
  const result = await fn(request[0])
  if (!result.ok)
    throw new BridgeError(result.error.code, result.error.message, result.error.params)
  return result.value as ResponseOf<M>
}

export function onEvent<E extends EventName>(
  event: E,
  listener: (payload: Events[E]) => void
): () => void {
  return resolveApi().on(event, listener)
}

/** The import preview of dropped files (the preload or the preview resolves their paths). */
export async function previewImportFiles(files: readonly File[]): Promise<ImportPlan> {
  const result = await resolveApi().previewImportFiles(files)
  if (!result.ok)
    throw new BridgeError(result.error.code, result.error.message, result.error.params)
  return result.value
}

/** True in Electron, where dragging rows out starts the OS's native file drag. */
export function hasNativeDrag(): boolean {
  resolveApi()
  return typeof window !== 'undefined' && window.songshelf !== undefined && api === window.songshelf
}

/** The URL a media element uses for a clip's file. */
export function mediaUrl(clipId: string, kind: MediaKind, version?: string | number): string {
  resolveApi()
  const v =
    version === undefined ? '' : `${mediaQuery ? '&' : '?'}v=${encodeURIComponent(String(version))}`
  return `${mediaBase}/${encodeURIComponent(clipId)}/${kind}${mediaQuery}${v}`
}
