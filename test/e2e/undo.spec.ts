import { existsSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { callPreview } from './support/seed'
import { clipRows, rowTitled, useSeededLibrary } from './support/seeded'

// Undo through preview:web against the real core (issue 13): delete, a bulk favourite and
// tag delete/merge are undone from the toast's Undo and with Ctrl/Cmd+Z (never while
// typing), and the core's own answers, not only the DOM, show the state is back.

const lib = useSeededLibrary([
  { titles: ['Amber Road', 'Blue Hour'], tags: 'synthwave', video: false },
  { titles: ['Cold Harbour', 'Dust Devil'], tags: 'folk', video: false }
])

const rows = clipRows
const toast = (page: Page): Locator => page.getByTestId('undo-toast')

async function clipIdOf(title: string): Promise<string> {
  const page = await callPreview(lib().preview, 'queryLibrary', { limit: 50 })
  const row = page.rows.find((r) => r.title === title)
  if (!row) throw new Error(`no clip titled ${title}`)
  return row.id
}

async function audioPath(id: string): Promise<string> {
  const detail = await callPreview(lib().preview, 'getClip', { id })
  const path = detail?.files.find((f) => f.kind === 'audio')?.path
  if (!path) throw new Error(`no audio for ${id}`)
  return path
}

test('deleted songs come back from the toast with their files, tags, favourite and playlist', async ({
  page
}) => {
  const amber = await clipIdOf('Amber Road')
  const blue = await clipIdOf('Blue Hour')
  await callPreview(lib().preview, 'tagClips', { ids: [amber, blue], add: ['keepers'] })
  await callPreview(lib().preview, 'setFavorite', { ids: [amber], favorite: true })
  const list = await callPreview(lib().preview, 'createPlaylist', {
    name: 'Mix',
    clipIds: [blue, amber]
  })
  const file = await audioPath(amber)

  await page.goto(lib().preview.url)
  await expect(rows(page)).toHaveCount(4)
  await rowTitled(page, 'Amber Road').click()
  await rowTitled(page, 'Blue Hour').click({ modifiers: ['ControlOrMeta'] })
  await page.keyboard.press('Delete')
  await page.getByTestId('delete-dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(toast(page)).toContainText('Deleted 2 clips')
  await expect(rows(page)).toHaveCount(2)
  expect(existsSync(file)).toBe(false)

  await toast(page).getByRole('button', { name: 'Undo' }).click()
  await expect(toast(page)).toContainText('Restored 2 songs.')
  await expect(rows(page)).toHaveCount(4)
  expect(existsSync(file)).toBe(true)
  const back = await callPreview(lib().preview, 'getClip', { id: amber })
  expect(back).toMatchObject({ favorite: true, userTags: ['keepers'], hasAudio: true })
  expect(await callPreview(lib().preview, 'playlistClipIds', { id: list.id })).toEqual([
    blue,
    amber
  ])
  await page.getByTestId('filter-user-tag').filter({ hasText: 'keepers' }).click()
  await expect(rows(page)).toHaveCount(2)
})

test('Ctrl/Cmd+Z undoes a delete, but not while typing in a field', async ({ page }) => {
  await page.goto(lib().preview.url)
  await expect(rows(page)).toHaveCount(4)
  await rowTitled(page, 'Dust Devil').click()
  await page.keyboard.press('Delete')
  await page.getByTestId('delete-dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(rows(page)).toHaveCount(3)

  // In the search box the key is the field's own undo: the song stays deleted.
  const search = page.locator('#library-search')
  await search.click()
  await search.pressSequentially('x')
  await search.press('ControlOrMeta+z')
  await expect(search).toHaveValue('')
  await expect(rows(page)).toHaveCount(3)
  expect((await callPreview(lib().preview, 'queryLibrary', {})).total).toBe(3)

  await rows(page).first().click()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(toast(page)).toContainText('Restored 1 song.')
  await expect(rows(page)).toHaveCount(4)
  // Nothing older is left to undo.
  await page.keyboard.press('ControlOrMeta+z')
  await expect(toast(page)).toContainText('Nothing to undo.')
})

test('a bulk favourite is undone to what each song was before, not to “all off”', async ({
  page
}) => {
  const cold = await clipIdOf('Cold Harbour')
  await callPreview(lib().preview, 'setFavorite', { ids: [cold], favorite: true })
  await page.goto(lib().preview.url)
  await expect(rows(page)).toHaveCount(4)
  await rows(page).first().click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.getByTestId('selection-bar').getByRole('button', { name: 'Favourite' }).click()
  await expect(toast(page)).toContainText('marked as favourite')
  await expect
    .poll(async () => (await callPreview(lib().preview, 'queryLibrary', { favorite: true })).total)
    .toBe(4)
  await toast(page).getByRole('button', { name: 'Undo' }).click()
  await expect(toast(page)).toContainText('Undone.')
  const favourites = await callPreview(lib().preview, 'queryLibrary', { favorite: true })
  expect(favourites.rows.map((r) => r.title).sort()).toEqual(['Amber Road', 'Cold Harbour'])
})

test('a deleted and a merged tag come back on the right songs', async ({ page }) => {
  const dust = await clipIdOf('Dust Devil')
  await callPreview(lib().preview, 'tagClips', { ids: [dust], add: ['road'] })
  await page.goto(lib().preview.url)
  await expect(rows(page)).toHaveCount(4)
  await page.getByRole('button', { name: 'Manage', exact: true }).click()
  const manager = page.getByRole('dialog', { name: 'Manage tags' })
  await manager.getByRole('button', { name: 'Delete tag road' }).click()
  await manager.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(manager).toContainText('Deleted “road”')
  await manager.getByRole('button', { name: 'Undo' }).click()
  await expect(manager.getByTestId('tag-manager-row')).toHaveCount(2)
  expect((await callPreview(lib().preview, 'getClip', { id: dust }))?.userTags).toEqual(['road'])

  await manager.getByRole('checkbox').first().check()
  await manager.getByRole('checkbox').nth(1).check()
  await manager.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(manager.getByTestId('tag-manager-row')).toHaveCount(1)
  await manager.getByRole('button', { name: 'Done' }).click()
  // The dialog is closed: Ctrl/Cmd+Z undoes the merge.
  await rows(page).first().click()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(toast(page)).toContainText('Undone.')
  const tags = await callPreview(lib().preview, 'listTags')
  expect(tags).toEqual([
    { name: 'keepers', count: 2 },
    { name: 'road', count: 1 }
  ])
})
