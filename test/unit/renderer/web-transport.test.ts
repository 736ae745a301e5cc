import { afterEach, describe, expect, it, vi } from 'vitest'
import { en } from '../../../src/renderer/src/i18n/en'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import { createWebTransport } from '../../../src/renderer/src/lib/web-transport'
import { isErrorCode } from '../../../src/shared/error-codes'

// The preview's HTTP stand-in for IPC answers a call it could not deliver with its own
// code ('transport'). That code was in no list of shared/error-codes.ts, so it had no
// message in either language and the UI showed the English fallback (issue 13, item 6).

const messages = (tree: unknown): Record<string, unknown> =>
  (tree as { errors?: Record<string, unknown> }).errors ?? {}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the web transport', () => {
  it('a call that cannot reach the preview fails with a code that has both languages', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')))
    const result = await createWebTransport('token').listTags(undefined)
    expect(result.ok).toBe(false)
    const code = result.ok ? '' : result.error.code
    expect(code).toBe('transport')
    expect(isErrorCode(code)).toBe(true)
    expect(messages(en)[code]).toBeTruthy()
    expect(messages(zhCN)[code]).toBeTruthy()
  })

  it('sends calls at high priority, so a page of rows never queues behind cover images', async () => {
    // The preview speaks HTTP/1.1: six connections to the origin, one held by the event
    // stream. A search that renders new rows starts ~26 cover requests; the next search's
    // queryLibrary waited up to 179 ms for a free connection behind them
    // (bench/typing.bench.ts), until it went out at high priority and the list's covers
    // at low (Cover.tsx).
    const seen: RequestInit[] = []
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      seen.push(init)
      return Promise.resolve(new Response(JSON.stringify({ ok: true, value: [] })))
    })
    await createWebTransport('token').listTags(undefined)
    expect(seen.map((init) => init.priority)).toEqual(['high'])
  })
})
