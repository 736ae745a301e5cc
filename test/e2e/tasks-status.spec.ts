import { expect, test } from '@playwright/test'
import { seedLibrary, type SeededLibrary } from './support/seed'

// Issue 13, defect 9: Tasks never leaves a status line standing that is no longer true.

let lib: SeededLibrary

test.beforeAll(async () => {
  lib = await seedLibrary([{ titles: ['Done Already', 'Done Already'] }])
})
test.afterAll(async () => {
  await lib?.stop()
})

test('"Check now" with nothing pending says so instead of "Checking the gateway now…" (defect 9)', async ({
  page
}) => {
  await page.goto(lib.preview.url)
  await page.getByRole('navigation').getByRole('button', { name: 'Tasks' }).click()
  await expect(page.getByTestId('task-phase')).toHaveText('Done')
  await page.getByTestId('poll-now').click()
  const status = page.locator('.tasks-message')
  await expect(status).toHaveText('Nothing is waiting to be checked: every task has finished.')
  await expect(page.getByText('Checking the gateway now…')).toHaveCount(0)
})
