import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { TEMP_SUFFIX } from './atomic'

// A process killed while it rewrote a song's tags or a sidecar leaves the temp copy
// behind (never under a final name, but up to a whole song in size). Nothing else writes
// these names, so they are removed when the sync engine starts.

const DEBRIS = new RegExp(
  `\\.(mp3|mp4|jpe?g|png|webp|json)\\.[0-9a-f]{8}${TEMP_SUFFIX.replace('.', '\\.')}$`
)

/** Removes leftover temp files from the library's month folders; returns how many. */
export async function sweepTempFiles(libraryDir: string): Promise<number> {
  let removed = 0
  let months: string[]
  try {
    months = (await readdir(libraryDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
  } catch {
    return 0 // the folder is not available: nothing to sweep, and nothing is created
  }
  for (const month of months) {
    let names: string[]
    try {
      names = await readdir(join(libraryDir, month))
    } catch {
      continue
    }
    for (const name of names) {
      if (!DEBRIS.test(name)) continue
      await rm(join(libraryDir, month, name), { force: true }).catch(() => undefined)
      removed++
    }
  }
  return removed
}
