import { realpathSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { isInside } from './naming'

// Where the index file lives, and the one place it may not: inside the library folder.
// Shared by the full open (store.ts) and the read-only one (reader.ts).

export const DB_FILE = 'library.sqlite'

/** Real path where it exists, so a symlinked data folder inside the library is caught. */
function realish(path: string): string {
  try {
    return realpathSync.native(path)
  } catch {
    return resolve(path)
  }
}

/** WAL needs shared memory and breaks on network and synced drives, where libraries often
 * live, so the index must stay in the app's own data folder (RELIABILITY.md F7). */
export function indexInsideLibrary(dataDir: string, libraryDir: string): boolean {
  return isInside(realish(libraryDir), join(realish(dataDir), DB_FILE))
}
