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

function rowTitled(page: Page, title: string): Locator {
  return rows(page).filter({ has: page.locator('.title-text').getByText(title, { exact: true }) })
}

test('one click selects without a bulk bar and moves no row (defect 2)', async ({ page }) => {
  await openLibrary(page)
  const row = rowTitled(page, 'Paper Moon')
  const before = await row.boundingBox()
  await row.click()
  await expect(page.getByTestId('clip-detail').getByRole('heading', { level: 2 })).toHaveText(
    'Paper Moon'
  )
  await expect(page.getByTestId('selection-bar')).toHaveCount(0)
  expect((await row.boundingBox())?.y).toBe(before?.y)
  // Two selected clips bring the bulk actions.
  await rowTitled(page, 'Neon Rain').click({ modifiers: ['ControlOrMeta'] })
  await expect(page.getByTestId('selection-bar')).toContainText('2 selected')
})

for (const size of [
  { width: 1280, height: 800 },
  { width: 900, height: 700 }
]) {
  test(`double-click plays the song under the pointer at ${size.width}×${size.height} (defect 2)`, async ({
    page
  }) => {
    await page.setViewportSize(size)
    await openLibrary(page)
    for (const title of ['Paper Moon (acoustic)', 'Neon Rain II']) {
      await rowTitled(page, title).dblclick()
      await expect(page.getByTestId('player-title')).toContainText(title)
    }
    // The cover grid reflows when the panel opens; the double-clicked card still plays.
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Covers' }).click()
    const card = page
      .getByTestId('clip-card')
      .filter({ has: page.locator('.card-title', { hasText: /^\s*Paper Moon\s*$/ }) })
    await card.dblclick()
    await expect(page.getByTestId('player-title')).toContainText('Paper Moon')
    await expect(page.getByTestId('player-title')).not.toContainText('acoustic')
    await page.getByRole('button', { name: 'List' }).click()
  })
}
