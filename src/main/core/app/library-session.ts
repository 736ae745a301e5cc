import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { openLibrary } from '../library'
import type { LibraryStore } from '../library/types'
import { isInside } from '../path-inside'
import { AppError } from './errors'
import type { Host } from './host'

/** Opens the library for the current settings. The folder is created only when its
 * parent exists, so the folder of an unplugged drive is never recreated on the system
 * disk (the library then reports "not available" and nothing is wiped). */
export function openLibraryFor(host: Host, opts: { fullCheck?: boolean } = {}): LibraryStore {
  const settings = host.settings.get()
  const parentExists = existsSync(dirname(settings.libraryDir))
  return openLibrary({
    dataDir: host.dataDir,
    libraryDir: settings.libraryDir,
    artist: settings.id3Artist,
    album: settings.id3Album,
    trash: host.trash,
    createLibraryDir: parentExists,
    fullCheck: opts.fullCheck
  })
}

/** Moves the library's files from one folder to another (same volume: renames; across
 * volumes the rename fails with EXDEV and the user is told to move the files by hand and
 * choose "rebuild"). */
export function moveLibraryFiles(from: string, to: string): void {
  if (!existsSync(from))
    throw new AppError(
      'library_unavailable',
      'The current library folder is not available, so there is nothing to move. Choose "rebuild" instead.'
    )
  if (isInside(from, to)) {
    throw new AppError('invalid_folder', 'The new library folder cannot be inside the current one.')
  }
  mkdirSync(to, { recursive: true })
  for (const entry of readdirSync(from)) {
    const target = join(to, entry)
    if (existsSync(target)) {
      throw new AppError(
        'folder_not_empty',
        `The new folder already has "${entry}". Choose an empty folder, or "rebuild" to use the files already there.`,
        { name: entry }
      )
    }
  }
  try {
    for (const entry of readdirSync(from)) renameSync(join(from, entry), join(to, entry))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EXDEV') {
      throw new AppError(
        'cross_device',
        'The new folder is on another drive. Copy the files there yourself, then choose the folder with "rebuild".'
      )
    }
    throw error
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
