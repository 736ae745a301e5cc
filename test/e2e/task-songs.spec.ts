import { expect, test, type Locator, type Page } from '@playwright/test'
import { callPreview, seedLibrary, waitForState, type SeededLibrary } from './support/seed'

// From a task to its songs (issue 13): in Tasks, a finished task lists its songs' titles
// with their take and covers, and a click opens that song in the library; a task still
// generating shows the title and style the gateway already sent, not only its id.

let lib: SeededLibrary

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  lib = await seedLibrary([
    {
      id: 'task_e2e_done',
      titles: ['Harbour Lights', 'Harbour Lights'],
      tags: 'sea shanty',
      takes: true
    }
  ])
  lib.sim.addTask({
    id: 'task_e2e_cooking',
    steps: [{ status: 'IN_PROGRESS', polls: 100_000 }],
    titles: ['Still Cooking', 'Still Cooking'],
    tags: 'slow jazz'
  })
  await callPreview(lib.preview, 'addTasks', { text: 'task_e2e_cooking' })
  await waitForState('the generating task’s clips', async () => {
    const tasks = await callPreview(lib.preview, 'listTasks')
    const cooking = tasks.find((task) => task.id === 'task_e2e_cooking')
    return cooking && cooking.clipIds.length === 2 ? cooking : null
  })
})

test.afterAll(async () => {
  await lib?.stop()
})

const taskItem = (page: Page, id: string): Locator =>
  page.locator(`[data-testid="task-item"][data-task-id="${id}"]`)

test('a finished task shows its songs with their takes and opens one in the library', async ({
  page
}) => {
  await page.goto(lib.preview.url)
  await page.getByRole('navigation').getByRole('button', { name: 'Tasks', exact: true }).click()
  const songs = taskItem(page, 'task_e2e_done').getByTestId('task-song')
  await expect(songs).toHaveCount(2)
  await expect(songs.nth(0)).toContainText('Harbour Lights')
  await expect(songs.nth(0)).toContainText('take 1/2')
  await expect(songs.nth(1)).toContainText('take 2/2')
  await expect(songs.nth(0).locator('img.cover')).toHaveCount(1)
  await songs.nth(1).click()
  await expect(page.getByTestId('view-library')).toBeVisible()
  const detail = page.getByTestId('clip-detail')
  await expect(detail).toContainText('Harbour Lights')
  await expect(detail).toContainText('take 2/2')
})

test('a task still generating shows the title and style the gateway already sent', async ({
  page
}) => {
  await page.goto(lib.preview.url)
  await page.getByRole('navigation').getByRole('button', { name: 'Tasks', exact: true }).click()
  const item = taskItem(page, 'task_e2e_cooking')
  await expect(item.getByTestId('task-phase')).toHaveText('Generating')
  const songs = item.getByTestId('task-song')
  await expect(songs).toHaveCount(2)
  await expect(songs.first()).toContainText('Still Cooking')
  await expect(songs.first()).toContainText('slow jazz')
  // Nothing to open yet: the song is not in the library.
  await expect(item.getByRole('button', { name: /Still Cooking/ })).toHaveCount(0)
})
