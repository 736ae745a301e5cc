// The rule for links that leave the app for the system browser, used by the shell's
// navigation and window.open hooks (the bridge has no method that opens a link): plain
// https only (no http, no mailto, no file:, no custom schemes), no credentials in the
// URL, and bounded length. Takes `unknown` because it is fed from untrusted places.

export const EXTERNAL_URL_MAX = 4096

/** The URL if it may be opened in the system browser, else null. */
export function parseExternalUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > EXTERNAL_URL_MAX) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null
  return url
}
