import { describe, expect, it } from 'vitest'
import { checkBaseUrl } from '../../../src/shared/base-url'
import { classifyMediaUrl } from '../../../src/main/core/gateway/urls'
import { parseDownloadUrl } from '../../../src/main/core/sync/download-request'
import { isLoopbackHost } from '../../../src/shared/loopback'

const host = (url: string): string => new URL(url).hostname

describe('loopback hosts (one rule for the base URL, media links and downloads)', () => {
  it.each([
    ['http://localhost:8080', true],
    ['http://LOCALHOST', true],
    ['http://127.0.0.1', true],
    ['http://127.1.2.3', true],
    ['http://[::1]:3000', true],
    ['http://2130706433', true], // WHATWG URL canonicalises this to 127.0.0.1
    ['http://localhost.evil.example', false],
    ['http://127.0.0.1.nip.io', false],
    ['http://128.0.0.1', false],
    ['http://[::2]', false],
    ['http://10.0.0.1', false]
  ])('%s → %s', (url, loopback) => {
    expect(isLoopbackHost(host(url))).toBe(loopback)
  })

  it('gives the same answer at every edge that allows plain http', () => {
    for (const origin of ['http://127.0.0.5:9', 'http://localhost.evil.example', 'http://[::1]']) {
      const loopback = isLoopbackHost(host(origin))
      expect(checkBaseUrl(origin).ok).toBe(loopback)
      expect(classifyMediaUrl(`${origin}/a.mp3`)?.kind === 'ok').toBe(loopback)
      expect(parseDownloadUrl(`${origin}/a.mp3`) !== null).toBe(loopback)
    }
  })
})
