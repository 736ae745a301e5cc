import { expect, test, type Page, type Request as PwRequest } from '@playwright/test'
import { seedLibrary, type SeededLibrary } from './support/seed'

// What a hostile page or a hostile song title can do to the renderer in the browser
// preview (RELIABILITY.md A1, A4, A5, A7, B8). Only the browser side can be shown
// here: the Content-Security-Policy blocks injected inline and remote scripts, a window
// on another origin gets none of the app's data, and the app page cannot be navigated to
// file:. Denying navigation and window.open inside Electron itself is the shell's job,
// unit-tested in test/unit/main/security.test.ts ("blocks every navigation and redirect
// away from the app page", "denies every new window…") and run for real by
// electron.smoke.spec.ts where an Electron binary exists. The /media/ route's token and
// traversal checks over HTTP are in media.spec.ts and test/unit/security/media-route.

const HOSTILE_TITLE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
const PLAIN_TITLE = 'Quiet Harbour'
const EVIL = 'https://evil.test'

let lib: SeededLibrary
test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  lib = await seedLibrary([
    { titles: [HOSTILE_TITLE, PLAIN_TITLE], tags: '<b onmouseover=alert(1)>x</b>' }
  ])
})
test.afterAll(async () => {
  await lib?.stop()
})

/** Stands in for an attacker's site: every evil.test request is answered here. */
async function hostEvilSite(page: Page, seen: PwRequest[]): Promise<void> {
  await page.context().route(`${EVIL}/**`, async (route) => {
    seen.push(route.request())
    await route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>evil</title><p>evil page</p>'
    })
  })
}

async function openApp(page: Page): Promise<void> {
  await page.goto(lib.preview.url)
  await expect(page.getByTestId('clip-row')).toHaveCount(2)
}

test('a hostile song title is shown as text and runs nothing (A1)', async ({ page }) => {
  await openApp(page)
  await expect(page.getByText(HOSTILE_TITLE, { exact: true }).first()).toBeVisible()
  const globals = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: number }).__xss,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    injectedImages: document.querySelectorAll('img[src="x"]').length
  }))
  expect(globals).toEqual({
    xss: undefined,
    require: 'undefined',
    process: 'undefined',
    injectedImages: 0
  })
})

test('the CSP blocks injected inline script, event handlers, remote script and frames (A7)', async ({
  page
}) => {
  const evil: PwRequest[] = []
  await hostEvilSite(page, evil)
  const index = await page.request.get(lib.preview.origin)
  const policy = index.headers()['content-security-policy'] ?? ''
  expect(policy).toContain("script-src 'self'")
  // eval is refused by leaving out 'unsafe-eval'; it cannot be shown from here, because
  // the browser exempts code that the test harness itself evaluates.
  expect(policy).not.toContain('unsafe-eval')
  expect(policy.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe')
  // Forms cannot post anywhere (submitting one here would leave the page mid-navigation).
  expect(policy).toContain("form-action 'none'")
  await openApp(page)
  await page.evaluate(() => {
    const w = window as unknown as { __violations: string[] }
    w.__violations = []
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__violations.push(e.effectiveDirective)
    })
  })
  const outcome = await page.evaluate((evilOrigin) => {
    const w = window as unknown as Record<string, unknown>
    const inline = document.createElement('script')
    inline.textContent = 'window.__inline = 1'
    document.body.append(inline)
    const remote = document.createElement('script')
    remote.src = `${evilOrigin}/steal.js`
    document.body.append(remote)
    const img = document.createElement('img')
    img.setAttribute('onerror', 'window.__handler = 1')
    img.src = '/no-such-image.png'
    document.body.append(img)
    const frame = document.createElement('iframe')
    frame.src = `${evilOrigin}/frame`
    document.body.append(frame)
    return { inline: w['__inline'] }
  }, EVIL)
  // Wait for the browser's own reports, one per blocked thing, not for a timer.
  await page.waitForFunction(() => {
    const seen = new Set((window as unknown as { __violations: string[] }).__violations)
    const wanted = ['script-src-elem', 'script-src-attr', 'frame-src']
    return wanted.every((d) => seen.has(d))
  })
  expect(outcome).toEqual({ inline: undefined })
  const after = await page.evaluate(() => ({
    inline: (window as unknown as { __inline?: number }).__inline,
    handler: (window as unknown as { __handler?: number }).__handler
  }))
  expect(after).toEqual({ inline: undefined, handler: undefined })
  expect(evil.map((r) => r.url())).toEqual([])
  await expect(page.getByTestId('clip-row')).toHaveCount(2)
})

