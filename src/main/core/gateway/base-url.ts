// The gateway base URL the user typed, checked before any key is sent to it. DESIGN.md
// "Security of the shell": https only, plain http only for this computer.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string }

/** Validates and canonicalises a base URL: trims it and drops trailing slashes. */
export function validateBaseUrl(url: string): BaseUrlCheck {
  const trimmed = typeof url === 'string' ? url.trim() : ''
  if (trimmed === '')
    return { ok: false, message: 'Enter the gateway address, e.g. https://api.example.com.' }
  let parsed: URL
  try {
    parsed = new URL(trimmed)
  } catch {
    return {
      ok: false,
      message: 'That is not a web address. It should look like https://api.example.com.'
    }
  }
  const loopback = LOOPBACK_HOSTS.has(parsed.hostname)
  if (parsed.protocol === 'http:' && !loopback) {
    return {
      ok: false,
      message:
        'The gateway address must start with https:// so your API key is encrypted on the ' +
        'way (plain http is allowed only for localhost).'
    }
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, message: 'The gateway address must start with https://.' }
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return {
      ok: false,
      message:
        'Remove the user name and password from the address; the API key goes in its own field.'
    }
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    return { ok: false, message: 'Remove the part after ? or # from the gateway address.' }
  }
  const path = parsed.pathname.replace(/\/+$/, '')
  return { ok: true, url: `${parsed.origin}${path}` }
}
