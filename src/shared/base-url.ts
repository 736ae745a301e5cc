// The rule for the gateway base URL, shared by main (which enforces it before a key is
// sent anywhere) and the settings form (which explains it as the user types). DESIGN.md
// "Security of the shell": https only; plain http only for this computer.

import { isLoopbackHost } from './loopback'

export type BaseUrlProblem = 'empty' | 'malformed' | 'https' | 'credentials' | 'query'

export type BaseUrlVerdict = { ok: true; url: string } | { ok: false; problem: BaseUrlProblem }

/** Checks a base URL and canonicalises it (trimmed, no trailing slashes). */
export function checkBaseUrl(value: string): BaseUrlVerdict {
  const trimmed = typeof value === 'string' ? value.trim() : ''
  if (trimmed === '') return { ok: false, problem: 'empty' }
  let parsed: URL
  try {
    parsed = new URL(trimmed)
  } catch {
    return { ok: false, problem: 'malformed' }
  }
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    return { ok: false, problem: 'https' }
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, problem: 'malformed' }
  }
  if (parsed.username !== '' || parsed.password !== '') return { ok: false, problem: 'credentials' }
  if (parsed.search !== '' || parsed.hash !== '') return { ok: false, problem: 'query' }
  return { ok: true, url: `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}` }
}
