import { expect, test, type Locator, type Page } from '@playwright/test'
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { callPreview, seedLibrary, waitForState, type SeededLibrary } from './support/seed'

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
  // A generation that failed: the gateway still lists its two clips, with status error.
  lib.sim.addTask({
    id: 'task_e2efail1',
    titles: ['夜の海', '夜の海'],
    steps: [{ status: 'FAILURE' }],
    fail: '内容审核未通过'
  })
  await callPreview(lib.preview, 'addTasks', { text: 'task_e2efail1' })
  await waitForState('the failed generation in the index', async () => {
    const page = await callPreview(lib.preview, 'queryLibrary', { generationFailed: true })
    return page.total === 2 ? page : null
  })
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

/** List or Covers: a toolbar button, or at narrow widths an item of its "More" menu. */
async function chooseLayout(page: Page, name: 'List' | 'Covers'): Promise<void> {
  const button = page.getByRole('button', { name, exact: true })
  if (await button.isVisible()) return button.click()
  await page.getByTestId('toolbar-more').click()
  await page.getByRole('menuitemradio', { name, exact: true }).click()
}

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
    await chooseLayout(page, 'Covers')
    const card = page
      .getByTestId('clip-card')
      .filter({ has: page.locator('.card-title .title-text', { hasText: /^\s*Paper Moon\s*$/ }) })
    await card.dblclick()
    await expect(page.getByTestId('player-title')).toContainText('Paper Moon')
    await expect(page.getByTestId('player-title')).not.toContainText('acoustic')
    await chooseLayout(page, 'List')
  })
}

test('a failed generation is one label, hidden by default, with no file actions (defect 5)', async ({
  page
}) => {
  await openLibrary(page)
  await expect(page.getByTestId('library-count')).toHaveText('6 clips')
  await expect(page.getByText('夜の海')).toHaveCount(0)
  await page.getByTestId('filter-generation-failed').click()
  await expect(rows(page)).toHaveCount(2)
  await expect(rows(page).first().getByTestId('state-badge')).toHaveText('Generation failed')
  await expect(page.getByText('Download failed')).toHaveCount(0)
  await rows(page).first().click()
  const panel = page.getByTestId('clip-detail')
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('夜の海')
  for (const name of ['Play', 'Show in folder', 'Export']) {
    await expect(panel.getByRole('button', { name, exact: true })).toHaveCount(0)
  }
  await page.getByRole('button', { name: 'Covers' }).click()
  await expect(page.getByTestId('clip-card').first().getByTestId('state-badge')).toHaveText(
    'Generation failed'
  )
  await page.getByRole('button', { name: 'List', exact: true }).click()
  await page.getByTestId('filter-generation-failed').click()
  await expect(rows(page)).toHaveCount(6)
})

test('clips without audio stay out of the queue and a missing file is skipped (defect 4)', async ({
  page
}) => {
  await openLibrary(page)
  // Title order: Neon Rain, Neon Rain II, Paper Moon… Neon Rain II's file is gone.
  await page.getByRole('button', { name: 'Title' }).click()
  await expect(rows(page).first()).toContainText('Neon Rain')
  const files = readdirSync(lib.dirs.libraryDir, { recursive: true, encoding: 'utf8' })
  const gone = files.filter((f) => /Neon Rain II.*\.mp3$/.test(f))
  expect(gone).toHaveLength(1)
  rmSync(join(lib.dirs.libraryDir, gone[0] as string))
  await rowTitled(page, 'Neon Rain').dblclick()
  await expect(page.getByTestId('player-title')).toContainText('Neon Rain')
  // The 2 s song ends, the next one cannot be played, and Paper Moon plays on.
  await expect(page.getByTestId('player-title')).toContainText('Paper Moon', { timeout: 30_000 })
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-label', 'Pause')
  // Playing the failed generations changes nothing and shows no error.
  await page.getByTestId('filter-generation-failed').click()
  await expect(rows(page)).toHaveCount(2)
  await rows(page).first().dblclick()
  await expect(page.getByTestId('clip-detail').getByRole('heading', { level: 2 })).toHaveText(
    '夜の海'
  )
  await expect(page.getByTestId('player-title')).toContainText('Paper Moon')
  await expect(page.getByTestId('player-bar').getByRole('alert')).toHaveCount(0)
  await page.getByTestId('filter-generation-failed').click()
  await expect(rows(page)).toHaveCount(6)
})

test('time words for the past never read as the future (defect 7)', async ({ page }) => {
  // The page's clock an hour behind the core's: every timestamp the core sent is "newer"
  // than the label's now, as it is for up to 5 s with the real refresh.
  await page.clock.setFixedTime(Date.now() - 3_600_000)
  await page.goto(lib.preview.url)
  await page.getByRole('button', { name: 'Tasks' }).click()
  const added = page.locator('.task-added')
  await expect(added.first()).toBeVisible()
  for (const text of await added.allTextContents()) expect(text).toBe('added now')
  await expect(page.getByText(/last checked in /)).toHaveCount(0)
})

test('Escape closes the detail panel wherever focus is (defect 10)', async ({ page }) => {
  await openLibrary(page)
  const panel = page.getByTestId('clip-detail')
  // Focus in the list (the clicked row).
  await rowTitled(page, 'Neon Rain').click()
  await expect(panel).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  // Focus on the page itself, after opening from the list and clicking the toolbar.
  await rowTitled(page, 'Neon Rain').click()
  await expect(panel).toBeVisible()
  await page.getByRole('heading', { name: 'Library', level: 1 }).click()
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  // Focus in the (empty) search box.
  await rowTitled(page, 'Neon Rain').click()
  await expect(panel).toBeVisible()
  await page.locator('#library-search').focus()
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
})
