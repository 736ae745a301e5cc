import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer } from 'node:net'
import { expect, test, type Page } from '@playwright/test'
import { startSimulator, type Simulator } from '../support/sim-gateway'
import { callPreview } from './support/seed'
import { startPreview, tempDirs, type RunningPreview } from './support/preview'

// Issue 13, defects 3 and 6: the first-run walkthrough and the connection test, driven
// against the real core behind preview:web, the simulated gateway, a closed port, a name
// that does not resolve and a server that does not speak TLS.

let sim: Simulator

test.beforeAll(async () => {
  sim = await startSimulator()
})
test.afterAll(async () => {
  await sim?.close()
})

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()))
  const { port } = server.address() as { port: number }
  await new Promise<void>((done) => server.close(() => done()))
  return port
}

async function withFreshPreview(run: (preview: RunningPreview) => Promise<void>): Promise<void> {
  const preview = await startPreview(tempDirs())
  try {
    await run(preview)
  } finally {
    await preview.stop()
  }
}

async function openSettings(page: Page, preview: RunningPreview, fresh = false): Promise<void> {
  await page.goto(preview.url)
  if (fresh) {
    const walkthrough = page.getByRole('dialog', { name: 'Welcome to Songshelf' })
    await walkthrough.getByRole('button', { name: 'Skip the introduction' }).click()
  }
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
}

test('the walkthrough keeps a key that was tested but not saved (defect 3)', async ({ page }) => {
  await withFreshPreview(async (preview) => {
    await page.goto(preview.url)
    const dialog = page.getByRole('dialog', { name: 'Welcome to Songshelf' })
    await dialog.getByLabel('Gateway address (base URL)').fill(sim.gatewayUrl)
    await dialog.getByLabel('API key').fill(sim.apiKey)
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    await expect(dialog.getByTestId('test-result')).toHaveAttribute('data-result', 'ok')
    // No "Save key": Next must not throw the key away.
    await dialog.getByRole('button', { name: 'Next' }).click()
    await expect(dialog.getByTestId('onboarding-saved')).toHaveText(
      'Your gateway address and key are saved.'
    )
    const settings = await callPreview(preview, 'getSettings')
    expect(settings.hasKey).toBe(true)
    expect(settings.baseUrl).toBe(sim.gatewayUrl)
  })
})

test('an empty address cannot be tested and says to enter it first (defect 6)', async ({
  page
}) => {
  await withFreshPreview(async (preview) => {
    await openSettings(page, preview, true)
    await expect(page.getByLabel('Gateway address (base URL)')).toHaveValue('')
    await expect(page.getByRole('button', { name: 'Test connection' })).toBeDisabled()
    await expect(page.getByTestId('test-needs-address')).toHaveText(
      'Enter the gateway address first.'
    )
    // The core says the same when asked directly.
    const answer = await callPreview(preview, 'testConnection', {})
    expect(answer.result).toBe('no_address')
  })
})

test('testing an address does not save it, and failures are told apart (defect 6)', async ({
  page
}) => {
  // A plain-http server: an https:// address to it fails in the TLS handshake.
  const plain: Server = createHttpServer((_req, res) => res.end('hello'))
  await new Promise<void>((done) => plain.listen(0, '127.0.0.1', () => done()))
  const plainPort = (plain.address() as { port: number }).port
  const preview = await startPreview({ ...tempDirs(), baseUrl: sim.gatewayUrl, key: sim.apiKey })
  try {
    await openSettings(page, preview)
    const address = page.getByLabel('Gateway address (base URL)')
    const key = page.getByLabel('API key')
    const result = page.getByTestId('test-result')
    const reason = page.getByTestId('test-reason')
    const attempt = async (url: string): Promise<void> => {
      await address.fill(url)
      await key.fill('sk-for-this-address')
      await page.getByRole('button', { name: 'Test connection' }).click()
      await expect(result).toHaveAttribute('data-result', /.+/, { timeout: 30_000 })
    }

    const refusedUrl = `http://127.0.0.1:${await closedPort()}`
    await attempt(refusedUrl)
    await expect(result).toHaveAttribute('data-result', 'unreachable')
    await expect(reason).toHaveAttribute('data-code', 'refused')
    await expect(reason).toContainText('nothing is listening on that port')
    await result.getByText('Details').click()
    await expect(page.getByTestId('test-details')).toContainText(`${refusedUrl}/suno/fetch`)
    await expect(page.getByTestId('test-status')).toContainText('no answer (ECONNREFUSED)')
    await expect(page.getByTestId('test-details')).toContainText(/Time\s*[\d,]+ ms/)

    await attempt('https://songshelf-no-such-host.invalid')
    await expect(reason).toHaveAttribute('data-code', 'dns')
    await expect(reason).toContainText('No server has this host name')

    await attempt(`https://127.0.0.1:${plainPort}`)
    await expect(reason).toHaveAttribute('data-code', 'tls')

    // A gateway that answers 502: the status is in the details.
    sim.setFault({ kind: 'html', status: 502, route: 'batch' }, { times: 1 })
    await attempt(sim.gatewayUrl)
    await expect(reason).toHaveAttribute('data-code', 'server')
    await result.getByText('Details').click()
    await expect(page.getByTestId('test-status')).toHaveText('502')

    // None of it changed the settings: the saved gateway is still the simulator.
    await expect(page.getByTestId('saved-mark')).toHaveCount(0)
    expect((await callPreview(preview, 'getSettings')).baseUrl).toBe(sim.gatewayUrl)
    await page.reload()
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
    await expect(page.getByLabel('Gateway address (base URL)')).toHaveValue(sim.gatewayUrl)
  } finally {
    await preview.stop()
    await new Promise<void>((done) => plain.close(() => done()))
  }
})

test('"Saved." shows beside the field that changed and fades (defect 6)', async ({ page }) => {
  const preview = await startPreview({ ...tempDirs(), baseUrl: sim.gatewayUrl, key: sim.apiKey })
  try {
    await openSettings(page, preview)
    const concurrency = page.getByLabel('Downloads at the same time')
    await concurrency.fill('5')
    await concurrency.press('Enter')
    const field = page.locator('.setting', { has: concurrency })
    await expect(field.getByTestId('saved-mark')).toHaveText('Saved.')
    await expect(page.getByTestId('saved-mark')).toHaveCount(1)
    await expect(field.getByTestId('saved-mark')).toHaveCount(0)
    expect((await callPreview(preview, 'getSettings')).downloadConcurrency).toBe(5)
  } finally {
    await preview.stop()
  }
})
