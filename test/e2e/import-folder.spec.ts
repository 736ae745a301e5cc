import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import NodeID3 from 'node-id3'
import { expect, test, type Page } from '@playwright/test'
import { FOLDER_WALK_LIMITS } from '../../src/renderer/src/features/import/folder-entries'
import { callPreview, seedLibrary, type SeededLibrary } from './support/seed'

// A folder dropped on the window in preview:web (issue 15): the page walks the drop's
// directory entries (webkitGetAsEntry) and uploads the files through the preview's bounded
// upload route, as the desktop app's main walks a dropped folder's path. The drop is a
// real one: Chromium's own drag and drop (CDP Input.dispatchDragEvent) with a real folder
// on disk, so the entries are Chromium's FileSystemDirectoryEntry, not made up.

const TINY = readFileSync(resolve(import.meta.dirname, '../fixtures/tiny.mp3'))
let lib: SeededLibrary
let folder: string

test.beforeAll(async () => {
  lib = await seedLibrary([{ titles: ['Known Song'], clips: 1, video: false }])
  folder = mkdtempSync(join(tmpdir(), 'songshelf-e2e-folder-'))
  const album = join(folder, 'Road Album')
  mkdirSync(join(album, 'disc 2', 'bonus'), { recursive: true })
  const mp3 = (title: string): Buffer => NodeID3.write({ title }, TINY)
  writeFileSync(join(album, '01 Opening.mp3'), mp3('Folder Opening'))
  writeFileSync(join(album, 'disc 2', '02 Middle.mp3'), mp3('Folder Middle'))
  writeFileSync(join(album, 'disc 2', 'bonus', '03 Hidden Track.mp3'), mp3('Folder Bonus'))
  writeFileSync(join(album, '.DS_Store.mp3'), mp3('Never Imported'))
  writeFileSync(join(album, 'notes.txt'), 'liner notes')
})

test.afterAll(async () => {
  await lib?.stop()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

/** Drags `paths` from the OS onto the middle of the page and drops them there. */
async function dropFromDisk(page: Page, paths: string[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const size = page.viewportSize() ?? { width: 1280, height: 720 }
  const at = { x: Math.round(size.width / 2), y: Math.round(size.height / 2) }
  const data = { items: [], files: paths, dragOperationsMask: 1 }
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, ...at, data })
  }
  await cdp.detach()
}

test('a dropped folder is walked: its songs, in subfolders too, are previewed and imported', async ({
  page
}) => {
  await page.goto(lib.preview.url)
  await expect(page.getByTestId('clip-row')).toHaveCount(1)

  await dropFromDisk(page, [join(folder, 'Road Album')])

  const dialog = page.getByTestId('import-preview')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('import-summary')).toHaveText('3 to import, 0 to merge, 1 skipped.')
  const fresh = page.getByTestId('import-group-import')
  await expect(fresh.getByTestId('import-item')).toHaveCount(3)
  for (const title of ['Folder Opening', 'Folder Middle', 'Folder Bonus'])
    await expect(fresh).toContainText(title)
  await expect(page.getByTestId('import-group-skip')).toContainText('notes.txt')
  await expect(dialog).not.toContainText('Never Imported')

  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-done')).toHaveText('Imported 3, merged 0, skipped 1.', {
    timeout: 30_000
  })
  expect((await callPreview(lib.preview, 'queryLibrary', { limit: 10 })).total).toBe(4)
})

test('a folder with more files than one import takes says so: only the first ones are listed', async ({
  page
}) => {
  const big = join(folder, 'Big Folder')
  mkdirSync(big)
  for (let i = 0; i <= FOLDER_WALK_LIMITS.files; i++)
    writeFileSync(
      join(big, `${String(i).padStart(3, '0')}.mp3`),
      NodeID3.write({ title: `Big ${i}` }, TINY)
    )
  await page.goto(lib.preview.url)
  await expect(page.getByTestId('clip-row').first()).toBeVisible()

  await dropFromDisk(page, [big])

  const dialog = page.getByTestId('import-preview')
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 30_000 })
  await expect(dialog).toContainText(
    `The folders hold more files than one import takes; only the first ${FOLDER_WALK_LIMITS.files} are listed.`
  )
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
})
