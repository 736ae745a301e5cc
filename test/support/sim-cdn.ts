import type { IncomingMessage, ServerResponse } from 'node:http'
import { isDeliveryFault, isMediaFault, type FaultBook, type MediaFault } from './sim-faults'
import type { Responder, RecordedRequest } from './sim-http'
import type { MediaSource, SimMediaKind } from './sim-media'

// The simulated CDN origin (cdn1/cdn2.suno.ai, audiopipe, studio-api's /api/forbidden):
// GET/HEAD with single byte ranges, 206/416, ETag and Last-Modified validators, and
// If-Range (RFC 9110 §13.1.5) so a changed file answers 200 with the new body.

export interface CdnDeps {
  faults: FaultBook
  responder: Responder
  media(clipId: string, kind: SimMediaKind): MediaSource | null
}

const MEDIA_PATH = /^\/media\/(image_large_|image_|video_cover_)?([^/]+)\.(mp3|mp4|jpeg)$/

export async function handleCdn(
  req: IncomingMessage,
  res: ServerResponse,
  rec: RecordedRequest,
  deps: CdnDeps
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://cdn.invalid')
  const delivery = deps.faults.take(isDeliveryFault(url.pathname))
  if (delivery?.kind === 'hang') return deps.responder.hold(res)
  const send = (
    status: number,
    headers: Record<string, string | number>,
    body: Buffer | MediaSource | null
  ): Promise<void> =>
    deps.responder.send(res, rec, {
      status,
      headers,
      body,
      headOnly: req.method === 'HEAD',
      ...(delivery === undefined ? {} : { delivery })
    })
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(405, { allow: 'GET, HEAD' }, null)
  }
  const fault = deps.faults.take(isMediaFault(url.pathname))
  if (fault !== undefined) return sendFault(fault, send)
  if (url.pathname === '/api/forbidden') {
    return send(403, { 'content-type': 'application/json' }, json({ detail: 'Forbidden' }))
  }
  if (url.pathname === '/audiopipe/') {
    const source = deps.media(url.searchParams.get('item_id') ?? '', 'audio')
    if (source === null)
      return send(404, { 'content-type': 'text/plain' }, Buffer.from('no such item'))
    // A live stream: no length, no ranges, no validators.
    return deps.responder.send(res, rec, {
      status: 200,
      headers: { 'content-type': 'audio/mpeg', 'cache-control': 'no-store' },
      body: source,
      chunked: true,
      headOnly: req.method === 'HEAD'
    })
  }
  const match = MEDIA_PATH.exec(url.pathname)
  const kind = match === null ? null : kindOf(match[1], match[3])
  const source =
    match === null || kind === null
      ? null
      : deps.media(decodeURIComponent(match[2] as string), kind)
  if (source === null) {
    return send(
      404,
      { 'content-type': 'application/xml' },
      Buffer.from('<Error><Code>NoSuchKey</Code></Error>')
    )
  }
  return serveMedia(req, source, send)
}

function kindOf(prefix: string | undefined, ext: string | undefined): SimMediaKind | null {
  if (prefix === 'image_large_') return ext === 'jpeg' ? 'coverLarge' : null
  if (prefix === 'image_') return ext === 'jpeg' ? 'cover' : null
  if (prefix === 'video_cover_') return ext === 'mp4' ? 'videoCover' : null
  if (ext === 'mp3') return 'audio'
  return ext === 'mp4' ? 'video' : null
}

type Send = (
  status: number,
  headers: Record<string, string | number>,
  body: Buffer | MediaSource | null
) => Promise<void>

function serveMedia(req: IncomingMessage, source: MediaSource, send: Send): Promise<void> {
  const base = {
    'content-type': source.contentType,
    'accept-ranges': 'bytes',
    etag: source.etag,
    'last-modified': source.lastModified
  }
  const range = req.headers.range
  const ifRange = req.headers['if-range']
  // If-Range: only a validator that still matches lets the range through; otherwise the
  // client gets the whole (new) file with 200 and must start over.
  const rangeAllowed =
    ifRange === undefined || ifRange === source.etag || ifRange === source.lastModified
  if (range === undefined || !rangeAllowed) return send(200, base, source)
  const parsed = parseRange(range, source.size)
  if (parsed === 'ignore') return send(200, base, source)
  if (parsed === 'unsatisfiable') {
    return send(416, { ...base, 'content-range': `bytes */${source.size}` }, null)
  }
  const { start, end } = parsed
  const slice: MediaSource = {
    ...source,
    size: end - start + 1,
    read: (s, e) => source.read(start + s, start + e)
  }
  return send(206, { ...base, 'content-range': `bytes ${start}-${end}/${source.size}` }, slice)
}

/** One `bytes=a-b`, `a-` or `-n` range; several ranges or other units are ignored (200). */
export function parseRange(
  header: string,
  size: number
): { start: number; end: number } | 'ignore' | 'unsatisfiable' {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (match === null || (match[1] === '' && match[2] === '')) return 'ignore'
  if (match[1] === '') {
    const suffix = Number(match[2])
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(match[1])
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  if (start >= size || start > end) return 'unsatisfiable'
  return { start, end }
}

function sendFault(fault: MediaFault, send: Send): Promise<void> {
  switch (fault.as) {
    case 'html':
      return send(
        200,
        { 'content-type': 'text/html; charset=utf-8' },
        Buffer.from('<!doctype html><html><body>Session expired. Please log in.</body></html>')
      )
    case 'json_error':
      return send(
        200,
        { 'content-type': 'application/json' },
        json({ error: 'AccessDenied', message: 'Request has expired' })
      )
    case 'forbidden':
      return send(
        403,
        { 'content-type': 'text/xml' },
        Buffer.from(
          '<?xml version="1.0"?><Error><Code>MissingKey</Code><Message>Missing Key-Pair-Id query parameter or cookie value</Message></Error>'
        )
      )
    case 'not_found':
      return send(404, { 'content-type': 'text/plain' }, Buffer.from('Not Found'))
  }
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value))
}
