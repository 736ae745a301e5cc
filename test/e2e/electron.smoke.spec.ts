import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { cli, commonArgs } from '../support/cli-harness'
import { startSimulator } from '../support/sim-gateway'

// The real Electron app, where an Electron binary is installed (developer machines,
// release builds). The build machines cannot download Electron, so there this spec
// registers no test and says so; the shell is covered there by the built-bundle test
// (test/unit/build) and the mocked shell tests (test/unit/main).

const ROOT = resolve(import.meta.dirname, '../..')

// Where Electron's own `index.js` would look, without triggering its lazy download:
// path.txt names the executable inside dist/, or inside ELECTRON_OVERRIDE_DIST_PATH (a
// directory, electron/npm/index.js).
function electronBinary(): string | null {
  const pathFile = join(ROOT, 'node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return null
  const dist =
    process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(ROOT, 'node_modules/electron/dist')
  const binary = join(dist, readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()

if (!binary) {
  console.log(
    'Electron smoke spec skipped: no Electron binary on this machine ' +
      '(node_modules/electron/path.txt is missing: Electron >= 42 downloads it on first use). ' +
      'Run `npx install-electron` to enable it.'
  )
} else {
  test('the desktop app starts, shows the library, plays and seeks a song, and never exposes the key', async () => {
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
        (await cli(['sync', '--until-done', '--poll-interval', '0.05', ...commonArgs(dirs, sim)]))
          .code
      ).toBe(0)
      writeFileSync(
        join(userData, 'settings.json'),
        JSON.stringify({ libraryDir, onboarded: true })
      )

      const app = await electron.launch({
        executablePath: binary,
        args: [join(ROOT, 'out/main/index.js')],
        env: { ...process.env, SONGSHELF_USER_DATA: userData }
      })
      const page = await app.firstWindow()
      await expect(page.getByRole('navigation')).toBeVisible()
      // Sandboxed, isolated renderer: no Node globals in the page.
      expect(
        await page.evaluate(() => [
          typeof globalThis.process,
          typeof (globalThis as { require?: unknown }).require
        ])
      ).toEqual(['undefined', 'undefined'])

      await expect(page.getByText('Smoke Song').first()).toBeVisible()
      const played = await page.evaluate(async () => {
        const audio = new Audio()
        const id = (await window.songshelf.queryLibrary({})) as {
          ok: true
          value: { rows: { id: string }[] }
        }
        audio.src = `songshelf-media://clip/${id.value.rows[0]!.id}/audio`
        await audio.play()
        await new Promise((r) => audio.addEventListener('timeupdate', r, { once: true }))
        audio.currentTime = 1
        await new Promise((r) => audio.addEventListener('seeked', r, { once: true }))
        return { time: audio.currentTime, seekable: audio.seekable.length }
      })
      expect(played.seekable).toBeGreaterThan(0)
      expect(Math.abs(played.time - 1)).toBeLessThan(0.5)

      await page.evaluate(() => window.songshelf.setApiKey({ key: 'sk-smoke-secret' }))
      const exposed = await page.evaluate(async () =>
        JSON.stringify([
          await window.songshelf.getSettings(undefined),
          Object.keys(window.songshelf),
          typeof (window as unknown as { require?: unknown }).require
        ])
      )
      expect(exposed).not.toContain('sk-smoke-secret')
      expect(exposed).toContain('"undefined"')
      await app.close()
    } finally {
      await sim.close()
    }
  })
}
