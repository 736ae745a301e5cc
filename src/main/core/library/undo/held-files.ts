import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { isInside } from '../naming'
import { TRASH_DIR } from '../trash'

// Deleted songs' files wait in the library's own `.trash` folder while the delete can be
// undone: a rename on the same drive, instant both ways. With the folder trash (the CLI,
// the preview) that is already where they end up. With the OS trash (the desktop app
// passes shell.trashItem) they wait in a `held-…` folder and go to the OS trash when the
// undo window closes or the library closes; a `held-…` folder a crash left behind is
// sent there by the next start's sweep, once its window has passed. The OS trash itself
// cannot be read back portably, which is why the files wait here first.

export const HELD_PREFIX = 'held-'

export interface FileMove {
  /** Where the file lived in the library. */
  from: string
  /** Where it waits now. */
  to: string
}

export interface HeldFiles {
  dir: string
  moves: FileMove[]
}

export interface FileHolder {
  /** Moves the files into a new folder of `.trash`. */
  hold(paths: string[]): Promise<HeldFiles>
  /** Puts files back where they were (the undo); the folder goes once it is empty. */
  putBack(held: HeldFiles, moves: readonly FileMove[]): Promise<void>
  /** The undo window closed: the files go to their final trash. */
  release(held: HeldFiles): Promise<void>
  /** Releases `held-…` folders older than `before` (Unix ms) left by an earlier run. */
  sweep(before: number): Promise<number>
}

function stampOf(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/gu, '-')
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await filesUnder(path)))
    else out.push(path)
  }
  return out
}

export function fileHolder(
  libraryDir: string,
  now: () => number,
  osTrash: ((paths: string[]) => Promise<void>) | undefined
): FileHolder {
  const trashDir = join(libraryDir, TRASH_DIR)
  const releaseDir = async (dir: string): Promise<void> => {
    if (!existsSync(dir)) return
    if (osTrash === undefined) {
      // The folder trash keeps it under the plain stamp name the delete always used.
      const name = basename(dir)
      if (name.startsWith(HELD_PREFIX)) {
        await rename(dir, join(trashDir, name.slice(HELD_PREFIX.length)))
      }
      return
    }
    const files = await filesUnder(dir)
    if (files.length > 0) await osTrash(files)
    await rm(dir, { recursive: true, force: true })
  }
  return {
    async hold(paths) {
      const name = `${stampOf(now())}-${randomBytes(3).toString('hex')}`
      const dir = join(trashDir, osTrash === undefined ? name : `${HELD_PREFIX}${name}`)
      const moves: FileMove[] = []
      try {
        for (const path of paths) {
          const inside = isInside(libraryDir, path)
          const to = join(dir, inside ? relative(libraryDir, path) : basename(path))
          await mkdir(dirname(to), { recursive: true })
          await rename(path, to)
          moves.push({ from: path, to })
        }
      } catch (error) {
        // Half a delete would leave a clip with some of its files: put them back.
        await this.putBack({ dir, moves }, moves).catch(() => undefined)
        throw error
      }
      return { dir, moves }
    },
    async putBack(held, moves) {
      for (const move of moves) {
        await mkdir(dirname(move.from), { recursive: true })
        await rename(move.to, move.from)
      }
      if (existsSync(held.dir) && (await filesUnder(held.dir)).length === 0) {
        await rm(held.dir, { recursive: true, force: true })
      }
    },
    async release(held) {
      await releaseDir(held.dir)
    },
    async sweep(before) {
      let entries: string[]
      try {
        entries = await readdir(trashDir)
      } catch {
        return 0
      }
      let released = 0
      for (const name of entries) {
        if (!name.startsWith(HELD_PREFIX)) continue
        const dir = join(trashDir, name)
        const info = await stat(dir).catch(() => null)
        if (info === null || !info.isDirectory() || info.mtimeMs >= before) continue
        await releaseDir(dir)
        released++
      }
      return released
    }
  }
}
