import { expect, test, type Locator, type Page } from '@playwright/test'
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { bigLibraryTitle, seedBigLibrary } from './support/big-library'
import { startPreview, tempDirs, type RunningPreview } from './support/preview'

// Issue 13: the list gets choosable, resizable columns. Right-click the header (or the
// Columns button) to show or hide them, drag or arrow-key a column's edge to resize it,
// double-click it to reset; all of it remembered across a reload. Clicking a header sorts
// by the existing sorts. A real core behind `preview:web`, Chromium, 300 clips.

let preview: RunningPreview
let dirs: { dataDir: string; libraryDir: string }

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  dirs = tempDirs()
  await seedBigLibrary(dirs, 300)
  preview = await startPreview(dirs)
})
test.afterAll(async () => {
  await preview?.stop()
  rmSync(dirname(dirs.dataDir), { recursive: true, force: true })
})

async function openList(page: Page): Promise<void> {
  await page.goto(preview.url)
  await expect(page.getByTestId('clip-row').first()).toContainText(bigLibraryTitle(0))
}

const header = (page: Page, name: string): Locator =>
  page.getByRole('columnheader', { name, exact: true })

async function width(locator: Locator): Promise<number> {
  const box = await locator.boundingBox()
  if (box === null) throw new Error('not laid out')
  return Math.round(box.width)
}

test('a column hidden from the header menu stays hidden after a reload; one shown stays', async ({
  page
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await openList(page)
  await expect(header(page, 'Model')).toBeVisible()
  await expect(page.getByTestId('clip-row').first().locator('.col-model')).toHaveCount(1)

  await header(page, 'Length').click({ button: 'right' })
  const menu = page.getByTestId('columns-menu')
  await expect(menu).toBeVisible()
  // The title is always there; its item cannot be unchecked.
  await expect(menu.getByRole('menuitemcheckbox', { name: 'Title' })).toHaveAttribute(
    'aria-disabled',
    'true'
  )
  await menu.getByRole('menuitemcheckbox', { name: 'Model' }).click()
  await expect(menu.getByRole('menuitemcheckbox', { name: 'Model' })).toHaveAttribute(
    'aria-checked',
    'false'
  )
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(header(page, 'Model')).toHaveCount(0)
  await expect(page.getByTestId('clip-row').first().locator('.col-model')).toHaveCount(0)

  // The Columns button, by keyboard: the menu's arrows and Space.
  await page.getByTestId('columns-button').click()
  await expect(menu.getByRole('menuitemcheckbox', { name: 'Title' })).toBeVisible()
  for (;;) {
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '')
    if (focused.includes('Added')) break
    await page.keyboard.press('ArrowDown')
  }
  await page.keyboard.press(' ')
  await page.keyboard.press('Escape')
  await expect(header(page, 'Added')).toBeVisible()
  await expect(page.getByTestId('columns-button')).toBeFocused()

  await page.reload()
  await expect(page.getByTestId('clip-row').first()).toContainText(bigLibraryTitle(0))
  await expect(header(page, 'Model')).toHaveCount(0)
  await expect(header(page, 'Added')).toBeVisible()
  await expect(page.getByTestId('clip-row').first().locator('.col-added')).toHaveCount(1)
})

