// Which media links are worth downloading (GATEWAY.md#media-links).

import { isLoopbackHost } from '../../../shared/loopback'

export type MediaUrlVerdict =
  | { kind: 'ok'; url: string }
  | { kind: 'stream'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'invalid'; message: string }

export const STREAM_LINK_MESSAGE = 'The gateway gave a stream link; waiting for the final file.'
export const FORBIDDEN_LINK_MESSAGE = "The gateway's link is forbidden — ask your provider."
export const INVALID_LINK_MESSAGE = 'The gateway gave a link that is not a downloadable file.'

/** Classifies a media URL from the gateway. Plain http is acceptable only to this
 * computer (the simulator's loopback CDN). */
export function classifyMediaUrl(value: string | null | undefined): MediaUrlVerdict | null {
  if (value == null) return null
  const text = value.trim()
  if (text === '') return null
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { kind: 'invalid', message: INVALID_LINK_MESSAGE }
  }
  const httpOk = url.protocol === 'http:' && isLoopbackHost(url.hostname)
  if (url.protocol !== 'https:' && !httpOk)
    return { kind: 'invalid', message: INVALID_LINK_MESSAGE }
  if (url.username !== '' || url.password !== '') {
    return { kind: 'invalid', message: INVALID_LINK_MESSAGE }
  }
  if (url.hostname.startsWith('audiopipe.') || url.pathname.includes('audiopipe')) {
    return { kind: 'stream', message: STREAM_LINK_MESSAGE }
  }
  if (/\/api\/forbidden\/?$/.test(url.pathname)) {
    return { kind: 'forbidden', message: FORBIDDEN_LINK_MESSAGE }
  }
  // A reported bad value: https://cdn1.suno.ai/None.mp3 (gcui-art/suno-api#146).
  if (/\/None\.(mp3|mp4|jpe?g|png)$/.test(url.pathname)) {
    return { kind: 'invalid', message: INVALID_LINK_MESSAGE }
  }
  return { kind: 'ok', url: url.toString() }
}
