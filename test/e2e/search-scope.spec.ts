import { expect, test, type Locator, type Page } from '@playwright/test'
import { seedLibrary, type SeededLibrary } from './support/seed'

// A search looks at titles, styles, prompts and tags first (issue 14 §2: lyrics are most of
// the search index) and says so, with a way to search the lyrics too; a word found only in
// lyrics is still found. Lyric matches are never hidden silently.

let lib: SeededLibrary

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  lib = await seedLibrary([
    {
      titles: ['Thunder Road', 'Thunder Road II'],
      tags: 'rock',
      video: false,
      lyrics: '[Verse]\nOpen highway under a wide sky'
    },
    {
      titles: ['Quiet Harbor', 'Quiet Harbor II'],
      tags: 'ambient',
      video: false,
      lyrics: '[Verse]\nThunder rolling over the bay'
    }
  ])
})

test.afterAll(async () => {
  await lib?.stop()
})

const rows = (page: Page): Locator => page.getByTestId('clip-row')
const titles = async (page: Page): Promise<string[]> =>
  (await rows(page).locator('.title-text').allTextContents()).sort()

test('title matches first, with the lyrics one click away', async ({ page }) => {
  await page.goto(lib.preview.url)
  await expect(rows(page)).toHaveCount(4)
  await page.locator('#library-search').fill('thunder')
  await expect(rows(page)).toHaveCount(2)
  expect(await titles(page)).toEqual(['Thunder Road', 'Thunder Road II'])
  const note = page.getByTestId('search-scope-note')
  await expect(note).toContainText('match in their title, style, prompt or tags')
  await note.getByRole('button', { name: 'Search the lyrics too' }).click()
  await expect(rows(page)).toHaveCount(4)
  await expect(note).toBeHidden()
  // The choice lasts while the search is edited (cleanFilter drops it with the search).
  await page.locator('#library-search').fill('thunde')
  await expect(rows(page)).toHaveCount(4)
  await expect(note).toBeHidden()
})

test('a word only in lyrics is found there, without the note', async ({ page }) => {
  await page.goto(lib.preview.url)
  await expect(rows(page)).toHaveCount(4)
  await page.locator('#library-search').fill('bay')
  await expect(rows(page)).toHaveCount(2)
  expect(await titles(page)).toEqual(['Quiet Harbor', 'Quiet Harbor II'])
  await expect(page.getByTestId('search-scope-note')).toBeHidden()
})
