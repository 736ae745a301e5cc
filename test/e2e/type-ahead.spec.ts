import { expect, test, type Page } from '@playwright/test'
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { bigLibraryTitle, seedBigLibrary } from './support/big-library'
import { startPreview, tempDirs, type RunningPreview } from './support/preview'
import { callPreview } from './support/seed'

// Issue 13: the list gets a type-ahead, as in Finder, Explorer and iTunes. Typing in the
// list jumps to the first song (in the view's order) whose title starts with what was
// typed, across the whole view: a library of 1,300 clips, of which the renderer loads a
// few pages, and targets far beyond them. A real core behind `preview:web`, Chromium.

const CLIPS = 1300
const SPECIAL: Record<number, string> = {
  700: 'Ｃｉｔｙ Lights',
  800: 'Nightfall',
  900: 'Night Drive',
  1100: 'Zebra Crossing',
  1250: 'Zephyr Nights'
}
const title = (i: number): string => SPECIAL[i] ?? bigLibraryTitle(i)

let preview: RunningPreview
let dirs: { dataDir: string; libraryDir: string }

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  dirs = tempDirs()
  await seedBigLibrary(dirs, CLIPS, title)
  preview = await startPreview(dirs)
})
test.afterAll(async () => {
  await preview?.stop()
  rmSync(dirname(dirs.dataDir), { recursive: true, force: true })
})

async function openList(page: Page): Promise<ReturnType<Page['getByTestId']>> {
  await page.goto(preview.url)
  const list = page.getByTestId('clip-list')
  await expect(page.getByTestId('clip-row').first()).toContainText(bigLibraryTitle(0))
  await list.focus()
  return list
}

/** The selected row: its title and its 0-based index in the view. */
async function selected(page: Page, text: string): Promise<number> {
  const row = page.locator('[data-testid="clip-row"][aria-selected="true"]')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(text)
  await expect(row).toBeInViewport()
  return Number(await row.getAttribute('aria-rowindex')) - 2
}

const hint = (page: Page): ReturnType<Page['getByTestId']> => page.getByTestId('type-ahead')

/** Every text the type-ahead status showed, however briefly (it clears after a pause, so
 * reading it after a slow step would race the clock). */
async function watchHints(page: Page): Promise<void> {
  await hint(page).evaluate((el) => {
    const seen: string[] = []
    ;(window as unknown as { hints: string[] }).hints = seen
    new MutationObserver(() => {
      if (el.textContent) seen.push(el.textContent)
    }).observe(el, { subtree: true, childList: true, characterData: true })
  })
}

async function hintsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { hints: string[] }).hints)
}

test('typing jumps to a title far beyond the loaded rows, in the view order', async ({ page }) => {
  await openList(page)
  const loaded = await page.getByTestId('clip-row').count()
  expect(loaded).toBeLessThan(200)

  await watchHints(page)
  await page.keyboard.type('ze')
  // Zebra (row 1100) comes before Zephyr (row 1250) in the view's order (newest first).
  expect(await selected(page, 'Zebra Crossing')).toBe(1100)
  await expect.poll(() => hintsSeen(page)).toContain('Go to: ze')
  // A word is refined as it is typed (the pause before it ends the last one).
  await expect(hint(page)).toHaveText('')
  await page.keyboard.type('zep')
  expect(await selected(page, 'Zephyr Nights')).toBe(1250)
  await expect.poll(() => hintsSeen(page)).toContain('Go to: zep')

  // A pause starts a new word; case and character width do not matter.
  await expect(hint(page)).toHaveText('')
  await page.keyboard.type('CITY')
  expect(await selected(page, 'Ｃｉｔｙ Lights')).toBe(700)

  await expect(hint(page)).toHaveText('')
  await page.keyboard.type('qq')
  await expect.poll(() => hintsSeen(page)).toContain('No title starts with “qq”')
  expect(await selected(page, 'Ｃｉｔｙ Lights')).toBe(700)
})

/** Where the first title starting with `prefix` is in a view, read page by page. */
async function expectedIndex(query: Record<string, unknown>, prefix: string): Promise<number> {
  for (let offset = 0; ; offset += 500) {
    const page = (await callPreview(preview, 'queryLibrary', {
      ...query,
      generationFailed: false,
      offset,
      limit: 500
    })) as { rows: { title: string }[] }
    const at = page.rows.findIndex((row) => row.title.toLowerCase().startsWith(prefix))
    if (at >= 0) return offset + at
    if (page.rows.length < 500) return -1
  }
}

test('the view’s own order and filter: sorted by title, and inside a search', async ({ page }) => {
  const list = await openList(page)
  await page
    .getByRole('columnheader', { name: 'Title' })
    .getByRole('button', { name: 'Title' })
    .click()
  await expect(page.getByTestId('clip-row').first()).toContainText('Ｃｉｔｙ Lights')
  await list.focus()
  await page.keyboard.type('song 0110')
  const sorted = { sort: 'title', dir: 'asc' }
  expect(await selected(page, 'Song 01101')).toBe(await expectedIndex(sorted, 'song 0110'))

  await page.locator('#library-search').fill('jazz')
  await expect(page.getByTestId('clip-row').first()).toContainText('Night Drive')
  await list.focus()
  await page.keyboard.type('song 0120')
  // Jazz is every third song, so the first "Song 0120…" of this view is 01200.
  expect(await selected(page, 'Song 01200')).toBe(
    await expectedIndex({ ...sorted, search: 'jazz' }, 'song 0120')
  )
})

