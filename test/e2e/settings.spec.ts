import { createServer } from 'node:net'
import { expect, test, type Page } from '@playwright/test'
import { startSimulator, type Simulator } from '../support/sim-gateway'
import { startPreview, tempDirs, type RunningPreview } from './support/preview'

// Settings against the real core: validation, the four connection-test outcomes (against
// the simulated gateway, a closed port and a web server that is not a gateway), language
// and theme applied at once and kept.

let sim: Simulator
let preview: RunningPreview

test.beforeAll(async () => {
  sim = await startSimulator()
  preview = await startPreview({ ...tempDirs(), baseUrl: sim.gatewayUrl, key: sim.apiKey })
})
test.afterAll(async () => {
  await preview?.stop()
  await sim?.close()
})

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()))
  const { port } = server.address() as { port: number }
  await new Promise<void>((done) => server.close(() => done()))
  return port
}

async function openSettings(page: Page): Promise<void> {
  await page.goto(preview.url)
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByLabel('Gateway address (base URL)')).toHaveValue(/127\.0\.0\.1/)
}

async function runTest(page: Page, baseUrl: string, key?: string): Promise<string | null> {
  await page.getByLabel('Gateway address (base URL)').fill(baseUrl)
  if (key !== undefined) await page.getByLabel('API key').fill(key)
  await page.getByRole('button', { name: 'Test connection' }).click()
  const result = page.getByTestId('test-result')
  await expect(result).toHaveAttribute('data-result', /.+/, { timeout: 30_000 })
  return result.getAttribute('data-result')
}

test('the connection test tells a working key, a rejected key, no gateway and a wrong URL apart', async ({
  page
}) => {
  await openSettings(page)
  await expect(page.getByTestId('key-status')).toContainText('A key is set.')

  expect(await runTest(page, sim.gatewayUrl)).toBe('ok')
  await expect(page.getByTestId('test-result')).toContainText('The key works')

  expect(await runTest(page, sim.gatewayUrl, 'sk-not-the-right-key')).toBe('key_rejected')
  await expect(page.getByTestId('test-result')).toContainText('The gateway rejected the key')
  await page.getByLabel('API key').fill('')

  // Another address than the saved one needs its own key (the saved key stays home).
  expect(await runTest(page, `http://127.0.0.1:${await closedPort()}`, 'sk-other')).toBe(
    'unreachable'
  )
  await expect(page.getByTestId('test-result')).toContainText('could not be reached')

  // The preview's own web server answers, but with a web page, not a gateway.
  expect(await runTest(page, preview.origin, 'sk-other')).toBe('not_gateway')
  await expect(page.getByTestId('test-result')).toContainText('not like a Suno gateway')

  // Testing saved nothing; Enter saves the address typed, and says so beside it.
  await page.getByLabel('Gateway address (base URL)').fill(`${sim.gatewayUrl}/`)
  await page.getByLabel('Gateway address (base URL)').press('Enter')
  await expect(page.getByTestId('saved-mark')).toHaveText('Saved.')
})

test('a plain-http gateway is refused before anything is sent; valid values are saved', async ({
  page
}) => {
  await openSettings(page)
  const url = page.getByLabel('Gateway address (base URL)')
  const saved = await url.inputValue()
  await url.fill('http://gateway.example.com')
  await expect(url).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('must start with https://')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Test connection' })).toBeDisabled()
  await url.press('Escape')
  await expect(url).toHaveValue(saved)

  const concurrency = page.getByLabel('Downloads at the same time')
  await concurrency.fill('9')
  await expect(page.getByText('Enter a whole number from 1 to 8.')).toBeVisible()
  await concurrency.fill('4')
  await concurrency.press('Enter')
  await expect(page.getByTestId('saved-mark')).toHaveText('Saved.')
  await page.reload()
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByLabel('Downloads at the same time')).toHaveValue('4')
})

test('language and theme apply at once and are kept after a restart', async ({ page }) => {
  await openSettings(page)
  await page.getByLabel('Theme', { exact: true }).selectOption('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByLabel('Language', { exact: true }).selectOption('zh-CN')
  await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible()
  await expect(page.getByRole('navigation').getByRole('button', { name: '曲库' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')

  await page.reload()
  await expect(page.getByRole('navigation').getByRole('button', { name: '曲库' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')

  await page.getByRole('navigation').getByRole('button', { name: '设置' }).click()
  await page.getByLabel('主题', { exact: true }).selectOption('system')
  await page.getByLabel('语言', { exact: true }).selectOption('en')
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/)
})

test('first run: a short walkthrough sets up the gateway and the first task, once', async ({
  page
}) => {
  const fresh = await startPreview(tempDirs())
  try {
    const id = '5b0e2a4c-1d2e-4f3a-8b9c-0d1e2f3a4b5c'
    sim.addTask({ id, steps: [{ status: 'SUCCESS' }], clips: 1, titles: ['First Light'] })
    await page.goto(fresh.url)
    const dialog = page.getByRole('dialog', { name: 'Welcome to Songshelf' })
    await expect(dialog).toContainText('Step 1 of 3')
    await dialog.getByLabel('Gateway address (base URL)').fill(sim.gatewayUrl)
    await dialog.getByLabel('API key').fill(sim.apiKey)
    await dialog.getByRole('button', { name: 'Save key' }).click()
    await expect(dialog.getByTestId('key-status')).toContainText('A key is set.')
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    await expect(dialog.getByTestId('test-result')).toHaveAttribute('data-result', 'ok')
    await dialog.getByRole('button', { name: 'Next' }).click()

    await dialog.getByLabel('Add task ids').fill(`{"data":"${id}"}`)
    await dialog.getByRole('button', { name: 'Add 1 task' }).click()
    await expect(dialog).toContainText('Watch them download')
    await dialog.getByRole('button', { name: 'Open Tasks' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(
      page.locator(`[data-testid="task-item"][data-task-id="${id}"] [data-testid="task-phase"]`)
    ).toHaveText('Done', { timeout: 30_000 })

    await page.reload()
    await expect(page.getByRole('navigation')).toBeVisible()
    await expect(page.getByTestId('player-bar')).toBeVisible()
    await expect(page.getByRole('dialog')).toHaveCount(0)
  } finally {
    await fresh.stop()
  }
})
