import { constants } from 'node:fs'
import { open, realpath } from 'node:fs/promises'
import { extname, isAbsolute } from 'node:path'
import { MEDIA_KINDS, type MediaKind } from '../../shared/domain'
import { contentRange, parseRange, unsatisfiedRange } from './media-range'
import { fileSliceStream } from './media-stream'
import { isBelow } from './path-inside'
import { expectedTypes, MEDIA_FORMATS, typeForExtension, type MediaType } from './media-types'

// The media protocol as a pure `(Request) => Response` function. The Electron shell
// mounts it on `songshelf-media://clip/<clipId>/<kind>` and the web preview on
// `/media/clip/<clipId>/<kind>`; both hand it the request unchanged (DESIGN "Media
// protocol", RELIABILITY.md B2–B7).

export interface MediaHandlerDeps {
  /** Absolute path of the clip's file from the index, or null. */
  lookup: (clipId: string, kind: MediaKind) => string | null
  libraryDir: () => string
}

export type MediaHandler = (request: Request) => Promise<Response>

const CLIP_ID = /^[A-Za-z0-9_-]{1,128}$/

// O_NOFOLLOW: the path is already a realpath, so a symlink appearing there between the
// check and the open is refused rather than followed. Windows has no such flag.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)

/** The clip and kind a media URL names, or null. Only the last three path segments count
 * (`clip/<id>/<kind>`), so both URL forms work; they are compared raw, before any
 * decoding, and the id must match a strict pattern, so no encoding trick (`%2e%2e`,
 * `%252e`, `%5c`, `%00`) can reach a path. The path itself comes from the index (B6). */
export function parseMediaUrl(url: string): { clipId: string; kind: MediaKind } | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  const web = parsed.protocol === 'http:' || parsed.protocol === 'https:'
  // songshelf-media://clip/<id>/<kind>: "clip" is the host of the custom scheme.
  const segments = web
    ? parsed.pathname.split('/')
    : [parsed.host, ...parsed.pathname.split('/').slice(1)]
  const [clip, clipId, kind] = segments.slice(-3)
  if (clip !== 'clip' || clipId === undefined || !CLIP_ID.test(clipId)) return null
  const mediaKind = MEDIA_KINDS.find((k) => k === kind)
  return mediaKind === undefined ? null : { clipId, kind: mediaKind }
}

function baseHeaders(extra: Record<string, string> = {}): Headers {
  return new Headers({
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    ...extra
  })
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: baseHeaders({ 'content-type': 'text/plain; charset=utf-8', ...extra })
  })
}

type Located = { ok: true; path: string; type: MediaType } | { ok: false; response: Response }

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP'
}

/** The real path of the clip's file, when it is inside the real library folder and is
 * media of the requested kind. A `path.relative` check, not `startsWith`: a sibling such
 * as `/lib-evil` must not pass for `/lib` (RELIABILITY.md B6; the same bug was OpenOnyx #29). */
async function locate(deps: MediaHandlerDeps, clipId: string, kind: MediaKind): Promise<Located> {
  const notFound: Located = { ok: false, response: plain(404, 'Not found') }
  const stored = deps.lookup(clipId, kind)
  if (stored === null || stored.includes('\0') || !isAbsolute(stored)) return notFound
  let real: string
  try {
    real = await realpath(stored)
  } catch (error) {
    if (isMissing(error)) return notFound
    throw error
  }
  const root = await realpath(deps.libraryDir())
  if (!isBelow(root, real)) {
    return { ok: false, response: plain(403, 'Forbidden') }
  }
  // Only media of the asked kind is served, typed from our own map, never sniffed from
  // the file: an .html or .svg in the library must not run in our origin (B7).
  const type = typeForExtension(extname(real))
  if (type === null || !expectedTypes(kind).includes(type)) {
    return { ok: false, response: plain(403, 'Forbidden') }
  }
  return { ok: true, path: real, type }
}

async function serve(request: Request, path: string, type: MediaType): Promise<Response> {
  const handle = await open(path, OPEN_FLAGS)
  let handedOver = false
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) return plain(404, 'Not found')
    const size = stat.size
    // We send no validators, so an If-Range can never match: RFC 9110 §13.1.5 says send
    // the whole file then.
    const range = request.headers.has('if-range')
      ? parseRange(null, size)
      : parseRange(request.headers.get('range'), size)
    const headers = baseHeaders({
      'content-type': MEDIA_FORMATS[type].mime,
      'accept-ranges': 'bytes'
    })
    if (range.kind === 'unsatisfiable') {
      headers.set('content-range', unsatisfiedRange(size))
      return new Response(null, { status: 416, headers })
    }
    const [start, end, status] =
      range.kind === 'partial' ? [range.start, range.end, 206] : [0, size - 1, 200]
    if (range.kind === 'partial') headers.set('content-range', contentRange(start, end, size))
    headers.set('content-length', String(end - start + 1))
    if (request.method === 'HEAD' || end < start) return new Response(null, { status, headers })
    const response = new Response(fileSliceStream(handle, start, end), { status, headers })
    handedOver = true
    return response
  } finally {
    if (!handedOver) await handle.close()
  }
}

/** The media protocol handler: GET and HEAD only, files from the index only, ranges
 * answered with 206/416, errors as bare statuses that never name a path. */
export function createMediaHandler(deps: MediaHandlerDeps): MediaHandler {
  return async (request) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return plain(405, 'Method not allowed', { allow: 'GET, HEAD' })
      }
      const target = parseMediaUrl(request.url)
      if (target === null) return plain(400, 'Bad request')
      const located = await locate(deps, target.clipId, target.kind)
      if (!located.ok) return located.response
      return await serve(request, located.path, located.type)
    } catch (error) {
      if (isMissing(error)) return plain(404, 'Not found')
      return plain(500, 'The file could not be read.')
    }
  }
}