test('a column resized by keyboard and by dragging keeps its width after a reload; double-click resets', async ({
  page
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await openList(page)
  const style = header(page, 'Style')
  const before = await width(style)
  const edge = page.getByTestId('resize-style')
  await expect(edge).toHaveAttribute('role', 'separator')
  await expect(edge).toHaveAttribute('aria-valuenow', '150')
  await edge.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  await expect(edge).toHaveAttribute('aria-valuenow', '190')
  expect(await width(style)).toBe(before + 40)
  // Rows follow the header: the cell under it is as wide.
  expect(await width(page.getByTestId('clip-row').first().locator('.col-style'))).toBe(before + 40)

  // Dragging the Length column's left edge 30 px to the left widens it by 30.
  const length = header(page, 'Length')
  const lengthBefore = await width(length)
  const grip = await page.getByTestId('resize-duration').boundingBox()
  if (grip === null) throw new Error('no grip')
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2)
  await page.mouse.down()
  await page.mouse.move(grip.x + grip.width / 2 - 15, grip.y + grip.height / 2)
  await page.mouse.move(grip.x + grip.width / 2 - 30, grip.y + grip.height / 2)
  await page.mouse.up()
  await expect.poll(() => width(length)).toBe(lengthBefore + 30)

  // Never below the column's smallest width.
  await edge.focus()
  await page.keyboard.press('Home')
  await expect(edge).toHaveAttribute('aria-valuenow', '80')
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Enter')
  await expect(edge).toHaveAttribute('aria-valuenow', '150')
  await page.keyboard.press('Shift+ArrowRight')
  await expect(edge).toHaveAttribute('aria-valuenow', '182')

  await page.reload()
  await expect(page.getByTestId('clip-row').first()).toContainText(bigLibraryTitle(0))
  await expect(page.getByTestId('resize-style')).toHaveAttribute('aria-valuenow', '182')
  expect(await width(header(page, 'Length'))).toBe(lengthBefore + 30)

  await page.getByTestId('resize-duration').dblclick()
  await expect.poll(() => width(header(page, 'Length'))).toBe(64)
})

test('clicking a header sorts by it, again reverses it', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await openList(page)
  const style = header(page, 'Style')
  await style.getByRole('button').click()
  await expect(style).toHaveAttribute('aria-sort', 'ascending')
  await expect(page.getByTestId('clip-row').first().locator('.col-style')).toHaveText('jazz')
  await style.getByRole('button').click()
  await expect(style).toHaveAttribute('aria-sort', 'descending')
  await expect(page.getByTestId('clip-row').first().locator('.col-style')).toHaveText('rock')
  // Another column starts at its natural direction (most played first).
  await header(page, 'Plays').getByRole('button').click()
  await expect(header(page, 'Plays')).toHaveAttribute('aria-sort', 'descending')
  await expect(style).toHaveAttribute('aria-sort', 'none')
})

test('a narrow window drops the least important columns, never the title, and never scrolls sideways', async ({
  page
}) => {
  await page.setViewportSize({ width: 900, height: 700 })
  await openList(page)
  const list = page.getByTestId('clip-list')
  await expect(header(page, 'Title')).toBeVisible()
  expect(await width(header(page, 'Title'))).toBeGreaterThanOrEqual(160)
  const overflow = await list.evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  // Tags (the least important) goes before Length (among the most).
  await expect(header(page, 'Your tags')).toHaveCount(0)
  await expect(header(page, 'Length')).toBeVisible()
})

// Reordering (issue 13): drag a header onto another place, or move it from the header menu
// or with Alt+Shift+←/→; the rows follow the header, and the order survives a reload.

const headerOrder = (page: Page): Promise<string[]> =>
  page
    .locator('.head-row [role="columnheader"]')
    .evaluateAll((cells) => cells.map((cell) => (cell as HTMLElement).dataset.column ?? ''))

const rowOrder = (page: Page): Promise<string[]> =>
  page
    .getByTestId('clip-row')
    .first()
    .locator(':scope > .cell')
    .evaluateAll((cells) => cells.map((cell) => /\bcol-(\w+)/.exec(cell.className)?.[1] ?? ''))

const DEFAULT_SHOWN = ['title', 'style', 'model', 'duration', 'created', 'plays', 'tags']

