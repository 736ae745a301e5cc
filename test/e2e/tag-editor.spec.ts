import { expect, test, type Locator, type Page } from '@playwright/test'
import { callPreview } from './support/seed'
import { useSeededLibrary } from './support/seeded'

// The tag editors against the real core (issue 13, defect 8): the chips are the tags the
// core stored, the suggestion list never covers the summary, and one Escape closes an
// editor whose list is not open.

const lib = useSeededLibrary([
  { titles: ['Harbour Lights', 'Harbour Lights (alt)'], tags: 'synthwave', video: false },
  { titles: ['Paper Moon', 'Paper Moon (acoustic)'], tags: 'folk', video: false }
])

function rowTitled(page: Page, title: string): Locator {
  return page
    .getByTestId('clip-row')
    .filter({ has: page.locator('.title-text').getByText(title, { exact: true }) })
}

async function idOf(title: string): Promise<string> {
  const page = await callPreview(lib().preview, 'queryLibrary', { limit: 50 })
  const row = page.rows.find((r) => r.title === title)
  if (!row) throw new Error(`no clip ${title}`)
  return row.id
}

async function openLibrary(page: Page): Promise<void> {
  await page.goto(lib().preview.url)
  await expect(page.getByTestId('clip-row')).toHaveCount(4)
}

function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number }
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

test('a tag typed twice with other spaces and case is one chip, as the core stored it', async ({
  page
}) => {
  await openLibrary(page)
  await rowTitled(page, 'Paper Moon').click()
  await page.getByTestId('clip-detail').getByRole('button', { name: 'Edit tags' }).click()
  const editor = page.getByTestId('tag-editor')
  const input = editor.getByRole('combobox', { name: 'Add a tag' })
  await input.fill('night drive')
  await input.press('Enter')
  await expect(editor).toContainText('Added “night drive” to 1 clip')
  await input.fill('  Night   Drive ')
  // The editor reloads the tags once the core has stored the change.
  const reloaded = page.waitForResponse((r) => r.url().endsWith('/api/call/listTags'))
  await input.press('Enter')
  await reloaded
  await expect(editor.getByRole('status')).toHaveText('Added “night drive” to 1 clip')
  const chips = editor.getByRole('list', { name: 'Tags on these clips' }).getByRole('listitem')
  await expect(chips).toHaveText(['night drive×'])
  const stored = await callPreview(lib().preview, 'getClip', { id: await idOf('Paper Moon') })
  expect(stored?.userTags).toEqual(['night drive'])
})

test('the bulk editor opens without a list, and its suggestions never cover the summary', async ({
  page
}) => {
  await callPreview(lib().preview, 'tagClips', {
    ids: [await idOf('Harbour Lights')],
    add: ['night drive', 'neon'],
    remove: []
  })
  await openLibrary(page)
  await rowTitled(page, 'Harbour Lights').click()
  await rowTitled(page, 'Harbour Lights (alt)').click({ modifiers: ['ControlOrMeta'] })
  await page.getByTestId('selection-bar').getByRole('button', { name: 'Tags…' }).click()
  const editor = page.getByTestId('tag-editor')
  const input = editor.getByRole('combobox', { name: 'Add a tag' })
  await expect(input).toBeFocused()
  await expect(input).toHaveAttribute('aria-expanded', 'false')
  const summary = editor.getByRole('list', { name: 'Tags on these clips' })
  await expect(summary).toContainText('on 1 of 2')

  await input.press('n')
  const suggestions = editor.getByRole('listbox', { name: 'Add a tag' })
  await expect(suggestions.getByRole('option')).not.toHaveCount(0)
  const heading = editor.getByRole('heading', { name: 'Tags on these clips' })
  const listBox = await suggestions.boundingBox()
  expect(listBox).not.toBeNull()
  for (const covered of [heading, summary]) {
    await expect(covered).toBeVisible()
    const box = await covered.boundingBox()
    expect(box).not.toBeNull()
    expect(overlaps(listBox!, box!)).toBe(false)
  }
  // An open list takes the first Escape; the next one closes the editor.
  await input.press('Escape')
  await expect(input).toHaveAttribute('aria-expanded', 'false')
  await expect(editor).toBeVisible()
  await input.press('Escape')
  await expect(editor).toHaveCount(0)
})

test('with no list open, one Escape closes the tag editor', async ({ page }) => {
  // Existing tags: the old editor opened its list of them on focus.
  await callPreview(lib().preview, 'tagClips', {
    ids: [await idOf('Paper Moon (acoustic)')],
    add: ['acoustic'],
    remove: []
  })
  await openLibrary(page)
  await rowTitled(page, 'Harbour Lights').click()
  await page.getByTestId('clip-detail').getByRole('button', { name: 'Edit tags' }).click()
  const editor = page.getByTestId('tag-editor')
  await expect(editor.getByRole('combobox', { name: 'Add a tag' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(editor).toHaveCount(0)
})
