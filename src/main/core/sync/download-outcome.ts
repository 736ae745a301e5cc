import type { MediaKind } from '../../../shared/domain'
import type { FailedFileMatch } from './store-port'

// What a single download ends with. Errors are data with a stable code and a plain
// message (STYLE "Errors are data"); `retryable` tells the queue whether trying again
// later can help, `resumable` whether a `.part` was kept to continue from.

export const DOWNLOAD_ERROR_CODES = [
  'html_page',
  'wrong_type',
  'truncated',
  'too_large',
  'http_4xx',
  'forbidden',
  'not_found',
  'http_5xx',
  'rate_limited',
  'network',
  'timeout',
  'disk_full',
  'aborted',
  'range_mismatch',
  'invalid_url',
  'io',
  'not_verified'
] as const

export type DownloadErrorCode = (typeof DOWNLOAD_ERROR_CODES)[number]

/** The text of a file that waits because the library folder is gone. Kept here with the
 * other outcome texts, not in the queue, so the file-error table (library/file-errors.ts)
 * reads it without loading the download machinery. */
export const LIBRARY_MISSING_MESSAGE =
  'The library folder is not available, so downloads are paused. Connect the drive or choose another folder in Settings, then press Resume.'

export type DownloadSuccess = { ok: true; path: string; bytes: number; sha256: string; ext: string }

export type DownloadFailure = {
  ok: false
  code: DownloadErrorCode
  message: string
  retryable: boolean
  resumable: boolean
}

export type DownloadOutcome = DownloadSuccess | DownloadFailure

const NOUNS: Readonly<Record<MediaKind, string>> = {
  audio: 'song',
  video: 'video',
  cover: 'cover art',
  video_cover: 'animated cover'
}

const MESSAGES: Readonly<Record<DownloadErrorCode, (noun: string) => string>> = {
  html_page: (n) => `The server sent a web page instead of the ${n}.`,
  wrong_type: (n) =>
    `The server sent something that is not the ${n} (an error message or another file type).`,
  truncated: (n) => `The ${n} download was cut off before the end; it will continue later.`,
  too_large: (n) => `The ${n} is larger than the size limit, so it was not saved.`,
  http_4xx: (n) => `The server refused to send the ${n}.`,
  forbidden: (n) => `The link to the ${n} is not allowed any more (expired or forbidden).`,
  not_found: (n) => `The ${n} is no longer on the server (the link may have expired).`,
  http_5xx: (n) => `The server had a problem sending the ${n}; it will be tried again.`,
  rate_limited: () => 'The server asked us to slow down; the download will be tried again later.',
  network: () => 'Could not reach the server. Check the internet connection.',
  timeout: () => 'The server stopped responding; the download will be tried again.',
  disk_full: () =>
    'Disk full: downloads are paused. Free some space and press Resume — nothing already downloaded was touched.',
  aborted: () => 'The download was stopped; it will continue where it left off.',
  range_mismatch: () => 'The server sent the wrong part of the file; the download will start over.',
  invalid_url: (n) => `The link to the ${n} is not a downloadable https address.`,
  io: () => 'Could not write the file into the library folder.',
  not_verified: (n) =>
    `The ${n} in the library folder is not what was downloaded (another program changed it); it will be downloaded again.`
}

// html_page is retryable: login or challenge pages from a CDN are usually passing; the
// queue's attempt budget bounds it. disk_full is not: the queue pauses instead of
// retrying every file in a loop (RELIABILITY.md E8).
const RETRYABLE: ReadonlySet<DownloadErrorCode> = new Set<DownloadErrorCode>([
  'html_page',
  'truncated',
  'http_5xx',
  'rate_limited',
  'network',
  'timeout',
  'aborted',
  'range_mismatch',
  'not_verified'
])

export function failure(
  code: DownloadErrorCode,
  kind: MediaKind,
  opts: { resumable?: boolean; detail?: string } = {}
): DownloadFailure {
  const base = MESSAGES[code](NOUNS[kind])
  return {
    ok: false,
    code,
    message: opts.detail === undefined ? base : `${base} (${opts.detail})`,
    retryable: RETRYABLE.has(code),
    resumable: opts.resumable ?? false
  }
}

/** Every message `failure()` can write for a code, without a detail (the index keeps the
 * code beside the text: library/file-errors.ts reads it back from these). */
export function downloadMessages(code: DownloadErrorCode): string[] {
  return [...new Set(Object.values(NOUNS).map((noun) => MESSAGES[code](noun)))]
}

/** Failures of this computer, not of the link: a read-only or missing folder, EIO, a
 * clash at the final name, bytes that did not read back. A new sync tries them again
 * (issue 12 §3); a link that is gone or forbidden is not retried without the user. */
export const LOCAL_FAILURES: FailedFileMatch = {
  equal: [],
  prefixes: [MESSAGES.io(''), ...Object.values(NOUNS).map((noun) => MESSAGES.not_verified(noun))]
}

/** The error code for an HTTP status that is neither 200, 206 nor a redirect. */
export function codeForStatus(status: number): DownloadErrorCode {
  if (status === 401 || status === 403) return 'forbidden'
  if (status === 404 || status === 410) return 'not_found'
  // curl and got both count 408 and 429 as transient (docs/GATEWAY.md#cdn).
  if (status === 408) return 'timeout'
  if (status === 429) return 'rate_limited'
  if (status >= 500) return 'http_5xx'
  return 'http_4xx'
}

/** Disk full or over quota, from a Node fs error. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOSPC' || code === 'EDQUOT'
}
