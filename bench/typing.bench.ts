import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { LibraryPage } from '../src/shared/domain'
import { DEFAULT_SORT, toLibraryQuery } from '../src/renderer/src/store/library-query'
import { CHROMIUM_ARGS, findChromium } from '../test/e2e/support/browser'
import { startPreview, type RunningPreview } from '../test/e2e/support/preview'
import { ensureBuilt } from '../test/support/build'
import { median, percentile, printResults, result, type BenchResult } from './kit'
import { seedSyntheticLibrary } from './synthetic-library'

// Search as you type at 100,000 clips, in the built renderer served by `preview:web` over
// the real core, driven in Chromium (issue 14 §2):
//  - last keystroke → updated rows: from the `input` event of the last key typed into the
//    search box to the animation frame after the list committed the answer to that exact
//    text (the list's `data-answered-search` marker, seen by a MutationObserver; never a
//    fixed sleep). p50 and p95 against the 100 ms budget, over a mix typed at two speeds
//    (keys 70 ms apart, a burst, and 140 ms apart): one word, a prefix growing letter by
//    letter (each letter its own sample), CJK, two words, no match, a very common word,
//    and a word only the lyrics hold;
//  - the first search after the app starts, and the first of a freshly loaded page, each
//    against the later searches of the same page (target ≤ 1×);
//  - long tasks (> 50 ms) while typing.
// Each answer's rows are checked against the core's own answer to the same query.
// Needs `npm run build:app` first. In-page code is source strings: this file is
// typechecked without the DOM.

const QUICK = process.env['SONGSHELF_BENCH_QUICK'] === '1'
/** 100,000 clips; `--quick` checks the suite's correctness side on 10,000. */
const CLIPS = QUICK ? 10_000 : 100_000
const BUDGET_MS = 100
const LONG_TASK_MS = 50
/** Milliseconds between keys: a burst, then a steady typist. */
const KEY_GAPS = QUICK ? [70] : [70, 140]
/** Times each text is typed at each speed. */
const REPEATS = QUICK ? 1 : 3
/** Fresh starts of the app, and fresh pages of a running one, for the first search. */
const STARTS = QUICK ? 1 : 3
const RELOADS = QUICK ? 1 : 4
/** Later searches typed in each of those pages, after its first. */
const LATER = 2
/** A pause before each text so it starts from an idle box, not inside the last burst. */
const IDLE_MS = 400

const MIX: readonly { label: string; text: string }[] = [
  { label: 'one word', text: 'satellite' },
  { label: 'CJK', text: '夜晚' },
  { label: 'two words', text: 'neon rain' },
  { label: 'no match', text: 'zzqx' },
  { label: 'a very common word', text: 'pop' },
  { label: 'a word only lyrics hold', text: 'verse' }
]
/** Typed one letter at a time, each letter waited for: "g", "gh", … "ghost". */
const GROWING = 'ghost'
/** One word per first / later search (every word of library-data.ts is as common). */
const WORDS = [
  'river',
  'ocean',
  'summer',
  'heart',
  'fire',
  'dream',
  'shadow',
  'golden',
  'echo',
  'highway',
  'moon',
  'silver',
  'storm',
  'garden',
  'wild',
  'velvet',
  'electric',
  'paper',
  'crystal',
  'broken',
  'northern'
]

/** Before any page script: input events of the search box, answers the list committed
 * (the frame after each), and every long task. */
const OBSERVE = `(() => {
  const b = { inputs: [], answers: [], longTasks: [], waiters: [] }
  window.__typing = b
  // Every request of a sample must stay in the resource timeline (the default keeps 250).
  performance.setResourceTimingBufferSize(1000000)
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  document.addEventListener('input', (event) => {
    const box = event.target
    if (box instanceof HTMLInputElement && box.id === 'library-search')
      b.inputs.push({ at: event.timeStamp, value: box.value })
  }, true)
  new MutationObserver((records) => {
    const now = performance.now()
    for (const record of records) {
      const search = record.target.getAttribute('data-answered-search')
      if (search === null) continue
      const answer = { search, committed: now, frame: null }
      b.answers.push(answer)
      requestAnimationFrame(() => {
        answer.frame = performance.now()
        b.waiters = b.waiters.filter((check) => !check())
      })
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-answered-search'] })
  // Resolves with the first answer to \`search\` committed at or after \`since\`.
  b.answer = (search, since) => new Promise((resolve, reject) => {
    const check = () => {
      const hit = b.answers.find((a) => a.search === search && a.committed >= since && a.frame !== null)
      if (hit) resolve(hit)
      return hit !== undefined
    }
    if (check()) return
    b.waiters.push(check)
    setTimeout(() => reject(new Error('the list never answered ' + JSON.stringify(search))), 60000)
  })
})()`

