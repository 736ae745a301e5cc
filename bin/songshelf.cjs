#!/usr/bin/env node
'use strict'
// Entry for `npx songshelf`. CommonJS and dependency-free so that it can explain itself
// on any Node: the CLI needs `node:sqlite` (Node 22.13+, 24 recommended), which older
// Node versions do not have.
const path = require('node:path')
const fs = require('node:fs')

function fail(message) {
  process.stderr.write(`songshelf: ${message}\n`)
  process.exit(3)
}

try {
  require('node:sqlite')
} catch {
  fail(
    `this Node (${process.version}) has no built-in SQLite (node:sqlite).\n` +
      'Songshelf needs Node 22.13 or newer; Node 24 is recommended.\n' +
      'Inside the project, `npm run` scripts use the bundled Node 24: try `npx songshelf` from the project folder,\n' +
      'or install Node 24 from https://nodejs.org/.'
  )
}

// Node's on-disk compile cache (https://nodejs.org/api/module.html#moduleenablecompilecachecachedir):
// every later start reuses the compiled code of the CLI's modules instead of compiling
// them again (Node 22.1+; a no-op where unavailable or when NODE_DISABLE_COMPILE_CACHE=1).
try {
  require('node:module').enableCompileCache?.()
} catch {
  // A read-only temp folder: start without the cache.
}

const entry = path.join(__dirname, '..', 'out', 'main', 'cli.js')
if (!fs.existsSync(entry)) fail('the CLI is not built yet. Run `npm run build` first.')

import(require('node:url').pathToFileURL(entry).href)
  .then((mod) => mod.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = typeof code === 'number' ? code : 0
  })
  .catch((error) => {
    process.stderr.write(`songshelf: ${error && error.message ? error.message : String(error)}\n`)
    process.exit(1)
  })
