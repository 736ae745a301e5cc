import { expect, test } from '@playwright/test'
import { startPreview, tempDirs, type RunningPreview } from './support/preview'

let preview: RunningPreview

test.beforeAll(async () => {
  preview = await startPreview(tempDirs())
})
test.afterAll(async () => {
  await preview.stop()
})

test('the app frame shows the sidebar, the empty library and app info from the core', async ({
  page
}) => {
  await page.goto(preview.url)
  const nav = page.getByRole('navigation')
  await expect(nav.getByRole('button', { name: 'Library' })).toBeVisible()
  await expect(nav.getByRole('button', { name: 'Tasks' })).toBeVisible()
  await expect(nav.getByRole('button', { name: 'Settings' })).toBeVisible()
  await expect(page.getByTestId('library-empty')).toContainText('Your library is empty')
  await expect(page.getByTestId('library-dir')).toHaveText(preview.libraryDir)
  await expect(page.getByTestId('app-version')).toContainText('Version 0.1.0')
})

test('the transport refuses calls without the token', async ({ request }) => {
  const response = await request.post(`${preview.origin}/api/call/getAppInfo`, { data: null })
  expect(response.status()).toBe(401)
})