interface Timing {
  /** Last keystroke → the frame after the answer was committed. */
  ms: number
  /** Last keystroke → the answer's request went out (the debounce and any queueing). */
  toRequest: number
  /** That request's round trip (HTTP + core). */
  request: number
  /** Of which: waiting for a connection, and the server's time to its first byte. */
  stalled: number
  server: number
}

/** The in-page half of one sample: the last input event, the answer to it, and the
 * `queryLibrary` request behind that answer (resource timing, same clock). */
const measure = (text: string, since: number): string => `(async () => {
  const b = window.__typing
  const last = b.inputs.filter((i) => i.at >= ${since}).at(-1)
  if (!last || last.value !== ${JSON.stringify(text)})
    throw new Error('the last input held ' + JSON.stringify(last && last.value))
  const hit = await b.answer(${JSON.stringify(text.trim())}, last.at)
  const request = performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('/api/call/queryLibrary') && e.responseEnd <= hit.committed)
    .at(-1)
  return {
    ms: hit.frame - last.at,
    toRequest: request ? request.startTime - last.at : NaN,
    request: request ? request.responseEnd - request.startTime : NaN,
    stalled: request ? request.requestStart - request.startTime : NaN,
    server: request ? request.responseStart - request.requestStart : NaN
  }
})()`

/** What the core answers to the query the list sends for `search`. */
async function coreAnswer(preview: RunningPreview, search: string): Promise<LibraryPage> {
  const query = toLibraryQuery({ filter: { search }, ...DEFAULT_SORT }, 0, 1)
  const response = await fetch(`${preview.origin}/api/call/queryLibrary`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Songshelf-Token': preview.token },
    body: JSON.stringify(query)
  })
  const answer = (await response.json()) as { ok: boolean; value?: LibraryPage }
  if (!answer.ok || !answer.value) throw new Error(`the core did not answer ${search}`)
  return answer.value
}

/** The list on screen shows the core's answer to `search` (count and first row). */
async function checkRows(page: Page, preview: RunningPreview, search: string): Promise<void> {
  const want = await coreAnswer(preview, search)
  const count = (await page.getByTestId('library-count').textContent()) ?? ''
  const first =
    want.total === 0
      ? null
      : await page.getByTestId('clip-row').first().getAttribute('data-clip-id')
  if (!count.includes(want.total.toLocaleString('en-US')) || first !== (want.rows[0]?.id ?? null))
    throw new Error(
      `for ${JSON.stringify(search)} the list shows ${count} starting with ${first}; the core ` +
        `answers ${want.total} starting with ${want.rows[0]?.id}`
    )
  if (want.total === 0) await page.getByTestId('library-no-match').waitFor()
}

const NOW = 'performance.now()'

/** Empties the box, waits for the whole library again, then lets the box go idle. */
async function clear(page: Page): Promise<void> {
  const box = page.locator('#library-search')
  if ((await box.inputValue()) !== '') {
    const since = await page.evaluate<number>(NOW)
    await box.fill('')
    await page.evaluate(`window.__typing.answer('', ${since})`)
  }
  await page.waitForTimeout(IDLE_MS)
}

/** Types `text` after what the box holds and times the last keystroke → rows. */
async function typeAndTime(
  page: Page,
  preview: RunningPreview,
  typed: string,
  text: string,
  gap: number
): Promise<Timing> {
  await page.locator('#library-search').focus()
  const since = await page.evaluate<number>(NOW)
  await page.keyboard.type(text, { delay: gap })
  const timing = await page.evaluate<Timing>(measure(typed + text, since))
  await checkRows(page, preview, (typed + text).trim())
  return timing
}

async function openPage(context: BrowserContext, preview: RunningPreview): Promise<Page> {
  const page = await context.newPage()
  await page.goto(preview.url)
  await page.locator('[data-answered-search=""] [data-testid="clip-row"]').first().waitFor()
  const count = await page.getByTestId('library-count').textContent()
  if (!count?.includes(CLIPS.toLocaleString('en-US')))
    throw new Error(`expected ${CLIPS} clips, the view says ${count}`)
  // As a user would: the page has shown its rows for a moment before the first key.
  await page.waitForTimeout(IDLE_MS)
  return page
}

/** The first search of a page and `LATER` searches after it, each a fresh word. */
async function firstAndLater(
  context: BrowserContext,
  preview: RunningPreview,
  words: string[]
): Promise<{ first: number; later: number[] }> {
  const page = await openPage(context, preview)
  try {
    const [first, ...rest] = words
    const firstMs = (await typeAndTime(page, preview, '', first as string, KEY_GAPS[0] as number))
      .ms
    const later: number[] = []
    for (const word of rest) {
      await clear(page)
      later.push((await typeAndTime(page, preview, '', word, KEY_GAPS[0] as number)).ms)
    }
    return { first: firstMs, later }
  } finally {
    await page.close()
  }
}

