import { createHash } from 'node:crypto'
import {
  discardBody,
  fetchMediaRequest,
  nodeMediaRequest,
  type MediaRequest,
  type MediaResponse
} from './http-transport'
import { dirname, extname } from 'node:path'
import type { MediaKind } from '../../../shared/domain'
import { receiveBody, type BodyPlan, type BodyTarget } from './download-body'
import {
  codeForStatus,
  failure,
  isDiskFull,
  type DownloadFailure,
  type DownloadOutcome
} from './download-outcome'
import {
  bodyLength,
  openFollowingRedirects,
  parseContentRange,
  parseDownloadUrl,
  refusedContentType,
  Watchdog,
  type Opened
} from './download-request'
import { matchesAtFinalName } from './verify-final'
import { matchesKind, sniffMedia, typeForExtension, type SniffedMedia } from '../media-types'
import {
  ifRangeValue,
  nodeDownloadFs,
  partPaths,
  readPartMeta,
  removePart,
  scanPart,
  type DownloadFs,
  type PartMeta,
  type PartPrefix
} from './part-file'

export type { DownloadErrorCode, DownloadOutcome } from './download-outcome'
export type { DownloadFs } from './part-file'

// Downloads one media file into the library: status and Content-Type checked before a
// byte is written, magic bytes before the file is kept, byte count against the announced
// size, resume with Range + If-Range, fsync then rename (RELIABILITY.md E2–E10).

export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3
export const DEFAULT_CONNECT_TIMEOUT_MS = 30_000
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000

export interface DownloadOptions {
  url: string
  /** Final path; the file is written to `${targetPath}.part` first. The extension is
   * replaced when the sniffed type differs (a cover sent as png becomes `.png`). */
  targetPath: string
  kind: MediaKind
  /** Another HTTP client (tests); by default node:http(s) streams straight to the file. */
  fetch?: typeof fetch
  maxBytes?: number
  /** Until the response headers arrive, per redirect hop. */
  connectTimeoutMs?: number
  /** Longest silence between two chunks of the body. */
  idleTimeoutMs?: number
  /** Aborting (the app quitting) keeps a resumable `.part`. */
  signal?: AbortSignal
  /** Called for every chunk written; throttling is the caller's business. */
  onProgress?: (bytes: number, total: number | null) => void
  /** Called once the whole body has arrived (its last byte read: the connection is no
   * longer needed), before the file is synced, renamed and read back. The last bytes may
   * still fail a check after it, and then the download fails as before. */
  onReceived?: () => void
  /** Sends the request before the disk is looked at for a `.part` to continue (a job
   * never tried before rarely has one; when it has, the early request is cancelled and
   * the Range request sent instead). On a busy disk that look took 50–200 ms a file
   * while the connection sat idle (issue 14 §5). */
  requestFirst?: boolean
  /** Work that must finish before the download touches the disk (the queue makes the
   * month folder), awaited while the request is on its way. An outcome it gives ends the
   * download with that outcome, before anything is written. */
  prepare?: () => Promise<DownloadOutcome | null>
  fs?: DownloadFs
}

interface Resume {
  prefix: PartPrefix
  sniffed: SniffedMedia
  meta: PartMeta
  validator: string
}

interface Job extends BodyTarget {
  url: URL
  targetPath: string
  request: MediaRequest
  connectTimeoutMs: number
  requestFirst: boolean
  prepare?: () => Promise<DownloadOutcome | null>
}

export async function downloadFile(opts: DownloadOptions): Promise<DownloadOutcome> {
  const url = parseDownloadUrl(opts.url)
  if (url === null) return failure('invalid_url', opts.kind)
  const job: Job = {
    url,
    targetPath: opts.targetPath,
    kind: opts.kind,
    fs: opts.fs ?? nodeDownloadFs,
    paths: partPaths(opts.targetPath),
    request: opts.fetch ? fetchMediaRequest(opts.fetch) : nodeMediaRequest,
    watchdog: new Watchdog(opts.signal),
    connectTimeoutMs: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    idleTimeoutMs: opts.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.onReceived ? { onReceived: opts.onReceived } : {}),
    requestFirst: opts.requestFirst === true,
    ...(opts.prepare ? { prepare: opts.prepare } : {})
  }
  try {
    return await run(job)
  } catch (error) {
    // Reading the old `.part`, writing its meta or renaming into the library failed.
    await removePart(job.fs, job.paths).catch(() => undefined)
    const errno = (error as { code?: unknown } | null)?.code
    return failure(isDiskFull(error) ? 'disk_full' : 'io', job.kind, {
      ...(typeof errno === 'string' ? { detail: errno } : {})
    })
  } finally {
    job.watchdog.disarm()
  }
}

