import { describe, expect, it } from 'vitest'
import { en } from '../../../src/renderer/src/i18n/en'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import { ERROR_CODES, GATEWAY_ERROR_CODES } from '../../../src/shared/error-codes'
import { GATEWAY_MESSAGES } from '../../../src/main/core/gateway/errors'
import { fileErrorInfo } from '../../../src/main/core/library/file-errors'
import {
  DOWNLOAD_ERROR_CODES,
  failure,
  LIBRARY_MISSING_MESSAGE
} from '../../../src/main/core/sync/download-outcome'
import { MEDIA_KINDS } from '../../../src/shared/domain'

// Issue 13, defect 11: every code a failure can cross the bridge with has words in both
// languages, so the Chinese UI never falls back to the core's English. The codes come from
// their one definition (src/shared/error-codes.ts); a new code without messages fails here.

const messages = (tree: unknown): Record<string, unknown> =>
  (tree as { errors?: Record<string, unknown> }).errors ?? {}

describe('core error codes have a message in every language', () => {
  for (const [language, tree] of [
    ['en', en],
    ['zh-CN', zhCN]
  ] as const) {
    it(`${language}: every code has a non-empty message`, () => {
      const table = messages(tree)
      const missing = ERROR_CODES.filter(
        (code) => typeof table[code] !== 'string' || (table[code] as string).trim() === ''
      )
      expect(missing).toEqual([])
    })
  }

  it('the Chinese messages are not the English ones', () => {
    const same = ERROR_CODES.filter((code) => messages(en)[code] === messages(zhCN)[code])
    expect(same).toEqual([])
  })

  it('no message is kept for a code that does not exist', () => {
    const known = new Set(ERROR_CODES)
    expect(Object.keys(messages(en)).filter((code) => !known.has(code))).toEqual([])
  })

  it('the gateway client has an English message for each of its codes', () => {
    for (const code of GATEWAY_ERROR_CODES) expect(GATEWAY_MESSAGES[code]).toBeTruthy()
  })

  // The downloader's own codes (io, truncated, aborted, …) never cross the bridge as they
  // are: a failure is stored as its text, and the index gives the text its file_ code
  // (library/file-errors.ts) for the Tasks view, the clip's files and `tasks --json`. So
  // every text the downloader can write, with each system detail it appends, must come
  // back as its file_ code, and that code must have words in both languages.
  it('every download failure a user can see comes back as a file_ code with both messages', () => {
    const details = [
      undefined,
      'EACCES',
      'ENOSPC',
      'unknown error',
      'HTTP 503',
      'stopped',
      'no answer',
      'connection failed',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'bad redirect',
      'more than 5 redirects',
      'more bytes than announced'
    ]
    const uncoded: string[] = []
    for (const code of DOWNLOAD_ERROR_CODES)
      for (const kind of MEDIA_KINDS)
        for (const detail of details) {
          const text = failure(code, kind, detail === undefined ? {} : { detail }).message
          const shown = fileErrorInfo(text)?.code
          const worded = [en, zhCN].every((tree) => typeof messages(tree)[shown ?? ''] === 'string')
          if (shown !== `file_${code}` || !worded)
            uncoded.push(`${code} ${kind} ${detail}: ${shown}`)
        }
    expect(uncoded).toEqual([])
    // A library folder that went away is said as such, not as the `io` it is coded with.
    expect(fileErrorInfo(LIBRARY_MISSING_MESSAGE)?.code).toBe('file_library_missing')
  })
})
