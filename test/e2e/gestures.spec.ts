import { expect, test, type Locator, type Page } from '@playwright/test'
import { callPreview, seedLibrary, waitForState, type SeededLibrary } from './support/seed'

// Issue 13's everyday gestures, driven as a user would: a real core behind `preview:web`, a
// simulated gateway, real downloads, Chromium.

const PARENT_A = '5a1e0000-0000-4000-8000-00000000000a'
const PARENT_B = '5a1e0000-0000-4000-8000-00000000000b'
const EXT_A = '5a1e0000-0000-4000-8000-0000000000e1'
const EXT_B = '5a1e0000-0000-4000-8000-0000000000e2'

let lib: SeededLibrary

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  lib = await seedLibrary([
    // One generation, two takes with one title; the gateway says which take each is.
    {
      titles: ['Harbour Lights', 'Harbour Lights'],
      clipIds: [PARENT_A, PARENT_B],
      takes: true,
      tags: 'synthwave, dreamy'
    },
    // Both takes of an extend of the first take.
    {
      titles: ['Harbour Lights (Extended)', 'Harbour Lights (Extended)'],
      clipIds: [EXT_A, EXT_B],
      takes: true,
      continueClipId: PARENT_A,
      continueAt: 62,
      tags: 'synthwave'
    },
    // A gateway that does not pass batch_index on: takes are told apart by short id.
    { titles: ['Quiet Field', 'Quiet Field'], tags: 'folk, acoustic', video: false }
  ])
  lib.sim.addTask({
    id: 'task_e2egfail',
    titles: ['Lost Signal', 'Lost Signal'],
    steps: [{ status: 'FAILURE' }],
    fail: 'content policy'
  })
  await callPreview(lib.preview, 'addTasks', { text: 'task_e2egfail' })
  await waitForState('the failed generation in the index', async () => {
    const page = await callPreview(lib.preview, 'queryLibrary', { generationFailed: true })
    return page.total === 2 ? page : null
  })
})

test.afterAll(async () => {
  await lib?.stop()
})

function rows(page: Page): Locator {
  return page.getByTestId('clip-row')
}

function titled(items: Locator, page: Page, title: string): Locator {
  return items.filter({ has: page.locator('.title-text').getByText(title, { exact: true }) })
}

async function openLibrary(page: Page): Promise<void> {
  await page.goto(lib.preview.url)
  await expect(rows(page)).toHaveCount(6)
}

