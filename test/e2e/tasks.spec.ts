import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startSimulator, type Simulator } from '../support/sim-gateway'
import { startPreview, tempDirs, type RunningPreview } from './support/preview'

// Paste task ids → watch them progress → the songs appear in the library, against the
// real core and the simulated gateway over HTTP.

const FIXTURES = resolve(import.meta.dirname, '../fixtures')
let sim: Simulator
let preview: RunningPreview

test.beforeAll(async () => {
  sim = await startSimulator({ fixturesDir: FIXTURES })
  preview = await startPreview({ ...tempDirs(), baseUrl: sim.gatewayUrl, key: sim.apiKey })
})
test.afterAll(async () => {
  await preview?.stop()
  await sim?.close()
})

function taskItem(page: Page, id: string): ReturnType<Page['locator']> {
  return page.locator(`[data-testid="task-item"][data-task-id="${id}"]`)
}

test('pasted ids are previewed, added, followed through each phase, and their songs appear', async ({
  page
}) => {
  const ok = randomUUID()
  const failing = randomUUID()
  sim.addTask({ id: ok, titles: ['Neon Harbour', 'Neon Harbour (take 2)'], tags: 'synthwave' })
  sim.addTask({ id: failing, fail: 'Your prompt was flagged by moderation.' })

  await page.goto(preview.url)
  // Young tasks are checked every 20 s by default; 5 s (the minimum) keeps this test short.
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
  const interval = page.getByLabel('Check the gateway every (seconds)')
  await interval.fill('5')
  await interval.press('Enter')
  await expect(page.getByTestId('saved-mark')).toHaveText('Saved.')

  await page.getByRole('navigation').getByRole('button', { name: 'Tasks' }).click()
  const paste = page.getByLabel('Add task ids')
  await paste.fill(
    `{"code":"success","data":"${ok}"}\nsecond: ${failing}\nbroken: ${ok.slice(0, 23)}`
  )
  const preview_ = page.getByTestId('task-preview')
  await expect(preview_).toContainText('Found 2 task ids.')
  await expect(page.getByTestId('task-preview-invalid')).toContainText(ok.slice(0, 23))
  await page.getByRole('button', { name: 'Add 2 tasks' }).click()
  await expect(page.getByTestId('task-add-result')).toHaveText('2 added')

  // Adding the same ids again says they are known.
  await paste.fill(ok)
  await page.getByRole('button', { name: 'Add 1 task' }).click()
  await expect(page.getByTestId('task-add-result')).toHaveText('0 added, 1 already known')

  // Each poll moves a simulated task one step: waiting → generating → downloading → done.
  const phases = new Set<string>()
  await expect
    .poll(
      async () => {
        const phase = (await taskItem(page, ok).getByTestId('task-phase').textContent()) ?? ''
        phases.add(phase)
        return phase
      },
      { timeout: 60_000, intervals: [250] }
    )
    .toBe('Done')
  expect([...phases].filter((p) => p !== 'Done').length).toBeGreaterThan(0)
  await expect(taskItem(page, ok)).toContainText('Finished: 2 songs are in your library.')

  await expect(taskItem(page, failing).getByTestId('task-phase')).toHaveText('Failed', {
    timeout: 30_000
  })
  await expect(taskItem(page, failing).getByTestId('task-fail-reason')).toHaveText(
    'Your prompt was flagged by moderation.'
  )

  await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click()
  await expect(page.getByText('Neon Harbour', { exact: true }).first()).toBeVisible()
  await expect(page.getByText('Neon Harbour (take 2)').first()).toBeVisible()
})

test('removing a task asks first and keeps its songs', async ({ page }) => {
  const id = randomUUID()
  sim.addTask({ id, steps: [{ status: 'SUCCESS' }], titles: ['Kept Song', 'Kept Song B'] })
  await page.goto(preview.url)
  await page.getByRole('navigation').getByRole('button', { name: 'Tasks' }).click()
  await page.getByLabel('Add task ids').fill(id)
  await page.getByRole('button', { name: 'Add 1 task' }).click()
  await expect(taskItem(page, id).getByTestId('task-phase')).toHaveText('Done', { timeout: 30_000 })
  await taskItem(page, id)
    .getByRole('button', { name: `Remove task ${id}` })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Remove this task?' })
  await expect(dialog).toContainText('Songs already downloaded stay in your library')
  await dialog.getByRole('button', { name: 'Remove task' }).click()
  await expect(taskItem(page, id)).toHaveCount(0)
  await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click()
  await expect(page.getByText('Kept Song', { exact: true }).first()).toBeVisible()
})
