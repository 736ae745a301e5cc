import { describe, expect, it } from 'vitest'
import { en } from '../../../src/renderer/src/i18n/en'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import { ERROR_CODES, GATEWAY_ERROR_CODES } from '../../../src/shared/error-codes'
import { GATEWAY_MESSAGES } from '../../../src/main/core/gateway/errors'

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
})
