import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { chromium, type Browser, type Page } from 'playwright-core'
import { openLibrary } from '../src/main/core/library/store'
import { CHROMIUM_ARGS, findChromium } from '../test/e2e/support/browser'
import { startPreview } from '../test/e2e/support/preview'
import { printResults, result, type BenchResult } from './kit'
import { syntheticTasks } from './library-data'

// The library view at 100 000 clips, in the built renderer served by `preview:web` over
// the real core, driven in Chromium:
//  - time to an interactive list: navigation start → first rows rendered, then a row
//    clicked and shown selected (budget 1.5 s), cold (core just started) and warm;
//  - long tasks (PerformanceObserver 'longtask', i.e. > 50 ms) during a scripted fast
//    scroll to the bottom and back, one jump per frame (budget: none);
//  - JS heap after that scroll, after a GC (budget 150 MB).
// Needs `npm run build:app` first (out/main/preview-web.js and out/renderer).
// The in-page code is kept as source strings: this file is typechecked without the DOM.

const CLIPS = 100_000
const TTI_BUDGET_MS = 1500
const LONG_TASK_MS = 50
const HEAP_BUDGET_MB = 150
/** Frames for each direction of the fling: about two seconds at 60 fps. */
const FLING_FRAMES = 120
const quiet = { warn: (): void => undefined }

async function seed(dataDir: string, libraryDir: string): Promise<void> {
  const store = openLibrary({ dataDir, libraryDir, logger: quiet, createLibraryDir: true })
  for (let chunk = 0; chunk < CLIPS / 10_000; chunk++) {
    store.recordTaskResults(syntheticTasks(2000 + chunk, 10_000), Date.UTC(2026, 10, 1), {
      downloadVideo: true
    })
  }
  await store.close()
  // Every download "finished": rows look like a synced library. No files exist, so the
  // covers answer 404 and the placeholders show (the requests still happen).
  const db = new DatabaseSync(join(dataDir, 'library.sqlite'), { timeout: 5000 })
  db.exec(`UPDATE files SET state = 'done' WHERE state = 'pending';
    UPDATE clips SET has_audio = 1, has_cover = 1, download_state = 'done',
      has_video = EXISTS (SELECT 1 FROM files f WHERE f.clip_pk = clips.pk AND f.kind = 'video')`)
  db.close()
}

/** Before any page script: when the first real row appears, and every long task. */
const OBSERVE = `(() => {
  window.__bench = { firstRow: null, longTasks: [] }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }
  }).observe({ type: 'longtask', buffered: true })
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="clip-row"]')) {
      window.__bench.firstRow = performance.now()
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true })
})()`

/** Scrolls the list to the bottom and back, one jump per animation frame. */
const FLING = `(async (frames) => {
  const list = document.getElementById('library-results')
  const since = performance.now()
  const gaps = []
  let last = since
  let deepestRow = 0
  const frame = () => new Promise((resolve) => requestAnimationFrame((now) => {
    gaps.push(now - last)
    last = now
    for (const row of list.querySelectorAll('[data-testid="clip-row"]')) {
      // aria-rowindex counts the header row: clip n (1-based) is row n + 1.
      deepestRow = Math.max(deepestRow, Number(row.getAttribute('aria-rowindex')) - 1)
    }
    resolve()
  }))
  const max = () => list.scrollHeight - list.clientHeight
  const clips = Number(list.getAttribute('aria-rowcount')) - 1
  for (let i = 1; i <= frames; i++) {
    list.scrollTop = (max() * i) / frames
    await frame()
  }
  for (let i = 0; i < 60 && deepestRow < clips; i++) await frame()
  for (let i = frames - 1; i >= 0; i--) {
    list.scrollTop = (max() * i) / frames
    await frame()
  }
  for (let i = 0; i < 30; i++) await frame()
  return {
    deepestRow,
    longTasks: window.__bench.longTasks.filter((t) => t.start >= since).map((t) => t.duration),
    worstFrame: Math.max(...gaps),
    ms: performance.now() - since
  }
})(${FLING_FRAMES})`