interface Sample extends Timing {
  label: string
}

export async function run(): Promise<BenchResult[]> {
  ensureBuilt()
  const root = await mkdtemp(join(tmpdir(), 'songshelf-bench-typing-'))
  const dirs = { dataDir: join(root, 'data'), libraryDir: join(root, 'library') }
  let browser: Browser | null = null
  let preview: RunningPreview | null = null
  try {
    await seedSyntheticLibrary(dirs.dataDir, dirs.libraryDir, CLIPS, { tidySearchIndex: true })
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    await context.addInitScript(OBSERVE)
    const words = [...WORDS]
    const take = (): string[] => words.splice(0, 1 + LATER)

    // The first search after the app starts: a core that has just opened the index.
    const afterStart: number[] = []
    const laterSearches: number[] = []
    for (let i = 0; i < STARTS; i++) {
      await preview?.stop()
      preview = await startPreview(dirs)
      const { first, later } = await firstAndLater(context, preview, take())
      afterStart.push(first)
      laterSearches.push(...later)
    }
    if (preview === null) throw new Error('the preview did not start')
    const running: RunningPreview = preview
    // The first search of a freshly loaded page (the app window reloads; the core stays).
    const afterLoad: number[] = []
    for (let i = 0; i < RELOADS; i++) {
      const { first, later } = await firstAndLater(context, running, take())
      afterLoad.push(first)
      laterSearches.push(...later)
    }

    // The mix, in one page that has searched before.
    const page = await openPage(context, running)
    await typeAndTime(page, running, '', 'warm', KEY_GAPS[0] as number)
    const since = await page.evaluate<number>(NOW)
    const samples: Sample[] = []
    for (let r = 0; r < REPEATS; r++) {
      for (const gap of KEY_GAPS) {
        for (const { label, text } of MIX) {
          await clear(page)
          samples.push({ label, ...(await typeAndTime(page, running, '', text, gap)) })
        }
        await clear(page)
        for (let n = 1; n <= GROWING.length; n++) {
          const timing = await typeAndTime(
            page,
            running,
            GROWING.slice(0, n - 1),
            GROWING[n - 1] as string,
            gap
          )
          samples.push({ label: 'prefix growing letter by letter', ...timing })
          await page.waitForTimeout(IDLE_MS)
        }
      }
    }
    await page.waitForTimeout(500)
    const longTasks = await page.evaluate<number[]>(
      `window.__typing.longTasks.filter((t) => t.start >= ${since}).map((t) => t.duration)`
    )
    await page.close()

    // Where the time goes, per kind of text (stderr, beside the figures).
    for (const label of new Set(samples.map((s) => s.label))) {
      const of = samples.filter((s) => s.label === label)
      const med = (pick: (s: Sample) => number): string => median(of.map(pick)).toFixed(0)
      process.stderr.write(
        `  ${label}: ${med((s) => s.ms)} ms (to request ${med((s) => s.toRequest)}, request ` +
          `${med((s) => s.request)}: stalled ${med((s) => s.stalled)}, server ${med((s) => s.server)}), n=${of.length}\n`
      )
    }
    process.stderr.write(
      `  first after start ${afterStart.map((v) => v.toFixed(0)).join(', ')}; after load ` +
        `${afterLoad.map((v) => v.toFixed(0)).join(', ')}; later ${laterSearches.map((v) => v.toFixed(0)).join(', ')}\n`
    )

    const all = samples.map((s) => s.ms)
    const n = CLIPS.toLocaleString('en-US')
    return [
      result(`last keystroke → updated rows at ${n} clips, p50`, median(all), BUDGET_MS, 1),
      result(`last keystroke → updated rows at ${n} clips, p95`, percentile(all, 95), BUDGET_MS, 1),
      result(
        'first search after the app starts (vs later searches of its page)',
        median(afterStart),
        median(laterSearches),
        1
      ),
      result(
        'first search of a freshly loaded page (vs later searches)',
        median(afterLoad),
        median(laterSearches),
        1
      ),
      result(
        `long tasks > ${LONG_TASK_MS} ms while typing ${samples.length} searches`,
        longTasks.length,
        1,
        0,
        'tasks'
      ),
      result('longest task while typing', Math.max(0, ...longTasks), LONG_TASK_MS, 1)
    ]
  } finally {
    await browser?.close()
    await preview?.stop()
    await rm(root, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('typing.bench.ts')) {
  const started = Date.now()
  run()
    .then((results) => {
      printResults(
        `typing @ ${CLIPS} clips (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        results
      )
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
