import { randomUUID } from 'node:crypto'
import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { startSimulator, type Simulator } from '../support/sim-gateway'
import { startPreview, tempDirs, type RunningPreview } from './support/preview'

// A real song plays and seeks; a real video seeks through Range requests (seek.mp4 keeps
// its moov atom at the end, so a player that cannot do Range cannot seek it); keyboard-only
// play and search. Media come from the simulator's CDN, through the real downloader, into
// the library, and are served by the real media handler.

let sim: Simulator
let preview: RunningPreview
const TASK = randomUUID()
const TITLE = 'Long Night Drive'

/** The simulator serves `tiny.*` from its fixtures folder: point them at the 90 s files. */
function longFixtures(): string {
  const from = resolve(import.meta.dirname, '../fixtures')
  const dir = mkdtempSync(join(tmpdir(), 'songshelf-e2e-media-'))
  copyFileSync(join(from, 'long.mp3'), join(dir, 'tiny.mp3'))
  copyFileSync(join(from, 'seek.mp4'), join(dir, 'tiny.mp4'))
  copyFileSync(join(from, 'cover.jpg'), join(dir, 'cover.jpg'))
  return dir
}

test.beforeAll(async () => {
  sim = await startSimulator({ fixturesDir: longFixtures() })
  sim.addTask({ id: TASK, steps: [{ status: 'SUCCESS' }], clips: 1, titles: [TITLE] })
  preview = await startPreview({ ...tempDirs(), baseUrl: sim.gatewayUrl, key: sim.apiKey })
})
test.afterAll(async () => {
  await preview?.stop()
  await sim?.close()
})

async function addAndWait(page: Page): Promise<void> {
  await page.goto(preview.url)
  await page.getByRole('navigation').getByRole('button', { name: 'Tasks' }).click()
  await page.getByLabel('Add task ids').fill(TASK)
  await page.getByRole('button', { name: /^Add 1 task/ }).click()
  await expect(
    page.locator(`[data-testid="task-item"][data-task-id="${TASK}"] [data-testid="task-phase"]`)
  ).toHaveText('Done', { timeout: 30_000 })
  await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click()
}

/** The library feature's way in: select the clip, then Play in its detail panel. */
async function playFromLibrary(page: Page): Promise<void> {
  await page.getByTestId('clip-row').filter({ hasText: TITLE }).click()
  await page.getByTestId('clip-detail').getByRole('button', { name: 'Play', exact: true }).click()
}

const mediaTime = (page: Page, selector: string): Promise<number> =>
  page.locator(selector).evaluate((el) => (el as HTMLMediaElement).currentTime)

/** Clicks the range input at a fraction of its width, like a user would. */
async function clickSlider(slider: Locator, fraction: number): Promise<void> {
  const box = await slider.boundingBox()
  if (!box) throw new Error('slider not visible')
  await slider.page().mouse.click(box.x + box.width * fraction, box.y + box.height / 2)
}

test('a song plays, the seek bar moves it, and its video seeks within half a second', async ({
  page
}) => {
  await addAndWait(page)
  await playFromLibrary(page)
  const bar = page.getByTestId('player-bar')
  await expect(bar.getByTestId('player-title')).toHaveText(TITLE)
  await expect(bar.getByRole('button', { name: 'Pause' })).toBeVisible()

  // currentTime advances: it really plays.
  await expect.poll(() => mediaTime(page, 'audio'), { timeout: 15_000 }).toBeGreaterThan(1)
  await expect(bar.getByTestId('player-duration')).toHaveText('1:30')

  // The seek bar moves the real element (the media handler answers Range requests).
  await clickSlider(bar.getByTestId('seek-slider'), 0.5)
  await expect.poll(() => mediaTime(page, 'audio')).toBeGreaterThan(40)
  const afterSeek = await mediaTime(page, 'audio')
  expect(afterSeek).toBeLessThan(52)
  await expect
    .poll(() => mediaTime(page, 'audio'), { timeout: 10_000 })
    .toBeGreaterThan(afterSeek + 0.5)
  await expect(bar.getByTestId('player-position')).toHaveText(/^0:4\d|^0:5\d/)

  // Video mode: the same clip's mp4 in the panel, from where the song was.
  await bar.getByTestId('video-toggle').click()
  const video = page.getByTestId('player-video')
  await expect(video).toBeVisible()
  await expect.poll(() => mediaTime(page, 'video'), { timeout: 15_000 }).toBeGreaterThan(40)
  await expect(page.getByRole('button', { name: 'Full screen' })).toBeVisible()

  // Pause, then seek to about two thirds: the frame it lands on is within 0.5 s of the
  // position asked for.
  await bar.getByRole('button', { name: 'Pause' }).click()
  await expect(bar.getByRole('button', { name: 'Play' })).toBeVisible()
  const seeked = video.evaluate(
    (el) => new Promise<void>((done) => el.addEventListener('seeked', () => done(), { once: true }))
  )
  await clickSlider(bar.getByTestId('seek-slider'), 0.7)
  await seeked
  const target = Number(await bar.getByTestId('seek-slider').inputValue())
  const landed = await mediaTime(page, 'video')
  expect(target).toBeGreaterThan(55)
  expect(target).toBeLessThan(70)
  expect(Math.abs(landed - target)).toBeLessThan(0.5)

  // Closing the video goes back to the song, still paused, at the same place.
  await page.getByRole('button', { name: /Close the video/ }).click()
  await expect(video).toHaveCount(0)
  await expect.poll(() => mediaTime(page, 'audio')).toBeGreaterThan(target - 1)
})

test('keyboard only: space plays the remembered queue, "/" searches, ? shows the shortcuts', async ({
  page
}) => {
  await addAndWait(page)
  await playFromLibrary(page)
  await expect(page.getByTestId('player-bar').getByRole('button', { name: 'Pause' })).toBeVisible()

  // After a reload the queue is remembered but nothing plays by itself.
  await page.reload()
  const bar = page.getByTestId('player-bar')
  await expect(bar.getByTestId('player-title')).toHaveText(TITLE)
  await expect(bar.getByRole('button', { name: 'Play' })).toBeVisible()
  expect(await page.locator('audio').evaluate((el) => (el as HTMLMediaElement).paused)).toBe(true)

  await page.locator('body').press('Space')
  await expect(bar.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect.poll(() => mediaTime(page, 'audio'), { timeout: 15_000 }).toBeGreaterThan(0.5)
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Space')
  await expect(bar.getByRole('button', { name: 'Play' })).toBeVisible()

  await page.getByRole('navigation').getByRole('button', { name: 'Tasks' }).click()
  await page.locator('body').click({ position: { x: 600, y: 5 } })
  await page.keyboard.press('/')
  await expect(page.locator('#library-search')).toBeFocused()
  await page.keyboard.type('Night')
  await expect(page.locator('#library-search')).toHaveValue('Night')
  // Typing in the search box is not a shortcut: the player stayed paused.
  await expect(bar.getByRole('button', { name: 'Play' })).toBeVisible()

  await page.locator('#library-search').press('Escape')
  await page.locator('body').click({ position: { x: 600, y: 5 } })
  await page.keyboard.press('Shift+?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
})
