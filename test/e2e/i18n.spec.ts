import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startSimulator, type Simulator } from '../support/sim-gateway'
import { startPreview, tempDirs, type RunningPreview } from './support/preview'

// With the UI in 中文, the main views (library, tasks, settings) and the player bar show
// no English: every visible text node is scanned for ASCII words of three letters or more.
// Allowed: proper names and formats, and data the user's gateway sent (titles, style
// tags, model names), which are not UI strings.

const ALLOWED = new Set(['songshelf', 'suno', 'mp3', 'mp4', 'api', 'english'])

let sim: Simulator
let preview: RunningPreview
const TASK = randomUUID()
const TITLE = 'Harbour Lights'
const STYLE = 'synthwave, dreamy, female vocals'
const LYRICS = '[Verse]\nSilver boats are sailing home\n[Chorus]\nHarbour glow'

test.beforeAll(async () => {
  sim = await startSimulator({ fixturesDir: resolve(import.meta.dirname, '../fixtures') })
  sim.addTask({
    id: TASK,
    steps: [{ status: 'SUCCESS' }],
    clips: 1,
    titles: [TITLE],
    tags: STYLE,
    lyrics: LYRICS
  })
  preview = await startPreview({ ...tempDirs(), baseUrl: sim.gatewayUrl, key: sim.apiKey })
})
test.afterAll(async () => {
  await preview?.stop()
  await sim?.close()
})

/** Visible text of `selector`, minus ids, paths, URLs and data marked as not translated. */
async function visibleWords(page: Page, selector: string): Promise<string[]> {
  const texts = await page.locator(selector).evaluateAll((roots) => {
    const out: string[] = []
    const skip = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (e.closest('[translate="no"], code, kbd, .core-message, select, script, style'))
          return true
        if (e instanceof HTMLElement && !e.checkVisibility({ checkVisibilityCSS: true }))
          return true
      }
      return false
    }
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!skip(node.parentElement)) out.push(node.textContent ?? '')
      }
      for (const el of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
        if (skip(el)) continue
        for (const attr of ['aria-label', 'title']) {
          const value = el.getAttribute(attr)
          if (value) out.push(value)
        }
      }
    }
    return out
  })
  const words: string[] = []
  for (const text of texts) {
    for (const token of text.split(/[\s\u3000-\u303f\uff00-\uffef,;()[\]{}"'“”‘’·…—–]+/)) {
      // A file extension such as .json names a format, like mp3.
      if (/^\.[A-Za-z0-9]+$/.test(token)) continue
      const word = token.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
      // URLs, paths, file names, ids, sizes and times are not words of a language; a
      // sentence's own full stop is no reason to skip one.
      if (/[/\\@_\d]|\w[.:]\w/.test(word)) continue
      for (const part of word.match(/[A-Za-z]{3,}/g) ?? []) words.push(part)
    }
  }
  const data = new Set(
    `${TITLE} ${STYLE} ${LYRICS} chirp`
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter(Boolean)
  )
  return words.filter((w) => !ALLOWED.has(w.toLowerCase()) && !data.has(w.toLowerCase()))
}

test('in 中文, library, tasks, settings and the player bar show no English', async ({ page }) => {
  await page.goto(preview.url)
  await page.getByRole('navigation').getByRole('button', { name: 'Tasks' }).click()
  await page.getByLabel('Add task ids').fill(TASK)
  await page.getByRole('button', { name: 'Add 1 task' }).click()
  await expect(page.locator('[data-testid="task-item"] [data-testid="task-phase"]')).toHaveText(
    'Done',
    { timeout: 30_000 }
  )
  await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click()
  await page.getByTestId('clip-row').filter({ hasText: TITLE }).click()
  await page.getByTestId('clip-detail').getByRole('button', { name: 'Play', exact: true }).click()
  await expect(page.getByTestId('player-title')).toHaveText(TITLE)

  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Language', { exact: true }).selectOption('zh-CN')
  await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible()

  const found: Record<string, string[]> = {}
  found.settings = await visibleWords(page, 'main')
  await page.getByRole('navigation').getByRole('button', { name: '任务' }).click()
  await expect(page.getByRole('heading', { name: '任务', level: 1 })).toBeVisible()
  found.tasks = await visibleWords(page, 'main')
  await page.getByRole('navigation').getByRole('button', { name: '曲库' }).click()
  await expect(page.getByTestId('clip-row').first()).toBeVisible()
  found.library = await visibleWords(page, 'main')
  await page
    .getByTestId('player-bar')
    .getByRole('button', { name: '播放队列', exact: true })
    .click()
  found.player = await visibleWords(page, '[data-testid="player-bar"]')
  found.navigation = await visibleWords(page, 'nav')

  expect(found).toEqual({ settings: [], tasks: [], library: [], player: [], navigation: [] })
})
