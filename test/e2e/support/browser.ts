import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

/** Finds a Chromium: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own
 * download (a developer machine). Fails with instructions when there is none. */
export function findChromium(): string {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser'
  ]
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate
  try {
    const own = chromium.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // fall through to the message
  }
  throw new Error(
    'No Chromium found for the browser tests. Install one:\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium   (CI does this)\n' +
      '  elsewhere:     npx playwright install chromium, or set CHROMIUM_PATH=/path/to/chrome'
  )
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required'
]