test('a link to another site opened in a new window gets none of the app’s data (A4, A5)', async ({
  page
}) => {
  const evil: PwRequest[] = []
  await hostEvilSite(page, evil)
  await openApp(page)
  const appUrl = page.url()
  await page.evaluate((href) => {
    const a = document.createElement('a')
    a.href = href
    a.target = '_blank'
    a.textContent = 'a link in a song description'
    a.id = 'injected-link'
    document.body.append(a)
  }, `${EVIL}/steal`)
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    page.locator('#injected-link').click()
  ])
  await popup.waitForLoadState()
  expect(popup.url()).toBe(`${EVIL}/steal`)
  const stolen = await popup.evaluate(async (appOrigin) => {
    const attempt = async (fn: () => unknown): Promise<string> => {
      try {
        return `read: ${String(await fn())}`
      } catch (error) {
        return `refused: ${(error as Error).name}`
      }
    }
    return {
      opener: window.opener === null ? 'none' : await attempt(() => window.opener.document.title),
      storage: JSON.stringify(Object.entries(sessionStorage)),
      api: await attempt(async () => {
        const res = await fetch(`${appOrigin}/api/call/queryLibrary`, {
          method: 'POST',
          body: 'null'
        })
        return await res.text()
      })
    }
  }, lib.preview.origin)
  expect(stolen.opener).toMatch(/^(none|refused)/)
  expect(stolen.storage).toBe('[]')
  expect(stolen.api).toMatch(/^refused/)
  // The token never travelled with the navigation (it is no longer in the app's URL).
  for (const request of evil) {
    expect(JSON.stringify(request.headers())).not.toContain(lib.preview.token)
  }
  expect(page.url()).toBe(appUrl)
  await expect(page.getByTestId('clip-row')).toHaveCount(2)
})

test('window.open of the app from another origin does not load the app’s data (A5, B8)', async ({
  page
}) => {
  const evil: PwRequest[] = []
  await hostEvilSite(page, evil)
  await page.goto(`${EVIL}/lure`)
  const apiAnswers: number[] = []
  page.context().on('response', (response) => {
    if (response.url().startsWith(`${lib.preview.origin}/api/call/`))
      apiAnswers.push(response.status())
  })
  // The attacker knows where the preview listens, but not its token.
  const [opened] = await Promise.all([
    page.context().waitForEvent('page'),
    page.evaluate((app) => void window.open(app, '_blank'), `${lib.preview.origin}/`)
  ])
  await opened.waitForLoadState()
  await expect.poll(() => apiAnswers.length).toBeGreaterThan(0)
  expect(apiAnswers.every((status) => status === 401)).toBe(true)
  await expect(opened.getByText(PLAIN_TITLE)).toHaveCount(0)
  // Nor can the attacker's page read a song through the media route without the token.
  const media = await page.evaluate(
    async (src) => {
      try {
        const res = await fetch(src, { mode: 'no-cors' })
        return `${res.type} ${res.status} ${(await res.arrayBuffer()).byteLength}`
      } catch (error) {
        return `refused ${(error as Error).name}`
      }
    },
    `${lib.preview.origin}/media/clip/${lib.sim.task(lib.taskIds[0] as string)?.clipIds[0]}/audio`
  )
  expect(media).toMatch(/^(opaque 0 0|refused)/)
})

test('location = file:///etc/passwd leaves the app where it is (A4, browser side)', async ({
  page
}) => {
  await openApp(page)
  const appUrl = page.url()
  const refused = page.waitForEvent('console', (m) =>
    /Not allowed to load local resource/.test(m.text())
  )
  await page.evaluate(() => {
    window.location.href = 'file:///etc/passwd'
  })
  await refused
  expect(page.url()).toBe(appUrl)
  await expect(page.getByTestId('clip-row')).toHaveCount(2)
  expect(await page.content()).not.toContain('root:x:0:0')
})
