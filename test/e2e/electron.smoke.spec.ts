import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test, type Page } from '@playwright/test'
import { run } from '../../src/cli/main'
import { startSimulator } from '../support/sim-gateway'
import {
  appInfoOf,
  electronBinary,
  ROOT,
  settingsOf,
  watchMainErrors
} from './support/electron-app'

// The real Electron app from out/, where an Electron binary is installed (developer
// machines, .github/workflows/desktop.yml on Linux, macOS and Windows). The offline build
// machines cannot download Electron, so there this spec registers no test and says so;
// the shell is covered there by the built-bundle test and the mocked shell tests.

const binary = electronBinary()

// The CLI in-process (not test/support/cli-harness, whose temp folders are vitest hooks).
async function cli(args: string[]): Promise<number> {
  return run(args, { out: () => undefined, err: () => undefined, isTTY: false }, async () => '')
}
const commonArgs = (
  dirs: { dataDir: string; libraryDir: string },
  sim?: { gatewayUrl: string; apiKey: string }
): string[] => [
  '--data-dir',
  dirs.dataDir,
  '--library',
  dirs.libraryDir,
  ...(sim ? ['--base-url', sim.gatewayUrl, '--key', sim.apiKey] : [])
]

async function seek(
  page: Page,
  kind: 'audio' | 'video',
  clipId: string
): Promise<{
  time: number
  target: number
  seekable: number
}> {
  return page.evaluate(
    async ({ kind, clipId }) => {
      const media = document.createElement(kind)
      media.muted = true
      media.src = `songshelf-media://clip/${clipId}/${kind}`
      document.body.append(media)
      await new Promise((r, j) => {
        media.addEventListener('loadedmetadata', r, { once: true })
        media.addEventListener('error', () => j(new Error(`${kind} failed to load`)), {
          once: true
        })
      })
      const target = Math.min(1, media.duration / 2)
      media.currentTime = target
      await new Promise((r) => media.addEventListener('seeked', r, { once: true }))
      const result = { time: media.currentTime, target, seekable: media.seekable.length }
      media.remove()
      return result
    },
    { kind, clipId }
  )
}

/** Several byte ranges of one file over the media scheme, as a seeking player asks. */
async function rangeAnswers(
  page: Page,
  kind: 'audio' | 'video',
  clipId: string
): Promise<{ status: number; range: string | null; bytes: number }[]> {
  return page.evaluate(
    async ({ kind, clipId }) => {
      const url = `songshelf-media://clip/${clipId}/${kind}`
      const answers = []
      for (const range of ['bytes=0-99', 'bytes=100-1099', 'bytes=-64']) {
        const response = await fetch(url, { headers: { Range: range } })
        const body = await response.arrayBuffer()
        answers.push({
          status: response.status,
          range: response.headers.get('content-range'),
          bytes: body.byteLength
        })
      }
      return answers
    },
    { kind, clipId }
  )
}

