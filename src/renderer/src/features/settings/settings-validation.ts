// Checks for the settings form, mirroring what main enforces (shared/schemas.ts and the
// shell's base-URL rule) so the user learns about a mistake as they type, in their
// language. Each returns an i18n key under `settings.invalid`, or null.

import { checkBaseUrl, type BaseUrlProblem } from '../../../../shared/base-url'
import { DOWNLOAD_CONCURRENCY, ID3_TEXT_MAX, POLL_SECONDS } from '../../../../shared/limits'

export type ValidationKey =
  | 'urlMalformed'
  | 'urlHttps'
  | 'urlNoCredentials'
  | 'urlQuery'
  | 'whole'
  | 'pollRange'
  | 'concurrencyRange'
  | 'required'
  | 'tooLong'

const URL_KEYS: Readonly<Record<Exclude<BaseUrlProblem, 'empty'>, ValidationKey>> = {
  malformed: 'urlMalformed',
  https: 'urlHttps',
  credentials: 'urlNoCredentials',
  query: 'urlQuery'
}

/** The gateway must be https; plain http only on this machine, where there is no network
 * for a key to leak over. An empty value is allowed (not configured yet). */
export function validateBaseUrl(value: string): ValidationKey | null {
  const verdict = checkBaseUrl(value)
  if (verdict.ok || verdict.problem === 'empty') return null
  return URL_KEYS[verdict.problem]
}

function integerIn(
  value: string,
  min: number,
  max: number,
  key: ValidationKey
): ValidationKey | null {
  const text = value.trim()
  if (!/^\d+$/.test(text)) return text === '' ? key : /^-?\d*[.,]\d+$/.test(text) ? 'whole' : key
  const n = Number(text)
  return n >= min && n <= max ? null : key
}

export const POLL_MIN = POLL_SECONDS.min
export const POLL_MAX = POLL_SECONDS.max
export const CONCURRENCY_MIN = DOWNLOAD_CONCURRENCY.min
export const CONCURRENCY_MAX = DOWNLOAD_CONCURRENCY.max

export function validatePollInterval(value: string): ValidationKey | null {
  return integerIn(value, POLL_MIN, POLL_MAX, 'pollRange')
}

export function validateConcurrency(value: string): ValidationKey | null {
  return integerIn(value, CONCURRENCY_MIN, CONCURRENCY_MAX, 'concurrencyRange')
}

/** ID3 artist and album: 1–ID3_TEXT_MAX characters. */
export function validateTagText(value: string): ValidationKey | null {
  const text = value.trim()
  if (text === '') return 'required'
  return text.length > ID3_TEXT_MAX ? 'tooLong' : null
}
