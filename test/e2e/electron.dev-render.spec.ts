import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { expect, test } from '@playwright/test'
import { createServer, type Plugin, type ViteDevServer } from 'vite'
import config from '../../electron.vite.config'
import { appResponseHeaders } from '../../src/main/security'
import { startPreview, tempDirs, type RunningPreview } from './support/preview'

// `npm run dev` renders the UI. In dev, Electron loads the renderer from Vite's dev
// server, and main decides which headers its responses get (appResponseHeaders). That
// used to be the CSP on every response of the default session, which blocks the inline
// preamble @vitejs/plugin-react injects, so #root stayed empty. Here the renderer is
// served by Vite's dev server with the app's own renderer config and the app's header
// logic applied to every response; the bridge calls go to the real core (preview:web)
// through Vite's proxy, so the app frame is the real one.

function appHeaders(): Plugin {
  return {
    name: 'songshelf-app-headers',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`
        for (const [name, value] of Object.entries(appResponseHeaders(url))) {
          res.setHeader(name, value)
        }
        next()
      })
    }
  }
}

let preview: RunningPreview
let vite: ViteDevServer
let devUrl: string

test.beforeAll(async () => {
  preview = await startPreview(tempDirs())
  const renderer = config.renderer ?? {}
  vite = await createServer({
    configFile: false,
    root: renderer.root,
    resolve: renderer.resolve,
    plugins: [appHeaders(), ...(renderer.plugins ?? [])],
    logLevel: 'error',
    server: {
      host: '127.0.0.1',
      port: 0,
      strictPort: false,
      proxy: {
        '/api': { target: preview.origin, changeOrigin: true },
        '/media': { target: preview.origin, changeOrigin: true }
      }
    }
  })
  await vite.listen()
  const address = vite.resolvedUrls?.local[0]
  if (!address) throw new Error('Vite dev server has no URL')
  devUrl = `${address}#token=${encodeURIComponent(preview.token)}`
})

test.afterAll(async () => {
  await vite?.close()
  await preview?.stop()
  if (preview) rmSync(dirname(preview.dataDir), { recursive: true, force: true })
})

test('the dev server renders the app frame with the app header logic applied', async ({ page }) => {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|preamble/i.test(message.text()))
      problems.push(message.text())
  })
  const response = await page.goto(devUrl)
  expect(response?.status()).toBe(200)
  // Vite's React preamble is an inline script, and it ran.
  expect(await response?.text()).toContain('injectIntoGlobalHook')
  const nav = page.getByRole('navigation')
  await expect(nav.getByRole('button', { name: 'Library' })).toBeVisible()
  await expect(page.getByTestId('library-empty')).toContainText('Your library is empty')
  await expect(page.getByTestId('app-version')).toContainText('Version 0.1.0')
  expect(problems).toEqual([])
})
