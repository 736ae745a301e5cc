import { expect, test, type Locator, type Page } from '@playwright/test'
import { callPreview, seedLibrary, type SeededLibrary } from './support/seed'

// Issue 13, "tell the two takes apart": the user renames a clip and adds a note in the
// detail panel. The gateway's title stays (shown as "Original title: …"); the list shows
// the new title, search finds it and the note, and both survive a reload. Real core
// behind `preview:web`, Chromium.

let lib: SeededLibrary
let takeTwo: string

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  lib = await seedLibrary([
    { id: 'task_e2e_rename', titles: ['Harbour Lights', 'Harbour Lights'], takes: true }
  ])
  const rows = (await callPreview(lib.preview, 'queryLibrary', {})).rows
  const found = rows.find((row) => row.take === 2)
  if (found === undefined) throw new Error('no take 2 seeded')
  takeTwo = found.id
})

test.afterAll(async () => {
  await lib?.stop()
})

const rowOf = (page: Page, id: string): Locator =>
  page.locator(`[data-testid="clip-row"][data-clip-id="${id}"]`)

async function openTakeTwo(page: Page): Promise<Locator> {
  await page.goto(lib.preview.url)
  await page.getByTestId('clip-row').filter({ hasText: 'take 2/2' }).click()
  const detail = page.getByTestId('clip-detail')
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Harbour Lights')
  await expect(detail).toContainText('take 2/2')
  return detail
}

test('renaming in the detail: the row shows the new title, search finds it, a reload keeps it', async ({
  page
}) => {
  const detail = await openTakeTwo(page)
  await detail.getByRole('heading', { level: 2 }).click()
  const input = detail.getByTestId('clip-title-input')
  await expect(input).toBeFocused()
  await input.fill('Harbour Lights (slow one)')
  await input.press('Enter')
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Harbour Lights (slow one)')
  await expect(detail.getByTestId('clip-original')).toHaveText('Original title: Harbour Lights')
  await expect(page.getByTestId('undo-toast')).toContainText('Renamed')
  const rows = page.getByTestId('clip-row')
  await expect(rows.filter({ hasText: 'Harbour Lights (slow one)' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'Harbour Lights (slow one)' })).toContainText('take 2/2')

  await page.getByRole('searchbox').fill('slow')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Harbour Lights (slow one)')
  // The gateway's title still finds both takes.
  await page.getByRole('searchbox').fill('harbour')
  await expect(rows).toHaveCount(2)

  await page.reload()
  await expect(page.getByTestId('clip-row').filter({ hasText: '(slow one)' })).toHaveCount(1)
  const stored = await callPreview(lib.preview, 'getClip', { id: takeTwo })
  expect(stored).toMatchObject({
    title: 'Harbour Lights (slow one)',
    originalTitle: 'Harbour Lights'
  })
})

test('Escape cancels a rename and keeps the panel open; an empty title puts the original back', async ({
  page
}) => {
  await page.goto(lib.preview.url)
  await page.getByTestId('clip-row').filter({ hasText: '(slow one)' }).click()
  const detail = page.getByTestId('clip-detail')
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Harbour Lights (slow one)')
  await page.keyboard.press('F2')
  const input = detail.getByTestId('clip-title-input')
  await expect(input).toBeFocused()
  await input.fill('Something else')
  await input.press('Escape')
  await expect(detail).toBeVisible()
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Harbour Lights (slow one)')

  // "Rename…" in the context menu starts the same edit.
  await rowOf(page, takeTwo).click({ button: 'right' })
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Rename…' }).click()
  await expect(input).toBeFocused()
  await input.fill('')
  await input.press('Enter')
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Harbour Lights')
  await expect(detail.getByTestId('clip-original')).toHaveCount(0)
  await expect(page.getByTestId('clip-row').filter({ hasText: 'Harbour Lights' })).toHaveCount(2)
})

test('a note is saved when the field is left, says so, is found by search and survives a reload', async ({
  page
}) => {
  const detail = await openTakeTwo(page)
  const note = detail.getByTestId('clip-note')
  await note.fill('Brighter mix.\nUse this one for the album.')
  await page.keyboard.press('Tab')
  await expect(detail.getByTestId('clip-note-status')).toHaveText('Saved')

  await page.getByRole('searchbox').fill('brighter')
  const rows = page.getByTestId('clip-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('take 2/2')

  await page.reload()
  await page.getByTestId('clip-row').filter({ hasText: 'take 2/2' }).click()
  await expect(page.getByTestId('clip-note')).toHaveValue(
    'Brighter mix.\nUse this one for the album.'
  )
  // Ctrl+Enter saves too.
  await page.getByTestId('clip-note').fill('Second thoughts')
  await page.getByTestId('clip-note').press('Control+Enter')
  await expect(page.getByTestId('clip-note-status')).toHaveText('Saved')
  expect((await callPreview(lib.preview, 'getClip', { id: takeTwo }))?.note).toBe('Second thoughts')
})
