import { expect, test, type Page } from '@playwright/test'
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { bigLibraryTitle, seedBigLibrary } from './support/big-library'
import { startPreview, tempDirs, type RunningPreview } from './support/preview'
import { callPreview } from './support/seed'

// Issues 13 and 14 §3: Play all / Shuffle all on a view of any size, double-click plays the
// whole view from the row, and the queue is held by reference in the index: it survives a
// reload and never reaches localStorage. A real core behind `preview:web`, Chromium, a
// library of 1,200 clips (more than the renderer ever loads at once) with real audio.

const CLIPS = 1200
let preview: RunningPreview
let dirs: { dataDir: string; libraryDir: string }

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  dirs = tempDirs()
  await seedBigLibrary(dirs, CLIPS)
  preview = await startPreview(dirs)
})
test.afterAll(async () => {
  await preview?.stop()
  rmSync(dirname(dirs.dataDir), { recursive: true, force: true })
})

async function openLibrary(page: Page): Promise<void> {
  await page.goto(preview.url)
  await expect(page.getByTestId('clip-row').first()).toContainText(bigLibraryTitle(0))
}

const nowPlaying = (page: Page): ReturnType<Page['getByTestId']> => page.getByTestId('player-title')

test('Play all plays the whole view by reference; the queue survives a reload', async ({
  page
}) => {
  await openLibrary(page)
  await page.getByTestId('play-all').click()
  await expect(nowPlaying(page)).toHaveText(bigLibraryTitle(0))
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
  await page.getByRole('button', { name: 'Next', exact: true }).click()
  await expect(nowPlaying(page)).toHaveText(bigLibraryTitle(1))

  // The queue panel holds all 1,200 and shows the last one when scrolled to the end.
  await page.getByRole('button', { name: 'Queue', exact: true }).click()
  const panel = page.getByTestId('queue-panel')
  await expect(panel).toContainText(/1,?200 songs/)
  await panel.locator('.queue-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(panel).toContainText(bigLibraryTitle(CLIPS - 1))

  // The core has it, not localStorage.
  const state = await callPreview(preview, 'getQueue')
  expect(state).toMatchObject({ length: CLIPS, index: 1, source: { kind: 'library' } })
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }))
  expect(stored).not.toContain(bigLibraryTitle(1))

  await page.getByRole('button', { name: 'Pause' }).click()
  await page.reload()
  await expect(nowPlaying(page)).toHaveText(bigLibraryTitle(1))
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
})

test('double-click plays the view from that row, filtered like the view', async ({ page }) => {
  await openLibrary(page)
  await page.locator('#library-search').fill('jazz')
  // Style "jazz" is every third song: 0, 3, 6, …
  const third = page.getByTestId('clip-row').nth(2)
  await expect(third).toContainText(bigLibraryTitle(6))
  await third.dblclick()
  await expect(nowPlaying(page)).toHaveText(bigLibraryTitle(6))
  await page.getByRole('button', { name: 'Next', exact: true }).click()
  await expect(nowPlaying(page)).toHaveText(bigLibraryTitle(9))
  const state = await callPreview(preview, 'getQueue')
  expect(state).toMatchObject({ length: CLIPS / 3, index: 3 })
})

test('Shuffle all shuffles every song of the view, starting at once', async ({ page }) => {
  await openLibrary(page)
  await page.getByTestId('shuffle-all').click()
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Shuffle', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true'
  )
  const state = await callPreview(preview, 'getQueue')
  expect(state).toMatchObject({ length: CLIPS, shuffle: true, index: 0 })
  const window = await callPreview(preview, 'queueWindow', { offset: 0, limit: 50 })
  const titles = window.entries.map((e) => e.clip.title)
  expect(new Set(titles).size).toBe(50)
  expect(titles).not.toEqual(Array.from({ length: 50 }, (_, i) => bigLibraryTitle(i)))
})

test('the context menu: play next, add to queue, add to playlist, by mouse and by keyboard', async ({
  page
}) => {
  const mix = await callPreview(preview, 'createPlaylist', { name: 'Road mix' })
  await openLibrary(page)
  await page.getByTestId('play-all').click()
  await expect(nowPlaying(page)).toHaveText(bigLibraryTitle(0))
  const menu = page.getByTestId('context-menu')
  const row = (i: number): ReturnType<Page['getByTestId']> =>
    page.getByTestId('clip-row').filter({ hasText: bigLibraryTitle(i) })

  // Keyboard: the row under the cursor, Shift+F10, arrows, Enter.
  await row(5).click()
  await page.keyboard.press('Shift+F10')
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('menuitem', { name: 'Play', exact: true })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Play next' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menu).toHaveCount(0)
  // Mouse: right-click, Add to queue (after the one added with Play next).
  await row(7).click({ button: 'right' })
  await menu.getByRole('menuitem', { name: 'Add to queue' }).click()
  await expect
    .poll(async () => {
      const win = await callPreview(preview, 'queueWindow', { offset: 0, limit: 4 })
      return win.entries.map((e) => `${e.clip.title}${e.explicit ? '*' : ''}`)
    })
    .toEqual([
      bigLibraryTitle(0),
      `${bigLibraryTitle(5)}*`,
      `${bigLibraryTitle(7)}*`,
      bigLibraryTitle(1)
    ])

  // Escape and a click elsewhere close it.
  await row(2).click({ button: 'right' })
  await expect(menu).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await row(2).click({ button: 'right' })
  await page.getByRole('heading', { name: 'Library', level: 1 }).click()
  await expect(menu).toHaveCount(0)

  // Add to playlist ▸ Road mix.
  await row(3).click({ button: 'right' })
  await menu.getByRole('menuitem', { name: /Add to playlist/ }).click()
  await menu.getByRole('menuitem', { name: 'Road mix' }).click()
  await expect.poll(() => callPreview(preview, 'playlistClipIds', { id: mix.id })).toHaveLength(1)

  // A queue entry has a menu too: remove it from the queue.
  await page.getByRole('button', { name: 'Queue', exact: true }).click()
  const panel = page.getByTestId('queue-panel')
  await panel.locator('[data-queue-index="1"]').click({ button: 'right' })
  await menu.getByRole('menuitem', { name: 'Remove from queue' }).click()
  await expect(panel.locator('[data-queue-index="1"]')).toContainText(bigLibraryTitle(7))
})