test('the two takes of a generation are told apart wherever a title appears', async ({ page }) => {
  await openLibrary(page)
  const harbour = titled(rows(page), page, 'Harbour Lights')
  await expect(harbour).toHaveCount(2)
  // Order follows the sort (same title, same time); the pair is what matters.
  expect((await harbour.getByTestId('take-mark').allInnerTexts()).sort()).toEqual([
    'take 1/2',
    'take 2/2'
  ])
  // Without a take from the gateway: the short id of the file names.
  const quiet = titled(rows(page), page, 'Quiet Field')
  const quietMarks = await quiet.getByTestId('take-mark').allInnerTexts()
  expect(quietMarks).toHaveLength(2)
  expect(new Set(quietMarks).size).toBe(2)
  for (const mark of quietMarks) expect(mark).toMatch(/^#[0-9a-f]{8}$/)

  // The detail: which take it is, and "Extended by" names both takes of the extend.
  await titled(rows(page), page, 'Harbour Lights')
    .filter({ has: page.getByTestId('take-mark').getByText('take 1/2') })
    .click()
  const panel = page.getByTestId('clip-detail')
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Harbour Lights')
  await expect(panel.getByTestId('clip-take')).toHaveText('take 1/2')
  const lineage = panel.getByTestId('clip-lineage')
  await expect(lineage.getByRole('button', { name: /Harbour Lights \(Extended\)/ })).toHaveText([
    'Harbour Lights (Extended) take 1/2',
    'Harbour Lights (Extended) take 2/2'
  ])
  await expect(lineage.getByRole('button', { name: 'Harbour Lights take 2/2' })).toBeVisible()

  // Player bar, queue and the OS media controls.
  await titled(rows(page), page, 'Harbour Lights')
    .filter({ has: page.getByTestId('take-mark').getByText('take 2/2') })
    .dblclick()
  await expect(page.getByTestId('player-title')).toHaveText('Harbour Lights')
  await expect(page.getByTestId('player-subtitle')).toContainText('take 2/2')
  await expect
    .poll(() => page.evaluate(() => navigator.mediaSession.metadata?.title ?? null))
    .toBe('Harbour Lights (take 2/2)')
  await page.getByRole('button', { name: 'Queue', exact: true }).click()
  const queue = page.getByTestId('queue-panel')
  await expect(
    queue.getByRole('button', { name: /^Play Harbour Lights \(take 1\/2\)/ })
  ).toHaveCount(1)
  await expect(
    queue.getByRole('button', { name: /^Play Harbour Lights \(take 2\/2\)/ })
  ).toHaveCount(1)

  // The cover grid too.
  await page.getByRole('button', { name: 'Covers', exact: true }).click()
  const cards = titled(page.getByTestId('clip-card'), page, 'Harbour Lights')
  const cardMarks = await cards.getByTestId('take-mark').allInnerTexts()
  expect(cardMarks.sort()).toEqual(['take 1/2', 'take 2/2'])
  await page.getByRole('button', { name: 'List', exact: true }).click()
})

test('a grid card plays from its own button and shows the same marks as its row', async ({
  page
}) => {
  await openLibrary(page)
  await page.getByRole('button', { name: 'Covers', exact: true }).click()
  const cards = page.getByTestId('clip-card')
  await expect(cards).toHaveCount(6)
  // Every card with a video says so, as its row does; the folk takes have none.
  await expect(titled(cards, page, 'Harbour Lights').getByTestId('video-badge')).toHaveCount(2)
  await expect(titled(cards, page, 'Quiet Field').getByTestId('video-badge')).toHaveCount(0)
  await page.getByRole('button', { name: 'List', exact: true }).click()
  await expect(titled(rows(page), page, 'Harbour Lights').getByTestId('video-badge')).toHaveCount(2)
  await page.getByRole('button', { name: 'Covers', exact: true }).click()

  const card = titled(cards, page, 'Quiet Field').first()
  const play = card.getByTestId('card-play')
  await expect(play).toHaveCSS('opacity', '0')
  await card.hover()
  await expect(play).toHaveCSS('opacity', '1')
  const name = await play.getAttribute('aria-label')
  expect(name).toMatch(/^Play Quiet Field \(#[0-9a-f]{8}\)$/)
  await play.click()
  await expect(page.getByTestId('player-title')).toHaveText('Quiet Field')
  const mark = (name ?? '').replace(/^Play Quiet Field \((.*)\)$/, '$1')
  await expect(page.getByTestId('player-subtitle')).toContainText(mark)
  // The play button is its own gesture: it neither selects the card nor opens the detail.
  await expect(card).toHaveAttribute('aria-selected', 'false')

  // A failed generation: the same badge as its row, and nothing to play.
  await page.getByTestId('filter-generation-failed').click()
  await expect(cards).toHaveCount(2)
  await expect(cards.first().getByTestId('state-badge')).toHaveText('Generation failed')
  await expect(cards.getByTestId('card-play')).toHaveCount(0)
  await page.getByTestId('filter-generation-failed').click()
  await page.getByRole('button', { name: 'List', exact: true }).click()
})

test('several styles narrow the list together, and the list sorts by style', async ({ page }) => {
  await openLibrary(page)
  const style = (name: string): Locator =>
    page.getByTestId('filter-style').filter({ has: page.getByText(name, { exact: true }) })
  await style('dreamy').click()
  await expect(rows(page)).toHaveCount(2)
  // The second style is added to the first (clips with both), not swapped for it.
  await style('synthwave').click()
  await expect(style('dreamy')).toHaveAttribute('aria-pressed', 'true')
  await expect(style('synthwave')).toHaveAttribute('aria-pressed', 'true')
  await expect(rows(page)).toHaveCount(2)
  await expect(page.getByTestId('library-count')).toHaveText('2 clips')
  await style('dreamy').click()
  await expect(rows(page)).toHaveCount(4)
  await style('synthwave').click()
  await expect(rows(page)).toHaveCount(6)

  await page.getByRole('columnheader', { name: 'Style' }).getByRole('button').click()
  await expect(page.getByRole('columnheader', { name: 'Style' })).toHaveAttribute(
    'aria-sort',
    'ascending'
  )
  await expect(rows(page).first().locator('.col-style')).toHaveText('folk, acoustic')
  await expect(rows(page).last().locator('.col-style')).toHaveText('synthwave, dreamy')
})
