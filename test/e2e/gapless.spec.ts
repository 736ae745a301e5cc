import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { seedLibrary, type SeededLibrary } from './support/seed'

// Gapless playback and the crossfade (issue 15), with two real 5 s tones downloaded from
// the simulator. The player keeps a second <audio> deck with the queue's next clip loaded;
// the tests read the media events both decks fire, in order, and assert order and state,
// never a duration.

const FIXTURES = resolve(import.meta.dirname, '../fixtures')
const TONES = ['tone-a.mp3', 'tone-b.mp3'].map((name) => readFileSync(resolve(FIXTURES, name)))

let lib: SeededLibrary

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  lib = await seedLibrary([
    {
      clips: 2,
      titles: ['Tone One', 'Tone Two'],
      video: false,
      durations: [5, 5],
      media: TONES.map((audio) => ({ audio }))
    }
  ])
})

test.afterAll(async () => {
  await lib?.stop()
})

interface MediaEvent {
  type: string
  deck: string
  paused: boolean
}

/** Records every media event of the player's <audio> decks (media events do not bubble,
 * but a capturing listener on the document sees them). */
async function recordMediaEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: MediaEvent[] = []
    ;(window as unknown as { mediaLog: MediaEvent[] }).mediaLog = log
    for (const type of ['loadstart', 'play', 'playing', 'timeupdate', 'pause', 'ended']) {
      document.addEventListener(
        type,
        (event) => {
          const el = event.target
          if (el instanceof HTMLAudioElement && el.dataset.deck !== undefined)
            log.push({ type, deck: el.dataset.deck, paused: el.paused })
        },
        true
      )
    }
  })
}

const mediaLog = (page: Page): Promise<MediaEvent[]> =>
  page.evaluate(() => (window as unknown as { mediaLog: MediaEvent[] }).mediaLog)

/** Plays the library view from its first row, once the next clip is waiting, loaded. */
async function playFirstWithNextLoaded(page: Page): Promise<{ first: string; second: string }> {
  await page.goto(lib.preview.url)
  await expect(page.getByTestId('clip-row')).toHaveCount(2)
  const titles = await page.getByTestId('clip-row').allInnerTexts()
  const first = titles[0]?.includes('Tone One') ? 'Tone One' : 'Tone Two'
  const second = first === 'Tone One' ? 'Tone Two' : 'Tone One'
  await recordMediaEvents(page)
  await page.getByTestId('clip-row').first().dblclick()
  await expect(page.getByTestId('player-title')).toContainText(first)
  await page.waitForFunction(() => {
    const next = document.querySelector<HTMLAudioElement>('[data-testid="player-audio-next"]')
    return next !== null && next.readyState >= 3 && next.paused
  })
  return { first, second }
}

test('gapless: the waiting deck starts as the first song ends, loaded before, without reloading', async ({
  page
}) => {
  const { second } = await playFirstWithNextLoaded(page)
  const firstDeck = await page.getByTestId('player-audio').getAttribute('data-deck')
  const nextDeck = await page.getByTestId('player-audio-next').getAttribute('data-deck')
  // Close to the end, so the test does not wait out the whole song.
  await page.getByTestId('player-audio').evaluate((el: HTMLAudioElement) => {
    el.currentTime = el.duration - 0.6
  })
  await expect(page.getByTestId('player-title')).toContainText(second, { timeout: 15_000 })
  // The deck that waited is now the one playing; nothing was loaded at the handoff.
  await expect(page.getByTestId('player-audio')).toHaveAttribute('data-deck', nextDeck ?? '')
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLAudioElement>('[data-testid="player-audio"]')
    return el !== null && !el.paused && el.currentTime > 0
  })

  const log = await mediaLog(page)
  const ended = log.findIndex((e) => e.deck === firstDeck && e.type === 'ended')
  expect(ended).toBeGreaterThan(-1)
  const started = log.findIndex((e, i) => i > ended && e.deck === nextDeck && e.type === 'play')
  expect(started).toBeGreaterThan(ended)
  const between = log.slice(ended + 1, started)
  // Within one timeupdate of the end, and not a fresh load of the second song.
  expect(between.filter((e) => e.type === 'timeupdate').length).toBeLessThanOrEqual(1)
  expect(between.some((e) => e.type === 'loadstart' && e.deck === nextDeck)).toBe(false)
  // The second deck never played before the first ended (no overlap without a crossfade).
  expect(log.slice(0, ended).some((e) => e.deck === nextDeck && e.type === 'play')).toBe(false)
})

