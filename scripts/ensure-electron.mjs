#!/usr/bin/env node
// Makes sure Electron's binary is on disk before `npm start`, `npm run dev` or `npm run dist`
// hand over to electron-vite / electron-builder.
//
// Since Electron 42 the `electron` package has no postinstall: it downloads its binary the
// first time `require('electron')` runs, or through its own `install-electron` bin
// (electron/electron#49328, docs/breaking-changes.md 42.0). electron-vite 6 does neither;
// it only reads node_modules/electron/path.txt and throws "Electron uninstall"
// (alex8088/electron-vite#904). `install-electron` is idempotent (it exits 0 at once when
// the right version is already there), so running it first costs nothing after the first
// time. Where the download cannot happen (no network, a proxy, a firewall) the user gets
// one plain paragraph instead of @electron/get's stack trace.
//
// Usage: node scripts/ensure-electron.mjs [--installer <file>]   (the option is for tests)

import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)

/** The first line of the installer's output that says what went wrong, without stack
 * frames or file paths of @electron/get. */
export function failureReason(output) {
  const lines = String(output)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at ') && !/^[\^~\s]+$/.test(line))
  const reason = lines.find((line) => /error|fail|unable|denied|timed? ?out/i.test(line))
  const text = (reason ?? lines[0] ?? 'the installer exited without saying why').replace(
    /^(\w*Error):\s*/,
    ''
  )
  return text.length > 200 ? `${text.slice(0, 197)}...` : text
}

/** The one paragraph a user sees when the binary cannot be fetched. */
export function failureParagraph({ version, platform, arch, reason }) {
  return [
    `Songshelf could not start: the Electron ${version} binary for ${platform}-${arch} is not`,
    `installed and downloading it failed (${reason}).`,
    'Electron fetches its binary on first use, so this needs a connection to its download',
    'server (set HTTPS_PROXY if you are behind a proxy, or ELECTRON_MIRROR for a mirror).',
    'Without it you can still use the whole app in a browser: `npm run build:app`, then',
    '`npm run preview:web -- --data-dir <folder> --library <folder>` serves the real UI with',
    'the real library (README, "Try it without a gateway account"); the `songshelf` CLI works',
    'too.',
    'To retry, run the same command again once the network is available, or run',
    '`npx install-electron` on its own to see the full error.'
  ].join(' ')
}

function parseArgs(argv) {
  const at = argv.indexOf('--installer')
  return { installer: at >= 0 ? argv[at + 1] : undefined }
}

function main() {
  const { installer: override } = parseArgs(process.argv.slice(2))
  const pkgFile = require.resolve('electron/package.json')
  const { version } = JSON.parse(readFileSync(pkgFile, 'utf8'))
  const installer = override ?? join(dirname(pkgFile), 'install.js')
  const pathFile = join(dirname(pkgFile), 'path.txt')
  if (!existsSync(pathFile)) {
    console.log(`Fetching Electron ${version} for ${process.platform}-${process.arch} (once)...`)
  }
  const result = spawnSync(process.execPath, [installer], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8'
  })
  if (result.status === 0) return 0
  const reason = failureReason(result.error ? String(result.error.message) : result.stderr)
  console.error(
    failureParagraph({ version, platform: process.platform, arch: process.arch, reason })
  )
  return 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main()
}