test('dragging a header moves the column, header and row cells alike, and it stays after a reload', async ({
  page
}) => {
  await page.setViewportSize({ width: 1920, height: 900 })
  await openList(page)
  expect(await headerOrder(page)).toEqual(DEFAULT_SHOWN)

  const plays = await header(page, 'Plays').boundingBox()
  const style = await header(page, 'Style').boundingBox()
  if (plays === null || style === null) throw new Error('not laid out')
  const y = plays.y + plays.height / 2
  await page.mouse.move(plays.x + plays.width / 2, y)
  await page.mouse.down()
  await page.mouse.move(plays.x + plays.width / 2 - 20, y, { steps: 2 })
  await page.mouse.move(style.x + 10, y, { steps: 8 })
  // A line shows where it lands: at Style's left edge.
  const line = page.getByTestId('column-drop-indicator')
  await expect(line).toBeVisible()
  const at = await line.boundingBox()
  if (at === null) throw new Error('no drop line')
  expect(Math.abs(at.x + at.width / 2 - (style.x - 6))).toBeLessThanOrEqual(3)
  await page.mouse.up()
  await expect(line).toHaveCount(0)

  const moved = ['title', 'plays', 'style', 'model', 'duration', 'created', 'tags']
  await expect.poll(() => headerOrder(page)).toEqual(moved)
  expect(await rowOrder(page)).toEqual(moved)
  // The cell under each header is the same column: Plays sits where Style was.
  const playsCell = await page.getByTestId('clip-row').first().locator('.col-plays').boundingBox()
  expect(Math.round(playsCell?.x ?? 0)).toBe(Math.round(style.x))
  // Releasing the drag did not also sort by the header it started on.
  await expect(header(page, 'Plays')).toHaveAttribute('aria-sort', 'none')

  // Nothing drops before the title: dragged onto it, Tags lands right after it.
  const tags = await header(page, 'Your tags').boundingBox()
  const title = await header(page, 'Title').boundingBox()
  if (tags === null || title === null) throw new Error('not laid out')
  await page.mouse.move(tags.x + tags.width / 2, y)
  await page.mouse.down()
  await page.mouse.move(title.x + 20, y, { steps: 10 })
  await page.mouse.up()
  const second = ['title', 'tags', 'plays', 'style', 'model', 'duration', 'created']
  await expect.poll(() => headerOrder(page)).toEqual(second)

  await page.reload()
  await expect(page.getByTestId('clip-row').first()).toContainText(bigLibraryTitle(0))
  expect(await headerOrder(page)).toEqual(second)
  expect(await rowOrder(page)).toEqual(second)
})

test('the header menu and Alt+Shift+arrows move a column; Reset columns restores the order', async ({
  page
}) => {
  await page.setViewportSize({ width: 1920, height: 900 })
  await openList(page)
  const menu = page.getByTestId('columns-menu')

  await header(page, 'Style').click({ button: 'right' })
  // Style is already first after the title, which stays first.
  await expect(menu.getByTestId('column-move-left')).toHaveAttribute('aria-disabled', 'true')
  await menu.getByRole('menuitem', { name: 'Move “Style” right' }).click()
  await expect(menu).toBeHidden()
  const right = ['title', 'model', 'style', 'duration', 'created', 'plays', 'tags']
  await expect.poll(() => headerOrder(page)).toEqual(right)
  expect(await rowOrder(page)).toEqual(right)
  // Focus comes back to the moved header, so the next move is one key away.
  await expect(header(page, 'Style').getByRole('button')).toBeFocused()

  // The menu from the Columns button names no column, so it offers no move.
  await page.getByTestId('columns-button').click()
  await expect(menu).toBeVisible()
  await expect(menu.getByTestId('column-move-left')).toHaveCount(0)
  await page.keyboard.press('Escape')

  // By keyboard on a focused header: Created two places left.
  const sortBefore = await header(page, 'Created').getAttribute('aria-sort')
  await header(page, 'Created').getByRole('button').focus()
  await page.keyboard.press('Alt+Shift+ArrowLeft')
  await page.keyboard.press('Alt+Shift+ArrowLeft')
  const keyed = ['title', 'model', 'created', 'style', 'duration', 'plays', 'tags']
  await expect.poll(() => headerOrder(page)).toEqual(keyed)
  await expect(header(page, 'Created').getByRole('button')).toBeFocused()
  // Moving is not sorting: the sort is as it was.
  expect(await header(page, 'Created').getAttribute('aria-sort')).toBe(sortBefore)

  await page.reload()
  await expect(page.getByTestId('clip-row').first()).toContainText(bigLibraryTitle(0))
  expect(await headerOrder(page)).toEqual(keyed)

  await header(page, 'Model').click({ button: 'right' })
  await menu.getByRole('menuitem', { name: 'Reset columns' }).click()
  await expect.poll(() => headerOrder(page)).toEqual(DEFAULT_SHOWN)
  expect(await rowOrder(page)).toEqual(DEFAULT_SHOWN)
})
