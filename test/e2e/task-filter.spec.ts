import { expect, test, type Page } from '@playwright/test'
import { callPreview, seedLibrary, type SeededLibrary } from './support/seed'

// "Show songs of this task" (issue 13): from the Tasks view or a song's context menu, the
// library shows that task's songs only, with a visible chip that removes the filter. The
// task id is part of the filter language, answered by the real core behind preview:web.

let lib: SeededLibrary

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  lib = await seedLibrary([
    { id: 'task_tf_harbour', titles: ['Harbour Lights', 'Harbour Lights'], tags: 'sea shanty' },
    { id: 'task_tf_paper', titles: ['Paper Moon', 'Paper Moon (acoustic)'], tags: 'folk' },
    { id: 'task_tf_glass', titles: ['Glass Garden', 'Northern Wind'], tags: 'dream pop' }
  ])
})

test.afterAll(async () => {
  await lib?.stop()
})

async function openLibrary(page: Page, language: 'en' | 'zh-CN' = 'en'): Promise<void> {
  await callPreview(lib.preview, 'updateSettings', { language, onboarded: true })
  await page.goto('about:blank')
  await page.goto(lib.preview.url)
  await expect(page.getByTestId('clip-row')).toHaveCount(6)
}

test('Tasks ▸ Show songs filters the library to that task, and the chip takes it away', async ({
  page
}) => {
  await openLibrary(page)
  await page.getByRole('navigation').getByRole('button', { name: 'Tasks', exact: true }).click()
  const item = page.locator('[data-testid="task-item"][data-task-id="task_tf_paper"]')
  await item.getByTestId('task-show-songs').click()
  await expect(page.getByTestId('view-library')).toBeVisible()
  const rows = page.getByTestId('clip-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'Paper Moon' })).toHaveCount(2)
  await expect(page.getByTestId('library-count')).toHaveText('2 clips')
  const chip = page.getByTestId('task-filter-chip')
  await expect(chip).toContainText('Songs of task task_tf_paper')
  await chip.getByRole('button', { name: /remove the task filter/ }).click()
  await expect(chip).toHaveCount(0)
  await expect(rows).toHaveCount(6)
})

test('a song’s context menu shows the songs of its task, also from a search, in 中文 too', async ({
  page
}) => {
  await openLibrary(page, 'zh-CN')
  await page.locator('#library-search').fill('northern')
  const rows = page.getByTestId('clip-row')
  await expect(rows).toHaveCount(1)
  await rows.first().click({ button: 'right' })
  await page.getByTestId('context-menu').getByRole('menuitem', { name: '显示此任务的歌曲' }).click()
  // Every other filter gives way: both songs of the task, the search box empty.
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'Glass Garden' })).toHaveCount(1)
  await expect(page.locator('#library-search')).toHaveValue('')
  await expect(page.getByTestId('task-filter-chip')).toContainText('任务 task_tf_glass 的歌曲')
  await page.getByRole('button', { name: '重新显示所有歌曲（移除任务筛选）' }).click()
  await expect(rows).toHaveCount(6)
  await callPreview(lib.preview, 'updateSettings', { language: 'en' })
})
