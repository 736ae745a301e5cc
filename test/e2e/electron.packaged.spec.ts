import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { appInfoOf, packagedBinary, settingsOf, watchMainErrors } from './support/electron-app'

// The packaged app: ESM main inside app.asar, fuses flipped, electron-builder's layout.
// Built in CI by `npx electron-builder --dir -c electron-builder.e2e.yml` (the release
// config plus the --inspect fuse Playwright needs). Where that build is absent (every
// offline machine) the spec registers no test and says so.

const binary = packagedBinary()

if (!binary) {
  console.log(
    'Packaged-app spec skipped: no dist-e2e build on this machine. Build it with ' +
      '`npx electron-builder --dir -c electron-builder.e2e.yml --publish never` (needs the Electron binary).'
  )
} else {
  test('the packaged app starts from its asar, serves the renderer from the app scheme with a CSP, and keeps the key across restarts', async () => {
    test.setTimeout(180_000)
    const base = mkdtempSync(join(tmpdir(), 'songshelf-packaged-'))
    const userData = join(base, 'userData')
    mkdirSync(userData, { recursive: true })
    writeFileSync(
      join(userData, 'settings.json'),
      JSON.stringify({ libraryDir: join(base, 'library'), onboarded: true })
    )
    const launch = () =>
      electron.launch({
        executablePath: binary,
        args: [],
        env: { ...process.env, SONGSHELF_USER_DATA: userData }
      })

    try {
      const app = await launch()
      const mainErrors = await watchMainErrors(app)
      const page = await app.firstWindow()
      await expect(page.getByRole('navigation')).toBeVisible()
      expect(page.url()).toBe('songshelf-app://app/index.html')
      expect(await app.evaluate(({ app: electronApp }) => electronApp.isPackaged)).toBe(true)
      expect(await app.evaluate(({ app: electronApp }) => electronApp.getAppPath())).toMatch(
        /app\.asar$/
      )
      expect((await appInfoOf(page))['fts5']).toBe(true)
      // The CSP applies: an injected inline script does not run.
      expect(
        await page.evaluate(() => {
          const script = document.createElement('script')
          script.textContent = 'window.__inline = 1'
          document.head.append(script)
          return (window as unknown as { __inline?: number }).__inline
        })
      ).toBeUndefined()
      // The simulator and the preview host are not in the package.
      expect(
        await app.evaluate(async () => {
          const { existsSync } = await import('node:fs')
          const { join: joinPath } = await import('node:path')
          const dir = joinPath(process.resourcesPath, 'app.asar', 'out', 'main')
          return [existsSync(joinPath(dir, 'index.js')), existsSync(joinPath(dir, 'sim.js'))]
        })
      ).toEqual([true, false])

      await page.evaluate(() => window.songshelf.setApiKey({ key: 'sk-packaged-secret' }))
      const before = await settingsOf(page)
      console.log(`packaged app on ${process.platform}: key protection ${before.keyProtection}`)
      expect(await mainErrors()).toEqual([])
      await app.close()

      const again = await launch()
      const page2 = await again.firstWindow()
      await expect(page2.getByRole('navigation')).toBeVisible()
      const after = await settingsOf(page2)
      expect(after.hasKey).toBe(true)
      expect(after.keyProtection).toBe(before.keyProtection)
      await again.close()
    } finally {
      rmSync(base, { recursive: true, force: true })
    }
  })
}
