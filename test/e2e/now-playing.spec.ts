import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { seedLibrary, type SeededLibrary } from './support/seed'

// The now-playing view through the real player (issue 15): the lyrics' section follows
// the position by proportion (and says it is not word-timed), a seek moves it, the queue
// is beside it, and the playing clip's family can be played.

const FIXTURES = resolve(import.meta.dirname, '../fixtures')
const LYRICS = [
  '[Verse 1]\nStreetlights hum\nTaxis run',
  '[Chorus]\nHold the night\nHold it tight',
  '[Verse 2]\nMorning comes\nQuiet drums',
  '[Outro]\nFade away\nEnd of day'
].join('\n\n')
let lib: SeededLibrary

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  const long = readFileSync(resolve(FIXTURES, 'long.mp3'))
  lib = await seedLibrary([
    {
      titles: ['Harbour Lights', 'Harbour Lights'],
      durations: [90, 90],
      lyrics: LYRICS,
      tags: 'dream pop, female vocals',
      model: 'chirp-v4',
      video: false,
      media: [{ audio: long }, { audio: long }]
    }
  ])
})

test.afterAll(async () => {
  await lib?.stop()
})

async function clickSlider(slider: Locator, fraction: number): Promise<void> {
  const box = await slider.boundingBox()
  if (!box) throw new Error('slider not visible')
  await slider.page().mouse.click(box.x + box.width * fraction, box.y + box.height / 2)
}
const currentSection = (page: Page): Locator =>
  page.locator('[data-testid="lyrics-section"][aria-current="true"]')
const audioTime = (page: Page): Promise<number> =>
  page.getByTestId('player-audio').evaluate((el) => (el as HTMLAudioElement).currentTime)

test('the highlighted section follows a seek, the queue sits beside, the family plays', async ({
  page
}) => {
  await page.goto(lib.preview.url)
  await page.getByTestId('clip-row').first().dblclick()
  await expect.poll(() => audioTime(page)).toBeGreaterThan(0.2)

  await page.getByRole('navigation').getByRole('button', { name: 'Now playing' }).click()
  const view = page.getByTestId('now-playing')
  await expect(view.getByTestId('now-playing-title')).toContainText('Harbour Lights')
  await expect(view).toContainText('dream pop, female vocals')
  await expect(view).toContainText('follows sections, not word-timed')
  await expect(page.getByTestId('lyrics-section')).toHaveCount(4)
  await expect(currentSection(page)).toHaveAttribute('data-section', '0')
  await expect(currentSection(page)).toContainText('Verse 1')

  // 60 % of four equal sections is in the third.
  await clickSlider(page.getByTestId('seek-slider'), 0.6)
  await expect.poll(() => audioTime(page)).toBeGreaterThan(48)
  await expect(currentSection(page)).toHaveAttribute('data-section', '2')
  await expect(currentSection(page)).toContainText('Verse 2')

  // The queue beside it holds what was played from the list.
  await expect(view.getByTestId('queue-panel')).toBeVisible()
  await expect(view.getByTestId('queue-panel')).toContainText('Harbour Lights')

  // Its family: this take and the other one from the same generate call.
  const family = view.getByTestId('now-playing-family')
  await expect(family).toContainText('2 songs')
  await family.getByRole('button', { name: 'Play the whole family' }).click()
  await expect(currentSection(page)).toHaveAttribute('data-section', '0')
  await expect(view.getByTestId('queue-panel')).toContainText('2 songs')
})

test('the mini player keeps only the song and its controls, and playback goes on', async ({
  page
}) => {
  await page.goto(lib.preview.url)
  await page.getByTestId('clip-row').first().dblclick()
  await expect.poll(() => audioTime(page)).toBeGreaterThan(0.2)

  await page.getByRole('navigation').getByRole('button', { name: 'Mini player' }).click()
  const mini = page.getByTestId('mini-player')
  await expect(mini.getByTestId('mini-title')).toContainText('Harbour Lights')
  await expect(page.getByRole('navigation')).toHaveCount(0)
  const bar = page.getByTestId('player-bar')
  await expect(bar.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect(bar.getByRole('button', { name: 'Next' })).toBeVisible()
  await expect(bar.getByTestId('seek-slider')).toBeVisible()
  const before = await audioTime(page)
  await expect.poll(() => audioTime(page)).toBeGreaterThan(before + 0.3)

  await mini.getByRole('button', { name: 'Back to the full window' }).click()
  await expect(page.getByRole('navigation')).toBeVisible()
  const after = await audioTime(page)
  await expect.poll(() => audioTime(page)).toBeGreaterThan(after + 0.3)
})