test('crossfade 2 s: both songs play at once while the volumes ramp across', async ({ page }) => {
  await page.goto(lib.preview.url)
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
  await page.getByTestId('setting-crossfade').selectOption('2')
  await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click()

  const { second } = await playFirstWithNextLoaded(page)
  const firstDeck = await page.getByTestId('player-audio').getAttribute('data-deck')
  const nextDeck = await page.getByTestId('player-audio-next').getAttribute('data-deck')
  await page.getByTestId('player-audio').evaluate((el: HTMLAudioElement) => {
    el.currentTime = el.duration - 2.8
  })
  // During the fade: both decks play, the one fading out is quieter than full.
  const overlap = await page.waitForFunction(
    ([a, b]) => {
      const [from, to] = [a, b].map((deck) =>
        document.querySelector<HTMLAudioElement>(`audio[data-deck="${deck}"]`)
      )
      if (!from || !to || from.paused || to.paused || from.ended) return null
      return from.volume < 1 ? { from: from.volume, to: to.volume } : null
    },
    [firstDeck, nextDeck],
    { timeout: 15_000 }
  )
  const volumes = (await overlap.jsonValue()) as { from: number; to: number }
  expect(volumes.from).toBeLessThan(1)
  await expect(page.getByTestId('player-title')).toContainText(second)
  // The fade ends with the first song stopped and the second at the player's volume.
  await page.waitForFunction(
    ([a, b]) => {
      const from = document.querySelector<HTMLAudioElement>(`audio[data-deck="${a}"]`)
      const to = document.querySelector<HTMLAudioElement>(`audio[data-deck="${b}"]`)
      return (from === null || from.paused) && to !== null && !to.paused && to.volume === 1
    },
    [firstDeck, nextDeck],
    { timeout: 15_000 }
  )
  const log = await mediaLog(page)
  const nextPlay = log.findIndex((e) => e.deck === nextDeck && e.type === 'play')
  const firstEnd = log.findIndex(
    (e) => e.deck === firstDeck && (e.type === 'ended' || e.type === 'pause')
  )
  // The second started before the first stopped: they overlapped.
  expect(nextPlay).toBeGreaterThan(-1)
  expect(nextPlay).toBeLessThan(firstEnd)
})

/** The newest ending (finish or skip) the history view lists for `title`. */
async function newestEnding(page: Page, title: string): Promise<string | null> {
  const entries = page.getByTestId('history-entry')
  await expect(entries.first()).toBeVisible()
  for (const entry of await entries.all()) {
    const kind = await entry.getAttribute('data-kind')
    if ((kind === 'finish' || kind === 'skip') && (await entry.innerText()).includes(title))
      return kind
  }
  return null
}

// What the history says about a crossfade (a decision, pinned here): the song that fades
// out at its natural end was heard to its end, so it is a finish, although the fade starts
// a few seconds early; leaving a song for another one is a skip with crossfade on too.
test('crossfade: a song faded out at its end is played to the end; one left for another is a skip', async ({
  page
}) => {
  await page.goto(lib.preview.url)
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
  await page.getByTestId('setting-crossfade').selectOption('2')
  await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click()

  const { first, second } = await playFirstWithNextLoaded(page)
  await page.getByTestId('player-audio').evaluate((el: HTMLAudioElement) => {
    el.currentTime = el.duration - 2.8
  })
  await expect(page.getByTestId('player-title')).toContainText(second, { timeout: 15_000 })
  // Early in the second song, the listener picks the first one again.
  const again = page.getByTestId('clip-row').filter({ hasText: first })
  await again.dblclick()
  await expect(page.getByTestId('player-title')).toContainText(first)

  await page.getByRole('navigation').getByRole('button', { name: 'Recently played' }).click()
  await expect.poll(() => newestEnding(page, first), { timeout: 15_000 }).toBe('finish')
  await expect.poll(() => newestEnding(page, second), { timeout: 15_000 }).toBe('skip')
})
