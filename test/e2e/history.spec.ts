import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { callPreview, seedLibrary, type SeededLibrary } from './support/seed'

// The listening history through the real player and core (issue 15): a song left after a
// second is a skip that does not count, a song heard to its end counts, both show in
// "Recently played", and clearing (after a confirmation) empties it.

const FIXTURES = resolve(import.meta.dirname, '../fixtures')
let lib: SeededLibrary

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  lib = await seedLibrary([
    {
      titles: ['Long Walk', 'Short Hop'],
      durations: [90, 2],
      video: false,
      media: [
        { audio: readFileSync(resolve(FIXTURES, 'long.mp3')) },
        { audio: readFileSync(resolve(FIXTURES, 'tiny.mp3')) }
      ]
    }
  ])
})

test.afterAll(async () => {
  await lib?.stop()
})

const rowTitled = (page: Page, title: string): Locator =>
  page
    .getByTestId('clip-row')
    .filter({ has: page.locator('.title-text').getByText(title, { exact: true }) })
const audioTime = (page: Page): Promise<number> =>
  page.getByTestId('player-audio').evaluate((el) => (el as HTMLAudioElement).currentTime)

async function plays(title: string): Promise<number | undefined> {
  const page = await callPreview(lib.preview, 'queryLibrary', { limit: 10 })
  return page.rows.find((row) => row.title === title)?.plays
}

test('a skip is kept but not counted, a finish counts, and the history can be cleared', async ({
  page
}) => {
  await page.goto(lib.preview.url)
  await rowTitled(page, 'Long Walk').dblclick()
  await expect(page.getByTestId('player-title')).toHaveText('Long Walk')
  await expect.poll(() => audioTime(page)).toBeGreaterThan(0.3)
  // Leave it for the short one, which then plays to its end.
  await rowTitled(page, 'Short Hop').dblclick()
  await expect.poll(() => plays('Short Hop'), { timeout: 30_000 }).toBe(1)
  expect(await plays('Long Walk')).toBe(0)

  await page.getByRole('navigation').getByRole('button', { name: 'Recently played' }).click()
  const entries = page.getByTestId('history-entry')
  await expect(entries.first()).toHaveAttribute('data-kind', 'finish')
  await expect(entries.first()).toHaveAttribute('data-counted', 'true')
  await expect(entries.first()).toContainText('Short Hop')
  await expect(entries.first()).toContainText('Played to the end')
  const skip = entries.filter({ hasText: 'Long Walk' }).first()
  await expect(skip).toHaveAttribute('data-kind', 'skip')
  await expect(skip).toHaveAttribute('data-counted', 'false')
  await expect(skip).toContainText('Skipped after')

  await page.getByRole('button', { name: 'Clear history…' }).click()
  const dialog = page.getByTestId('clear-history-dialog')
  // Cancel keeps everything.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(entries.first()).toBeVisible()
  await page.getByRole('button', { name: 'Clear history…' }).click()
  await dialog.getByLabel('Also set every play count back to 0').check()
  await dialog.getByRole('button', { name: 'Clear history' }).click()
  await expect(page.getByText('Nothing played yet.')).toBeVisible()
  await expect.poll(() => plays('Short Hop')).toBe(0)
})