interface FlingResult {
  deepestRow: number
  longTasks: number[]
  worstFrame: number
  ms: number
}

async function timeToInteractive(
  page: Page,
  url: string
): Promise<{ firstRow: number; click: number }> {
  await page.goto(url, { waitUntil: 'commit' })
  const row = page.getByTestId('clip-row').first()
  await row.waitFor()
  await row.click()
  await page.locator('[data-testid="clip-row"][aria-selected="true"]').first().waitFor()
  const click = await page.evaluate<number>('performance.now()')
  const firstRow = await page.evaluate<number>('window.__bench.firstRow')
  return { firstRow, click }
}

/** From the top, End moves the cursor to the last clip: ms until its row shows data. */
async function jumpToEnd(page: Page): Promise<number> {
  await page.getByRole('grid', { name: 'Clips' }).focus()
  await page.keyboard.press('Home')
  await page.locator('[data-testid="clip-row"][aria-rowindex="2"]').waitFor()
  const start = await page.evaluate<number>('performance.now()')
  await page.keyboard.press('End')
  await page.locator(`[data-testid="clip-row"][aria-rowindex="${CLIPS + 1}"]`).waitFor()
  return (await page.evaluate<number>('performance.now()')) - start
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  return (await page.evaluate<number>('performance.memory.usedJSHeapSize')) / 1_000_000
}

export async function run(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'songshelf-bench-renderer-'))
  const dataDir = join(root, 'data')
  const libraryDir = join(root, 'library')
  let browser: Browser | null = null
  await seed(dataDir, libraryDir)
  const preview = await startPreview({ dataDir, libraryDir })
  try {
    browser = await chromium.launch({
      executablePath: findChromium(),
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info']
    })
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    await context.addInitScript(OBSERVE)

    // The first visit meets a core that has just opened the index; the second, in a
    // fresh page, a warm one (the usual case: the app window reloads, the core stays).
    const first = await context.newPage()
    const cold = await timeToInteractive(first, preview.url)
    await first.close()
    const page = await context.newPage()
    const warm = await timeToInteractive(page, preview.url)
    const count = await page.getByTestId('library-count').textContent()
    if (!count?.includes('100,000'))
      throw new Error(`expected 100,000 clips, the view says ${count}`)

    const scroll = await page.evaluate<FlingResult>(FLING)
    if (scroll.deepestRow < CLIPS) {
      throw new Error(`the fast scroll never showed the last clip (deepest ${scroll.deepestRow})`)
    }
    const fill = await jumpToEnd(page)
    const heap = await heapMb(page)

    return [
      result('cold: navigation → first rows rendered', cold.firstRow, TTI_BUDGET_MS, 1),
      result('cold: navigation → a row clicked and selected', cold.click, TTI_BUDGET_MS, 1),
      result('warm: navigation → first rows rendered', warm.firstRow, TTI_BUDGET_MS, 1),
      result('warm: navigation → a row clicked and selected', warm.click, TTI_BUDGET_MS, 1),
      result(
        `long tasks > ${LONG_TASK_MS} ms in a fast scroll to the bottom and back`,
        scroll.longTasks.length,
        1,
        0,
        'tasks'
      ),
      result('longest task in that scroll', Math.max(0, ...scroll.longTasks), LONG_TASK_MS, 1),
      result('worst frame gap in that scroll', scroll.worstFrame, 100, 1),
      result('End key → the last clip shows its data', fill, 500, 1),
      result('JS heap after the scroll (after GC)', heap, HEAP_BUDGET_MB, 1, 'MB')
    ]
  } finally {
    await browser?.close()
    await preview.stop()
    await rm(root, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('renderer.bench.ts')) {
  const started = Date.now()
  run()
    .then((results) => {
      printResults(
        `renderer @ ${CLIPS} clips (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        results
      )
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
