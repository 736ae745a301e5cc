import type { ConnectionTestResult } from '../../../shared/settings'
import { validateBaseUrl } from './base-url'

// The stored API key belongs to the saved gateway address and goes nowhere else
// (a connection test of any address used to carry it: docs/RELIABILITY.md#hostile-input). Testing another
// address needs the key for it in the same request, so nothing the renderer (or a
// preview caller) passes can send the stored key to a host the user never saved.

/** True when `url` (already canonical) is the saved gateway address. */
export function storedKeyMayGoTo(url: string, savedBaseUrl: string): boolean {
  const saved = validateBaseUrl(savedBaseUrl)
  return saved.ok && saved.url === url
}

export const KEY_FOR_ADDRESS: ConnectionTestResult = {
  result: 'key_for_address',
  code: 'key_for_address',
  message:
    'This is not the saved gateway address, so the saved key was not sent to it. Type the ' +
    'API key for this address to test it, or save the address first.'
}