test('Space belongs to the word while typing, and plays or pauses otherwise', async ({ page }) => {
  await openList(page)
  await page.getByTestId('clip-row').first().dblclick()
  await expect(page.getByTestId('player-title')).toHaveText(bigLibraryTitle(0))
  await expect(page.getByTestId('play-pause')).toHaveAccessibleName('Pause')
  await page.getByTestId('clip-list').focus()
  await page.keyboard.type('night d')
  expect(await selected(page, 'Night Drive')).toBe(900)
  // The space went into the word: the song is still playing.
  await expect(page.getByTestId('play-pause')).toHaveAccessibleName('Pause')
  await expect(hint(page)).toHaveText('')
  await page.keyboard.press(' ')
  await expect(page.getByTestId('play-pause')).toHaveAccessibleName('Play')
})

test('F in the list is a letter; Ctrl+L favourites the playing song everywhere, F outside the list', async ({
  page
}) => {
  await openList(page)
  await page.getByTestId('clip-row').first().dblclick()
  await expect(page.getByTestId('player-title')).toHaveText(bigLibraryTitle(0))
  const id = 'big00000000'
  const favorite = async (): Promise<boolean> =>
    ((await callPreview(preview, 'getClip', { id })) as { favorite: boolean }).favorite

  await page.getByTestId('clip-list').focus()
  await watchHints(page)
  await page.keyboard.type('f')
  await expect.poll(() => hintsSeen(page)).toContain('No title starts with “f”')
  expect(await favorite()).toBe(false)

  await page.keyboard.press('Control+l')
  await expect.poll(favorite).toBe(true)
  await page.getByRole('heading', { name: 'Library' }).click()
  await page.keyboard.press('f')
  await expect.poll(favorite).toBe(false)
})

test('the help lists type-ahead and both favourite keys', async ({ page }) => {
  await openList(page)
  await page.getByRole('heading', { name: 'Library' }).click()
  await page.keyboard.press('?')
  const help = page.getByTestId('shortcuts-help')
  await expect(help).toContainText('Ctrl/⌘ + L')
  await expect(help).toContainText('jump to the first song whose title starts with what you type')
  await expect(help).toContainText('outside the list and the covers')
})

test('the covers have the same type-ahead', async ({ page }) => {
  await openList(page)
  await page.getByRole('button', { name: 'Covers', exact: true }).click()
  const grid = page.getByTestId('clip-grid')
  await expect(page.getByTestId('clip-card').first()).toContainText(bigLibraryTitle(0))
  await grid.focus()
  await page.keyboard.type('zep')
  const card = page.locator('[data-testid="clip-card"][aria-selected="true"]')
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('Zephyr Nights')
  await expect(card).toBeInViewport()
  await expect(card).toHaveAttribute('id', 'clip-cell-1250')
})

test('inside a playlist: the first title in the playlist’s own order, beyond its loaded rows', async ({
  page
}) => {
  // 999 songs in an order of their own: oldest first, so Zephyr (library row 1250) comes
  // before Zebra (1100) here, and 'Song 0' titles fill the rows the renderer loads first.
  // 'Ｃｉｔｙ Lights' (700) stays out: in the library, not in this playlist.
  const order = Array.from({ length: 1000 }, (_, i) => 1299 - i)
    .filter((i) => i !== 700)
    .map((i) => `big${String(i).padStart(8, '0')}`)
  const playlist = (await callPreview(preview, 'createPlaylist', {
    name: 'Backwards',
    clipIds: order
  })) as { id: string }
  const smart = (await callPreview(preview, 'createPlaylist', {
    name: 'Jazz by title',
    rule: { filter: { search: 'jazz' }, sort: 'title', dir: 'desc' }
  })) as { id: string }
  try {
    await page.goto(preview.url)
    await page.getByTestId('playlist-link').filter({ hasText: 'Backwards' }).click()
    const list = page.getByTestId('clip-list')
    await expect(page.getByTestId('clip-row').first()).toContainText(bigLibraryTitle(1299))
    expect(await page.getByTestId('clip-row').count()).toBeLessThan(200)
    await list.focus()
    await watchHints(page)
    await page.keyboard.type('ze')
    // 1299 - 1250 = 49: Zephyr Nights is the 50th song of this playlist.
    expect(await selected(page, 'Zephyr Nights')).toBe(49)
    await expect(hint(page)).toHaveText('')
    await page.keyboard.type('song 00400')
    // 1299 - 400, less the one song left out before it.
    expect(await selected(page, 'Song 00400')).toBe(898)
    await expect(hint(page)).toHaveText('')
    await page.keyboard.type('city')
    await expect.poll(() => hintsSeen(page)).toContain('No title starts with “city”')
    expect(await selected(page, 'Song 00400')).toBe(898)

    // A smart playlist keeps its rule's order: jazz songs by title, Z to A.
    await page.getByTestId('playlist-link').filter({ hasText: 'Jazz by title' }).click()
    await expect(page.getByTestId('clip-row').first()).toContainText(bigLibraryTitle(1299))
    await list.focus()
    await page.keyboard.type('song 003')
    const jazz = (await callPreview(preview, 'queryPlaylist', {
      id: smart.id,
      offset: 0,
      limit: 500
    })) as { rows: { title: string }[] }
    const at = jazz.rows.findIndex((row) => row.title.toLowerCase().startsWith('song 003'))
    expect(at).toBeGreaterThan(100)
    expect(await selected(page, jazz.rows[at]?.title ?? '?')).toBe(at)
  } finally {
    await callPreview(preview, 'deletePlaylist', { id: playlist.id })
    await callPreview(preview, 'deletePlaylist', { id: smart.id })
  }
})
