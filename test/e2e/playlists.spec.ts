import { expect, test, type Locator, type Page } from '@playwright/test'
import { callPreview } from './support/seed'
import { clipRows, rowTitled, useSeededLibrary } from './support/seeded'

// Playlists in the sidebar against the real core (issue 15): made, filled by dragging
// rows onto them, reordered by dragging inside, trimmed, renamed, played, deleted and
// brought back from the toast. The order is read back from the index, not the DOM only.

const lib = useSeededLibrary([
  { titles: ['Amber Road', 'Blue Hour'], tags: 'synthwave', video: false },
  { titles: ['Cold Harbour', 'Dust Devil'], tags: 'folk', video: false }
])

const rows = clipRows
const titles = (page: Page): Promise<string[]> =>
  rows(page).locator('.title-text').allTextContents()
const link = (page: Page, name: string): Locator =>
  page.getByTestId('playlist-link').filter({ hasText: name })

async function playlistTitles(name: string): Promise<string[]> {
  const list = await callPreview(lib().preview, 'listPlaylists')
  const found = list.find((p) => p.name === name)
  if (!found) return []
  const page = await callPreview(lib().preview, 'queryPlaylist', { id: found.id })
  return page.rows.map((row) => row.title ?? '')
}

test('a playlist is made, filled by drag, reordered, trimmed, renamed, played and undeleted', async ({
  page
}) => {
  await page.goto(lib().preview.url)
  await expect(rows(page)).toHaveCount(4)

  await page.getByRole('button', { name: 'New playlist' }).click()
  const dialog = page.getByTestId('playlist-name-dialog')
  await dialog.getByLabel('Name').fill('Road trip')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Road trip' })).toBeVisible()
  await expect(page.getByTestId('playlist-empty')).toBeVisible()

  await page.getByRole('navigation').getByRole('button', { name: 'Library', exact: true }).click()
  await expect(rows(page)).toHaveCount(4)
  for (const title of ['Amber Road', 'Blue Hour', 'Cold Harbour']) {
    await rowTitled(page, title).dragTo(link(page, 'Road trip'))
    await expect(page.getByTestId('playlist-toast')).toContainText('“Road trip”')
  }
  await expect(link(page, 'Road trip').getByTestId('playlist-count')).toHaveText('3')
  expect(await playlistTitles('Road trip')).toEqual(['Amber Road', 'Blue Hour', 'Cold Harbour'])

  await link(page, 'Road trip').click()
  await expect(rows(page)).toHaveCount(3)
  expect(await titles(page)).toEqual(['Amber Road', 'Blue Hour', 'Cold Harbour'])
  // Column headers do not sort a playlist: it keeps the order it was given.
  await expect(page.locator('.sort-button')).toHaveCount(0)

  // Cold Harbour dragged onto Amber Road takes its place; the others move down.
  await rowTitled(page, 'Cold Harbour').dragTo(rowTitled(page, 'Amber Road'))
  await expect.poll(() => titles(page)).toEqual(['Cold Harbour', 'Amber Road', 'Blue Hour'])
  expect(await playlistTitles('Road trip')).toEqual(['Cold Harbour', 'Amber Road', 'Blue Hour'])
  // And from above: Cold Harbour onto Blue Hour goes after it.
  await rowTitled(page, 'Cold Harbour').dragTo(rowTitled(page, 'Blue Hour'))
  await expect.poll(() => titles(page)).toEqual(['Amber Road', 'Blue Hour', 'Cold Harbour'])

  // The order survives a reload (it is in the index).
  await page.reload()
  await link(page, 'Road trip').click()
  await expect.poll(() => titles(page)).toEqual(['Amber Road', 'Blue Hour', 'Cold Harbour'])

  await rowTitled(page, 'Blue Hour').click()
  await page.getByRole('button', { name: 'Remove from playlist' }).click()
  await expect.poll(() => titles(page)).toEqual(['Amber Road', 'Cold Harbour'])
  await expect(link(page, 'Road trip').getByTestId('playlist-count')).toHaveText('2')

  await page.getByRole('button', { name: 'Rename…' }).click()
  await dialog.getByLabel('Name').fill('Night drive')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Night drive' })).toBeVisible()
  await expect(link(page, 'Night drive')).toBeVisible()

  await page.getByRole('button', { name: 'Play', exact: true }).first().click()
  await expect(page.getByTestId('player-title')).toContainText('Amber Road')
  // The queue is the playlist (two songs, in its order), not the library around it.
  await expect
    .poll(async () => (await callPreview(lib().preview, 'getQueue')).source)
    .toMatchObject({ kind: 'playlist' })
  expect((await callPreview(lib().preview, 'getQueue')).length).toBe(2)

  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(page.getByTestId('view-library')).toBeVisible()
  await expect(link(page, 'Night drive')).toHaveCount(0)
  const toast = page.getByTestId('playlist-toast')
  await expect(toast).toContainText('Deleted the playlist “Night drive”')
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Night drive' })).toBeVisible()
  await expect.poll(() => titles(page)).toEqual(['Amber Road', 'Cold Harbour'])
})

test('a smart playlist is built from a preset, follows the library live, and its rule is edited', async ({
  page
}) => {
  await page.goto(lib().preview.url)
  await expect(rows(page)).toHaveCount(4)
  await page.getByRole('button', { name: 'New smart playlist' }).click()
  const dialog = page.getByTestId('smart-playlist-dialog')
  await dialog.getByRole('button', { name: 'Favourites with vocals from the last month' }).click()
  await expect(dialog.getByLabel('Favourites only')).toBeChecked()
  await expect(dialog.getByLabel('Added within (days)')).toHaveValue('30')
  await dialog.getByRole('button', { name: 'Create' }).click()
  const name = 'Favourites with vocals from the last month'
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByText('No song matches this rule yet.')).toBeVisible()

  // A favourite made elsewhere (another window, the CLI) shows up without a reload.
  const all = await callPreview(lib().preview, 'queryLibrary', { limit: 10 })
  const dust = all.rows.find((row) => row.title === 'Dust Devil')!
  await callPreview(lib().preview, 'setFavorite', { ids: [dust.id], favorite: true })
  await expect.poll(() => titles(page)).toEqual(['Dust Devil'])
  await expect(link(page, name).getByTestId('playlist-count')).toHaveText('1')

  // Edit the rule: "Never played" holds exactly the clips with no counted play.
  await page.getByRole('button', { name: 'Edit rule…' }).click()
  await dialog.getByRole('button', { name: 'Never played' }).click()
  await expect(dialog.getByLabel('Favourites only')).not.toBeChecked()
  await dialog.getByRole('button', { name: 'Save' }).click()
  const unplayed = (await callPreview(lib().preview, 'queryLibrary', { limit: 10 })).rows
    .filter((row) => row.plays === 0)
    .map((row) => row.title)
  await expect.poll(async () => (await titles(page)).sort()).toEqual(unplayed.sort())
})
