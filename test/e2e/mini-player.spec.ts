import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { seedLibrary, type SeededLibrary } from './support/seed'

// The mini player window's page (`?view=mini`, issue 15) in preview:web: a second page of
// the same preview, as the desktop app's always-on-top window loads it. The main page owns
// the audio; the mini page shows what it plays and drives it through the real relay (its
// calls go to the core, the core's event stream reaches both pages). Nothing is mocked.

const FIXTURES = resolve(import.meta.dirname, '../fixtures')
let lib: SeededLibrary

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  const long = readFileSync(resolve(FIXTURES, 'long.mp3'))
  lib = await seedLibrary([
    {
      titles: ['Night Bus', 'Night Bus'],
      durations: [90, 90],
      video: false,
      media: [{ audio: long }, { audio: long }]
    }
  ])
})

test.afterAll(async () => {
  await lib?.stop()
})

const audio = (page: Page): Locator => page.getByTestId('player-audio')
const audioTime = (page: Page): Promise<number> =>
  audio(page).evaluate((el) => (el as HTMLAudioElement).currentTime)
const audioPaused = (page: Page): Promise<boolean> =>
  audio(page).evaluate((el) => (el as HTMLAudioElement).paused)

/** The take as the main window's player bar says it ("take 1/2"). */
async function takeOf(page: Page): Promise<string> {
  const subtitle = (await page.getByTestId('player-subtitle').textContent()) ?? ''
  return subtitle.split(' · ')[0] ?? ''
}

/** The position the mini view shows, in seconds ("0:54 / 1:30" is 54). */
async function shownSec(mini: Page): Promise<number> {
  const text = (await mini.getByTestId('mini-window-time').textContent()) ?? ''
  const [m, s] = (text.split(' / ')[0] ?? '').split(':').map(Number)
  return (m ?? 0) * 60 + (s ?? 0)
}

async function clickSlider(slider: Locator, fraction: number): Promise<void> {
  const box = await slider.boundingBox()
  if (!box) throw new Error('slider not visible')
  await slider.page().mouse.click(box.x + box.width * fraction, box.y + box.height / 2)
}

test('the mini view shows the song the main window plays and its buttons drive it', async ({
  page,
  context
}) => {
  await page.goto(lib.preview.url)
  await page.getByTestId('clip-row').first().dblclick()
  await expect.poll(() => audioTime(page)).toBeGreaterThan(0.2)
  const firstTake = await takeOf(page)

  const mini = await context.newPage()
  await mini.setViewportSize({ width: 360, height: 132 })
  await mini.goto(`${lib.preview.origin}/?view=mini#token=${lib.preview.token}`)
  const view = mini.getByTestId('mini-window')
  await expect(view).toBeVisible()
  // Only the mini view: no sidebar, no player bar, no audio of its own.
  await expect(mini.getByTestId('player-audio')).toHaveCount(0)
  await expect(mini.getByRole('navigation')).toHaveCount(0)
  await expect(mini.getByTestId('mini-window-title')).toContainText('Night Bus')
  await expect(mini.getByTestId('mini-window-take')).toHaveText(firstTake)
  await expect(mini.getByTestId('mini-window-play')).toHaveAttribute('data-playing', 'true')
  await expect(mini.getByTestId('mini-window-play')).toHaveAccessibleName('Pause')
  // The time follows the main window's playback.
  await expect(mini.getByTestId('mini-window-time')).toContainText('/ 1:30')

  // Pause from the mini view: the main window's audio pauses, and the mini view says so.
  await mini.getByTestId('mini-window-play').click()
  await expect.poll(() => audioPaused(page)).toBe(true)
  await expect(mini.getByTestId('mini-window-play')).toHaveAttribute('data-playing', 'false')
  await expect(mini.getByTestId('mini-window-play')).toHaveAccessibleName('Play')

  // Seek from the mini view: the main window's audio moves there.
  await clickSlider(mini.getByTestId('mini-window-seek'), 0.6)
  await expect.poll(() => audioTime(page)).toBeGreaterThan(45)
  await expect.poll(async () => shownSec(mini)).toBeGreaterThan(45)

  // Play again, then Next: the other take plays, in both windows.
  await mini.getByTestId('mini-window-play').click()
  await expect.poll(() => audioPaused(page)).toBe(false)
  await mini.getByTestId('mini-window-next').click()
  await expect.poll(() => takeOf(page)).not.toBe(firstTake)
  await expect(mini.getByTestId('mini-window-take')).toHaveText(await takeOf(page))
  await expect(mini.getByTestId('mini-window-next')).toBeDisabled()

  // Previous from the mini view goes back (a fresh track restarts it or steps back).
  await mini.getByTestId('mini-window-previous').click()
  await expect.poll(() => audioTime(page)).toBeLessThan(10)
  await mini.close()
})

test('the mini view says plainly when nothing is playing, in Chinese too', async ({ context }) => {
  await fetch(`${lib.preview.origin}/api/call/updateSettings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Songshelf-Token': lib.preview.token },
    body: JSON.stringify({ language: 'zh-CN' })
  })
  const mini = await context.newPage()
  try {
    await mini.goto(`${lib.preview.origin}/?view=mini#token=${lib.preview.token}`)
    await expect(mini.getByTestId('mini-window')).toHaveAttribute('aria-label', '迷你播放器')
    await expect(mini.getByTestId('mini-window-back')).toHaveAccessibleName('回到主窗口')
    // No main window is publishing: nothing is playing, and the controls are off.
    await expect(mini.getByTestId('mini-window-title')).toHaveText('未在播放')
    await expect(mini.getByTestId('mini-window-play')).toBeDisabled()
    await expect(mini.getByTestId('mini-window-seek')).toBeDisabled()
  } finally {
    await mini.close()
    await fetch(`${lib.preview.origin}/api/call/updateSettings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Songshelf-Token': lib.preview.token },
      body: JSON.stringify({ language: 'en' })
    })
  }
})

test('the mini view follows a language and theme change made while it is open', async ({
  context
}) => {
  const settings = async (patch: Record<string, string>): Promise<Record<string, unknown>> => {
    const res = await fetch(`${lib.preview.origin}/api/call/updateSettings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Songshelf-Token': lib.preview.token },
      body: JSON.stringify(patch)
    })
    return ((await res.json()) as { value: Record<string, unknown> }).value
  }
  const before = await settings({})
  const mini = await context.newPage()
  try {
    await mini.goto(`${lib.preview.origin}/?view=mini#token=${lib.preview.token}`)
    await expect(mini.getByTestId('mini-window-back')).toHaveAccessibleName(
      'Back to the main window'
    )
    // As the main window's settings change them, while the mini view stays open (old code:
    // it kept English and its old colours until it was opened again).
    await settings({ language: 'zh-CN', theme: before['theme'] === 'dark' ? 'light' : 'dark' })
    await expect(mini.getByTestId('mini-window-back')).toHaveAccessibleName('回到主窗口')
    await expect(mini.getByTestId('mini-window-title')).toHaveText('未在播放')
    await expect(mini.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await expect(mini.locator('html')).toHaveAttribute(
      'data-theme',
      before['theme'] === 'dark' ? 'light' : 'dark'
    )
  } finally {
    await mini.close()
    await settings({ language: String(before['language']), theme: String(before['theme']) })
  }
})
