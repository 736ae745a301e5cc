import { statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { LibraryFilter } from '../../../shared/domain'
import { hasFts5, openDatabase, type Db } from './db'
import { indexLooksHealthy, inspectIndexFile } from './index-health'
import { DB_FILE, indexInsideLibrary } from './index-location'
import { SCHEMA_VERSION, schemaVersion } from './migrations'
import { listClipsForCli } from './queries/clips'
import { currentSearchMode, type SearchMode } from './search-index'
import { TaskJournal } from './task-journal'
import type { CliClip } from './types'

// A read-only view of the library for commands that only read (`songshelf list`): the
// same connection settings, checks and queries as the full open (store.ts), without the
// store's machinery, the sync engine or zod, which made up most of the CLI's start-up
// (issue 14 §6). It only opens an index that needs nothing done to it; anything else (no
// index yet, damage, a migration, a search index to rebuild, a missing library folder, tasks
// not yet in the task journal) is left to the full open, which does that work and
// says so, so a reader never changes what the command does or prints.

export interface LibraryReader {
  readonly libraryDir: string
  libraryAvailable(): boolean
  listClipsForCli(filter: LibraryFilter & { limit?: number }): CliClip[]
  close(): void
}

const silent = { warn: (): void => undefined }

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** The search mode when the full open would find nothing to do first, else null. */
function readyMode(db: Db, dbPath: string, journal: TaskJournal): SearchMode | null {
  if (!indexLooksHealthy(db, dbPath)) return null
  if (schemaVersion(db) !== SCHEMA_VERSION) return null
  // The first open since the journal exists copies the index's tasks into it.
  if (!journal.exists() && db.get('SELECT 1 AS one FROM tasks LIMIT 1') !== undefined) return null
  return currentSearchMode(db, hasFts5(db))
}

/** The library for reading, or null when the full open (openLibrary) is needed. */
export function openLibraryReader(opts: {
  dataDir: string
  libraryDir: string
}): LibraryReader | null {
  const dataDir = resolve(opts.dataDir)
  const libraryDir = resolve(opts.libraryDir)
  const dbPath = join(dataDir, DB_FILE)
  if (indexInsideLibrary(dataDir, libraryDir)) return null
  if (inspectIndexFile(dbPath) !== 'looks_ok') return null
  if (!isDirectory(libraryDir)) return null
  let db: Db | null = null
  try {
    db = openDatabase(dbPath)
    const mode = readyMode(db, dbPath, new TaskJournal(dataDir, silent))
    if (mode === null) {
      db.close()
      return null
    }
    const open = db
    return {
      libraryDir,
      libraryAvailable: () => isDirectory(libraryDir),
      listClipsForCli: (filter) => listClipsForCli(open, mode, libraryDir, filter),
      close: () => open.close()
    }
  } catch {
    // Damage SQLite reports on reading (SQLITE_CORRUPT, NOTADB): the full open sets the
    // index aside and rebuilds it.
    db?.close()
    return null
  }
}
