// Runs under the REAL Electron as plain Node (ELECTRON_RUN_AS_NODE=1), i.e. the same
// Node build as the app's main process:
//   ELECTRON_RUN_AS_NODE=1 "$(node -p "require('electron')")" scripts/electron-probe.cjs
// Prints Electron's Node, SQLite version and compile options, and exits 1 unless
// node:sqlite opens and FTS5 works (full-text search depends on it).
'use strict'

function main() {
  const versions = process.versions
  console.log(`electron ${versions.electron ?? '(not Electron)'}, node ${versions.node}`)
  let sqlite
  try {
    sqlite = require('node:sqlite')
  } catch (error) {
    console.error(`node:sqlite is missing: ${error.message}`)
    return 1
  }
  const db = new sqlite.DatabaseSync(':memory:')
  try {
    const { v } = db.prepare('SELECT sqlite_version() AS v').get()
    console.log(`sqlite ${v}`)
    const options = db
      .prepare('PRAGMA compile_options')
      .all()
      .map((row) => row.compile_options)
    console.log(`compile options: ${options.join(' ')}`)
    db.exec("CREATE VIRTUAL TABLE probe USING fts5(body); INSERT INTO probe VALUES ('city lights')")
    const hit = db.prepare("SELECT count(*) AS n FROM probe WHERE probe MATCH 'lights'").get()
    if (hit.n !== 1) throw new Error(`FTS5 query returned ${hit.n} rows`)
    console.log('fts5 ok')
    return 0
  } catch (error) {
    console.error(`SQLite check failed: ${error.message}`)
    return 1
  } finally {
    db.close()
  }
}

process.exitCode = main()
