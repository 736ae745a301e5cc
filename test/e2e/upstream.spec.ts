import { expect, test, type Locator, type Page } from '@playwright/test'
import { seedLibrary, type SeededLibrary } from './support/seed'

// Issue 16 in Chromium against the real core: upstream `has_vocal: false` becomes the
// Instrumental facet, and `video_cover_url` an animated cover played from the library
// folder as the grid's hover preview and in the clip detail.

let lib: SeededLibrary

test.describe.configure({ mode: 'serial' })

const LOOP = 'Harbour Lights (piano)'

test.beforeAll(async () => {
  lib = await seedLibrary([
    { titles: ['Harbour Lights', LOOP], instrumental: [1], videoCover: [1] },
    { titles: ['Neon Rain', 'Neon Rain II'], instrumental: [] }
  ])
})

test.afterAll(async () => {
  await lib?.stop()
})

const rows = (page: Page): Locator => page.getByTestId('clip-row')

async function openLibrary(page: Page): Promise<void> {
  await page.goto(lib.preview.url)
  await expect(rows(page)).toHaveCount(4)
}

async function layout(page: Page, name: 'List' | 'Covers'): Promise<void> {
  await page.getByRole('group', { name: 'Layout' }).getByRole('button', { name }).click()
}

/** Resolves once the video has decoded frames (HAVE_CURRENT_DATA or better). */
async function expectPlaying(video: Locator): Promise<void> {
  await expect
    .poll(() => video.evaluate((v) => (v as HTMLVideoElement).readyState), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(2)
  expect(await video.evaluate((v) => (v as HTMLVideoElement).muted)).toBe(true)
}

test('the Instrumental facet counts and filters the clips upstream marked without vocals', async ({
  page
}) => {
  await openLibrary(page)
  const facet = page.getByTestId('filter-instrumental')
  await expect(facet.locator('.facet-name')).toHaveText('Instrumental')
  await expect(facet.locator('.facet-count')).toHaveText('1')
  await facet.click()
  await expect(facet).toHaveAttribute('aria-pressed', 'true')
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).locator('.title-text')).toHaveText(LOOP)
  await facet.click()
  await expect(rows(page)).toHaveCount(4)
})

test('the animated cover plays over a grid card on hover and in the detail, from the library folder', async ({
  page
}) => {
  await openLibrary(page)
  lib.sim.clearRequests()
  await layout(page, 'Covers')
  const card = page.getByTestId('clip-card').filter({ hasText: LOOP })
  await card.locator('.card-art').hover()
  const loop = card.getByTestId('animated-cover')
  await expectPlaying(loop)
  expect(await loop.getAttribute('src')).toContain('/video_cover')

  // A card without one keeps its still cover; leaving the card stops the preview.
  const plain = page.getByTestId('clip-card').filter({ hasText: 'Neon Rain II' })
  await plain.locator('.card-art').hover()
  await expect(page.getByTestId('animated-cover')).toHaveCount(0)

  await layout(page, 'List')
  await rows(page).filter({ hasText: LOOP }).click()
  await expectPlaying(page.getByTestId('clip-detail').getByTestId('animated-cover'))
  // Played from the library: nothing was asked of the CDN.
  expect(lib.sim.counts().cdn).toBe(0)
})

test('nothing moves when the system asks for reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await openLibrary(page)
  await rows(page).filter({ hasText: LOOP }).click()
  await expect(page.getByTestId('clip-detail').locator('img.clip-cover')).toBeVisible()
  await layout(page, 'Covers')
  await page.getByTestId('clip-card').filter({ hasText: LOOP }).locator('.card-art').hover()
  await expect(page.getByTestId('animated-cover')).toHaveCount(0)
})

test('the facet and the file kind speak Chinese too', async ({ page }) => {
  await openLibrary(page)
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Language', { exact: true }).selectOption('zh-CN')
  await page.getByRole('navigation').getByRole('button', { name: '曲库' }).click()
  await expect(page.getByTestId('filter-instrumental').locator('.facet-name')).toHaveText('纯音乐')
  await rows(page).filter({ hasText: LOOP }).click()
  await expect(page.getByTestId('clip-files')).toContainText('动态封面')
  // Back to English for whoever opens this data folder next.
  await page.getByRole('navigation').getByRole('button', { name: '设置' }).click()
  await page.getByLabel('语言', { exact: true }).selectOption('en')
})