/** A `.part` left by an earlier attempt that is safe to continue: same URL, a strong
 * validator for If-Range, and first bytes of the right type. Anything else is removed. */
async function loadResume(job: Job): Promise<Resume | null> {
  // Both looks at once, and nothing to remove when neither file is there (the usual case):
  // four disk operations in a row cost up to 200 ms a file on a busy disk (issue 14 §5).
  const [size, meta] = await Promise.all([
    job.fs.size(job.paths.part),
    readPartMeta(job.fs, job.paths)
  ])
  const validator = meta === null ? null : ifRangeValue(meta)
  const usable =
    size !== null &&
    size > 0 &&
    meta !== null &&
    validator !== null &&
    meta.url === job.url.href &&
    (meta.total === null || size <= meta.total)
  if (usable) {
    const prefix = await scanPart(job.fs, job.paths.part)
    const sniffed = sniffMedia(prefix.head)
    if (matchesKind(sniffed, job.kind)) return { prefix, sniffed, meta, validator }
  }
  if (size !== null || meta !== null) await removePart(job.fs, job.paths)
  return null
}

/** A request sent before the resume check, with its own way to be cancelled. */
interface EarlyRequest {
  opened: Promise<Opened>
  cancel(): Promise<void>
}

function sendEarly(job: Job): EarlyRequest {
  const controller = new AbortController()
  const request: MediaRequest = (url, init) =>
    job.request(url, { ...init, signal: AbortSignal.any([init.signal, controller.signal]) })
  const opened = openFollowingRedirects(job.url, requestHeaders(null), { ...job, request })
  return {
    opened,
    cancel: async () => {
      controller.abort()
      const result = await opened
      if (result.ok) discardBody(result.response)
    }
  }
}

/** The prepare hook, the resume check and (with `requestFirst`) the fresh request, at
 * once. Returns the resume state and the answer to use, if one was already asked for. */
async function start(
  job: Job
): Promise<{ done: DownloadOutcome } | { resume: Resume | null; opened: Promise<Opened> | null }> {
  const early = job.requestFirst ? sendEarly(job) : null
  try {
    const prepared = (await job.prepare?.()) ?? null
    if (prepared !== null) {
      await early?.cancel()
      return { done: prepared }
    }
    const resume = await loadResume(job)
    if (resume !== null) await early?.cancel()
    return { resume, opened: resume === null && early !== null ? early.opened : null }
  } catch (error) {
    await early?.cancel()
    throw error
  }
}

function requestHeaders(resume: Resume | null): Record<string, string> {
  // identity: byte counts and ranges must refer to the bytes we store.
  const headers: Record<string, string> = { accept: '*/*', 'accept-encoding': 'identity' }
  if (resume !== null) {
    headers.range = `bytes=${resume.prefix.bytes}-`
    headers['if-range'] = resume.validator
  }
  return headers
}

async function run(job: Job): Promise<DownloadOutcome> {
  const started = await start(job)
  if ('done' in started) return started.done
  let resume = started.resume
  let early = started.opened
  for (;;) {
    const opened = await (early ?? openFollowingRedirects(job.url, requestHeaders(resume), job))
    early = null
    if (!opened.ok) {
      const result = failure(opened.code, job.kind, {
        resumable: resume !== null && opened.code !== 'invalid_url',
        detail: opened.detail
      })
      return await settle(job, result)
    }
    const response = opened.response
    if (response.status !== 416 || resume === null) return await receive(job, response, resume)
    // 416 on resume: the `.part` may already hold the whole file (curl 1040/1273), or the
    // file on the server got shorter. Finish only when the length proves it (E4).
    discardBody(response)
    const total =
      parseContentRange(response.headers.get('content-range'))?.total ?? resume.meta.total
    if (total === resume.prefix.bytes) return await finishComplete(job, resume)
    await removePart(job.fs, job.paths)
    resume = null
  }
}

