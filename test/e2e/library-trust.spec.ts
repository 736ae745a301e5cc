import { expect, test, type Locator, type Page } from '@playwright/test'
import { seedLibrary, type SeededLibrary } from './support/seed'

// Issue 13's library defects, each driven the way a new user met it: a real core behind
// `preview:web`, a simulated gateway, real downloads, Chromium.

let lib: SeededLibrary

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  lib = await seedLibrary([
    { titles: ['Thunder Road', 'Thunder Road'], tags: 'rock, anthem', model: 'chirp-v4' },
    { titles: ['Neon Rain', 'Neon Rain II'], tags: 'lo-fi, piano', model: 'chirp-v3-5' },
    { titles: ['Paper Moon', 'Paper Moon (acoustic)'], tags: 'folk', model: 'chirp-v4-5' }
  ])
})

test.afterAll(async () => {
  await lib?.stop()
})

function rows(page: Page): Locator {
  return page.getByTestId('clip-row')
}

async function openLibrary(page: Page): Promise<void> {
  await page.goto(lib.preview.url)
  await expect(rows(page)).toHaveCount(6)
}

test('a query with no results does not leave the library stuck at 0 (defect 1)', async ({
  page
}) => {
  await openLibrary(page)
  const search = page.locator('#library-search')
  await search.fill('thunder')
  await expect(rows(page)).toHaveCount(2)
  await search.fill('thunderx')
  await expect(page.getByTestId('library-no-match')).toBeVisible()
  await search.fill('thunder')
  await expect(rows(page)).toHaveCount(2)
  await search.fill('thunderx')
  await expect(page.getByTestId('library-no-match')).toBeVisible()
  await search.fill('')
  await expect(rows(page)).toHaveCount(6)
  await expect(search).toBeVisible()

  // Favourites (none yet) on and off.
  await page.getByTestId('filter-favorites').click()
  await expect(page.getByTestId('library-no-match')).toBeVisible()
  await page.getByTestId('filter-favorites').click()
  await expect(rows(page)).toHaveCount(6)
  await expect(page.getByTestId('library-count')).toHaveText('6 clips')
})
