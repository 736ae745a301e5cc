import type { ErrorParams, FileErrorCode } from '../../../shared/error-codes'
import { FORBIDDEN_LINK_MESSAGE, INVALID_LINK_MESSAGE, STREAM_LINK_MESSAGE } from '../gateway/urls'
import {
  DOWNLOAD_ERROR_CODES,
  downloadMessages,
  LIBRARY_MISSING_MESSAGE
} from '../sync/download-outcome'
import { GENERATION_FAILED_MESSAGE } from './ingest-files'

// The stable code of a file's error text (issue 13, defect 11). Every text a file row can
// hold is written from one of the templates imported here, so the text → code map is
// exact, not a guess: the writers (files.ts, ingest-files.ts) and migration 10's backfill
// store the code beside the text, and the UI shows `errors.<code>` in its language. A text
// with no template (an older build's wording) gets no code and is shown as it is.

export interface FileErrorInfo {
  code: FileErrorCode
  params: ErrorParams
}

let table: Map<string, FileErrorCode> | null = null

function templates(): Map<string, FileErrorCode> {
  if (table) return table
  table = new Map<string, FileErrorCode>()
  for (const code of DOWNLOAD_ERROR_CODES)
    for (const message of downloadMessages(code)) table.set(message, `file_${code}`)
  table.set(LIBRARY_MISSING_MESSAGE, 'file_library_missing')
  table.set(STREAM_LINK_MESSAGE, 'file_stream_link')
  table.set(FORBIDDEN_LINK_MESSAGE, 'file_forbidden_link')
  table.set(INVALID_LINK_MESSAGE, 'file_invalid_link')
  table.set(GENERATION_FAILED_MESSAGE, 'file_generation_failed')
  return table
}

/** `failure()` appends a system detail in brackets: "Could not write … (EACCES)". */
const WITH_DETAIL = /^(.*) \(([^()]{1,80})\)$/s

export function fileErrorInfo(error: string | null | undefined): FileErrorInfo | null {
  if (error == null || error === '') return null
  const exact = templates().get(error)
  if (exact) return { code: exact, params: {} }
  const match = WITH_DETAIL.exec(error)
  const base = match ? templates().get(match[1] as string) : undefined
  return base ? { code: base, params: { detail: match?.[2] as string } } : null
}

/** The two columns stored beside `files.error`. */
export function fileErrorColumns(error: string | null | undefined): {
  code: string | null
  params: string | null
} {
  const info = fileErrorInfo(error)
  return info
    ? {
        code: info.code,
        params: Object.keys(info.params).length ? JSON.stringify(info.params) : null
      }
    : { code: null, params: null }
}

/** Reads `error_params` back; anything but an object of strings and numbers is dropped. */
export function parseErrorParams(raw: string | null | undefined): ErrorParams {
  if (!raw) return {}
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
    const out: ErrorParams = {}
    for (const [key, item] of Object.entries(value))
      if (typeof item === 'string' || typeof item === 'number') out[key] = item
    return out
  } catch {
    return {}
  }
}