async function settle(job: Job, result: DownloadFailure): Promise<DownloadFailure> {
  if (!result.resumable) await removePart(job.fs, job.paths).catch(() => undefined)
  return result
}

async function receive(
  job: Job,
  response: MediaResponse,
  resume: Resume | null
): Promise<DownloadOutcome> {
  const { status, headers } = response
  const reject = async (result: DownloadFailure): Promise<DownloadFailure> => {
    discardBody(response)
    return await settle(job, result)
  }
  if (status !== 200 && status !== 206) {
    const code = codeForStatus(status)
    const result = failure(code, job.kind, { detail: `HTTP ${status}` })
    return await reject({ ...result, resumable: resume !== null && result.retryable })
  }
  const refused = refusedContentType(headers.get('content-type'))
  if (refused !== null) {
    return await reject(failure(refused === 'html' ? 'html_page' : 'wrong_type', job.kind))
  }

  const length = bodyLength(headers)
  // 200 to a resume means the file changed or Range is unsupported: start over (E4).
  const continuing = status === 206 ? resume : null
  let total = length
  if (status === 206) {
    const range = parseContentRange(headers.get('content-range'))
    const expected = continuing?.prefix.bytes ?? 0
    const knownTotal = continuing?.meta.total ?? null
    if (
      range === null ||
      range.start !== expected ||
      (knownTotal !== null && range.total !== null && range.total !== knownTotal)
    ) {
      return await reject(failure('range_mismatch', job.kind))
    }
    total = range.total ?? (length === null ? null : expected + length)
  }
  if (total !== null && total > job.maxBytes) return await reject(failure('too_large', job.kind))

  const etag = headers.get('etag')
  const lastModified = headers.get('last-modified')
  const meta: PartMeta | null =
    continuing === null ? { url: job.url.href, etag, lastModified, total } : null
  const plan: BodyPlan = {
    start: continuing?.prefix.bytes ?? 0,
    total,
    hash: continuing?.prefix.hash ?? createHash('sha256'),
    sniffed: continuing?.sniffed ?? null,
    meta,
    resumable: continuing !== null || ifRangeValue({ etag, lastModified }) !== null
  }
  const body = await receiveBody(job, response.body, plan)
  if (!body.ok) return body
  return await finish(job, body.bytes, body.hash.digest('hex'), body.sniffed)
}

async function finishComplete(job: Job, resume: Resume): Promise<DownloadOutcome> {
  const file = await job.fs.openForWrite(job.paths.part, false)
  await file.sync()
  await file.close()
  return await finish(job, resume.prefix.bytes, resume.prefix.hash.digest('hex'), resume.sniffed)
}

/** Renames the finished `.part` into place (the extension follows the sniffed type), then
 * reads it back: only bytes verified at the final name count as downloaded. */
async function finish(
  job: Job,
  bytes: number,
  sha256: string,
  sniffed: SniffedMedia
): Promise<DownloadOutcome> {
  const path = finalPath(job.targetPath, sniffed)
  await job.fs.rename(job.paths.part, path)
  await job.fs.syncDir(dirname(path))
  await job.fs.remove(job.paths.meta)
  if (!(await matchesAtFinalName(job.fs, path, bytes, sha256))) {
    return failure('not_verified', job.kind)
  }
  return { ok: true, path, bytes, sha256, ext: sniffed.ext }
}

export function finalPath(targetPath: string, sniffed: SniffedMedia): string {
  const current = extname(targetPath)
  const currentType = typeForExtension(current)
  if (currentType === sniffed.type) return targetPath
  // Only a media extension is replaced: "Mr. Blue [id]" has no extension to lose.
  const stem = currentType === null ? targetPath : targetPath.slice(0, -current.length)
  return `${stem}.${sniffed.ext}`
}
