import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createSongshelfCore } from '../main/core/app/create-core'
import { createHeadlessHost } from '../main/core/app/headless-host'
import { readPackageVersion } from '../cli/version'
import { assertStrongToken } from './guard'

// `npm run preview:web -- --data-dir D --library L [--port P] [--token T]`: the built
// renderer in any browser, with the real core behind a loopback HTTP stand-in for IPC.

const USAGE = `Usage: npm run preview:web -- --data-dir DIR --library DIR [--port P] [--token T]
                              [--base-url URL] [--key KEY]
Serves the built renderer on 127.0.0.1 with the real Songshelf core behind it.
Leave --token out to get a strong random token (printed in the URL); a given token must
have at least 32 characters (an empty or short one is refused).
Environment: SONGSHELF_DATA_DIR, SONGSHELF_LIBRARY, SONGSHELF_BASE_URL, SONGSHELF_API_KEY.`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      library: { type: 'string' },
      port: { type: 'string' },
      token: { type: 'string' },
      'base-url': { type: 'string' },
      key: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    },
    strict: true
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  if (values.token !== undefined) {
    try {
      assertStrongToken(values.token)
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error))
      process.exit(2)
    }
  }
  const dataDir = values['data-dir'] ?? process.env['SONGSHELF_DATA_DIR']
  const libraryDir = values.library ?? process.env['SONGSHELF_LIBRARY']
  if (!dataDir || !libraryDir) {
    console.error(`Missing --data-dir or --library.\n\n${USAGE}`)
    process.exit(2)
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('--port must be a number between 0 and 65535.')
    process.exit(2)
  }
  mkdirSync(resolve(dataDir), { recursive: true })
  // Only the parent: the core makes the library folder itself for a fresh library, and
  // leaves a vanished one missing so the page says so (issue 12 §3).
  mkdirSync(dirname(resolve(libraryDir)), { recursive: true })
  const host = createHeadlessHost({
    transport: 'web-preview',
    version: readPackageVersion(),
    dataDir: resolve(dataDir),
    libraryDir: resolve(libraryDir),
    baseUrl: values['base-url'] ?? process.env['SONGSHELF_BASE_URL'],
    apiKey: values.key ?? process.env['SONGSHELF_API_KEY']
  })
  const core = createSongshelfCore(host)
  const { startPreviewServer } = await import('./server')
  const preview = await startPreviewServer({
    core,
    rendererDir: join(__dirname, '../renderer'),
    port,
    token: values.token
  })
  core.start()
  console.log(`Songshelf preview: ${preview.url}`)
  const stop = (): void => {
    void core
      .stop()
      .then(() => preview.close())
      .then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
