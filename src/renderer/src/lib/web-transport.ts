import type { EventName, Events, Result, SongshelfApi } from '../../../shared/contract'
import { METHOD_NAMES } from '../../../shared/channels'
import type { AppErrorCode } from '../../../shared/error-codes'

// The browser stand-in for IPC used by `npm run preview:web`: the same contract over
// loopback HTTP (calls) and Server-Sent Events (events), protected by a token that the
// preview prints in the URL fragment. Only the transport differs from Electron.

const TOKEN_KEY = 'songshelf-preview-token'

/** The call never reached the core: a code of its own (shared/error-codes.ts), so the UI
 * says so in its language instead of showing this English text. */
const UNREACHABLE: { code: AppErrorCode; message: string } = {
  code: 'transport',
  message: 'Songshelf is not running.'
}

export function previewToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token')
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash)
    history.replaceState(null, '', window.location.pathname + window.location.search)
    return fromHash
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

export function createWebTransport(token: string): SongshelfApi {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  let source: EventSource | null = null

  const ensureSource = (): void => {
    if (source) return
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
    source.onmessage = (message: MessageEvent<string>): void => {
      const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: unknown }
      for (const listener of listeners.get(event) ?? []) listener(payload)
    }
  }

  const api: Record<string, unknown> = {}
  for (const name of METHOD_NAMES) {
    api[name] = async (request: unknown): Promise<Result<unknown>> => {
      try {
        const response = await fetch(`/api/call/${name}`, {
          method: 'POST',
          priority: 'high',
          headers: { 'Content-Type': 'application/json', 'X-Songshelf-Token': token },
          body: JSON.stringify(request ?? null)
        })
        return (await response.json()) as Result<unknown>
      } catch {
        return { ok: false, error: { ...UNREACHABLE } }
      }
    }
  }
  api.on = <E extends EventName>(
    event: E,
    listener: (payload: Events[E]) => void
  ): (() => void) => {
    ensureSource()
    const set = listeners.get(event) ?? new Set()
    const wrapped = listener as (payload: unknown) => void
    set.add(wrapped)
    listeners.set(event, set)
    return () => set.delete(wrapped)
  }
  // No paths in a browser: each dropped file is uploaded to the preview's staging folder
  // (preview/upload.ts) and the preview then reads the staged copies.
  api.previewImportFiles = async (files: readonly File[]): Promise<Result<unknown>> => {
    const batch = crypto.randomUUID()
    const paths: string[] = []
    try {
      for (const file of files) {
        const response = await fetch(`/api/upload/${batch}?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', 'X-Songshelf-Token': token },
          body: file
        })
        if (!response.ok) {
          const code = response.status === 413 ? 'upload_too_large' : 'upload_failed'
          return { ok: false, error: { code, message: `The file ${file.name} was not taken.` } }
        }
        paths.push(((await response.json()) as { path: string }).path)
      }
    } catch {
      return { ok: false, error: { ...UNREACHABLE } }
    }
    const preview = api['previewImport'] as (request: unknown) => Promise<Result<unknown>>
    return preview({ paths })
  }
  return api as SongshelfApi
}
