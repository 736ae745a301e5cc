import { randomUUID } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import { callPreview, seedLibrary, waitForState, type SeededLibrary } from './support/seed'

// Files dropped on the window (issue 15): a log's task ids are added with the same
// extraction as a paste, and what cannot be used is said. The drop carries real File
// objects, as a browser gives them.

let lib: SeededLibrary

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  lib = await seedLibrary([{ titles: ['Known Song', 'Known Song'], video: false }])
})

test.afterAll(async () => {
  await lib?.stop()
})

async function dropFiles(
  page: Page,
  files: { name: string; type: string; text: string }[]
): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer()
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type }))
    return dt
  }, files)
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('main', type, { dataTransfer })
  }
}

test('a dropped log adds the task ids inside it; other files are explained', async ({ page }) => {
  const fresh = randomUUID()
  lib.sim.addTask({ id: fresh, steps: [{ status: 'SUCCESS' }], clips: 1, titles: ['From The Log'] })
  await page.goto(lib.preview.url)
  await expect(page.getByTestId('clip-row')).toHaveCount(2)

  const log = [
    `2026-12-01T10:00:00Z POST /suno/submit/music -> {"code":"success","data":"${fresh}"}`,
    `2026-12-01T10:00:05Z again ${lib.taskIds[0]} and ${fresh.toUpperCase()}`
  ].join('\n')
  await dropFiles(page, [{ name: 'generate.log', type: '', text: log }])
  await expect(page.getByTestId('file-drop-notice')).toHaveText(
    /Added 1 task id from generate\.log \(1 already known\)\./
  )
  await waitForState('the dropped task to be known', async () => {
    const tasks = await callPreview(lib.preview, 'listTasks')
    return tasks.some((task) => task.id === fresh) ? true : null
  })
  await expect(page.getByTestId('clip-row').filter({ hasText: 'From The Log' })).toBeVisible({
    timeout: 30_000
  })

  // Audio opens the import preview (import-preview.spec.ts); anything else is explained.
  await dropFiles(page, [{ name: 'cover.png', type: 'image/png', text: 'png' }])
  await expect(page.getByTestId('file-drop-notice')).toContainText('neither text nor audio')
})