if (!binary) {
  console.log(
    'Electron smoke spec skipped: no Electron binary on this machine ' +
      '(node_modules/electron/path.txt is missing: Electron >= 42 downloads it on first use). ' +
      'Run `npx install-electron` to enable it.'
  )
} else {
  test('the desktop app starts, searches with FTS5, seeks audio and video, copies, survives a restart, and reopens on macOS', async () => {
    test.setTimeout(180_000)
    const base = mkdtempSync(join(tmpdir(), 'songshelf-electron-'))
    const userData = join(base, 'userData')
    const libraryDir = join(base, 'library')
    mkdirSync(userData, { recursive: true })
    const sim = await startSimulator({ fixturesDir: join(ROOT, 'test/fixtures') })
    try {
      const task = sim.addTask({ id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', title: 'Smoke Song' })
      const dirs = { dataDir: userData, libraryDir }
      await cli(['add', ...commonArgs(dirs), task.id])
      expect(
        await cli(['sync', '--until-done', '--poll-interval', '0.05', ...commonArgs(dirs, sim)])
      ).toBe(0)
      writeFileSync(
        join(userData, 'settings.json'),
        JSON.stringify({ libraryDir, onboarded: true })
      )
      const launch = () =>
        electron.launch({
          executablePath: binary,
          args: [join(ROOT, 'out/main/index.js')],
          env: { ...process.env, SONGSHELF_USER_DATA: userData }
        })

      const app = await launch()
      const mainErrors = await watchMainErrors(app)
      let page = await app.firstWindow()
      await expect(page.getByRole('navigation')).toBeVisible()
      // Served from the app scheme, sandboxed and isolated: no Node globals in the page.
      expect(page.url()).toMatch(/^songshelf-app:\/\/app\//)
      expect(
        await page.evaluate(() => [
          typeof globalThis.process,
          typeof (globalThis as { require?: unknown }).require
        ])
      ).toEqual(['undefined', 'undefined'])
      // node:sqlite with FTS5 in Electron's own main process.
      const info = await appInfoOf(page)
      expect(info['fts5']).toBe(true)
      console.log(
        `Electron main: sqlite ${String(info['sqliteVersion'])}, fts5 ${String(info['fts5'])}`
      )

      await expect(page.getByText('Smoke Song').first()).toBeVisible()
      const rows = (await page.evaluate(() => window.songshelf.queryLibrary({}))) as {
        ok: true
        value: { rows: { id: string }[] }
      }
      const clipId = rows.value.rows[0]!.id
      for (const kind of ['audio', 'video'] as const) {
        const result = await seek(page, kind, clipId)
        expect(result.seekable, kind).toBeGreaterThan(0)
        expect(Math.abs(result.time - result.target), kind).toBeLessThan(0.5)
        // The seek rides on real 206 answers from the protocol handler, not a full reload.
        const answers = await rangeAnswers(page, kind, clipId)
        expect(
          answers.map((a) => a.status),
          kind
        ).toEqual([206, 206, 206])
        expect(
          answers.map((a) => a.bytes),
          kind
        ).toEqual([100, 1000, 64])
        for (const a of answers) expect(a.range, kind).toMatch(/^bytes \d+-\d+\/\d+$/)
      }

      // A copy reaches the system clipboard (clipboard-sanitized-write for our frame).
      await page.bringToFront()
      await page.evaluate(() => navigator.clipboard.writeText('songshelf clipboard check'))
      expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe(
        'songshelf clipboard check'
      )

      await page.evaluate(() => window.songshelf.setApiKey({ key: 'sk-smoke-secret' }))
      const exposed = await page.evaluate(async () =>
        JSON.stringify([
          await window.songshelf.getSettings(undefined),
          Object.keys(window.songshelf)
        ])
      )
      expect(exposed).not.toContain('sk-smoke-secret')
      const protection = (await settingsOf(page)).keyProtection
      console.log(`safeStorage on ${process.platform}: key protection ${protection}`)

      if (process.platform === 'darwin') {
        // Closing the last window keeps the app; activate opens it again; events that
        // fire meanwhile (a poll) throw nothing.
        await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
        await expect.poll(() => app.windows().length).toBe(0)
        const reopened = app.waitForEvent('window')
        await app.evaluate(({ app: electronApp }) => electronApp.emit('activate'))
        page = await reopened
        await expect(page.getByRole('navigation')).toBeVisible()
        await page.evaluate(() => window.songshelf.pollNow(undefined))
      }
      expect(await mainErrors()).toEqual([])
      await app.close()

      // The key survives a restart.
      const again = await launch()
      const page2 = await again.firstWindow()
      await expect(page2.getByRole('navigation')).toBeVisible()
      const after = await settingsOf(page2)
      expect(after.hasKey).toBe(true)
      expect(after.keyProtection).not.toBe('locked')
      await again.close()
    } finally {
      await sim.close()
      rmSync(base, { recursive: true, force: true })
    }
  })
}
