import { syncDir } from '../fs-sync'
import { randomBytes } from 'node:crypto'
import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'

// Replacing a file in the library without ever leaving half of it behind: write a temp
// file next to it, fsync, rename over the target (atomic on one file system), fsync the
// folder so the rename itself survives a power cut.

/** Suffix of temp files; rebuild and the library walk ignore them. */
export const TEMP_SUFFIX = '.tmp'

/** Writes `data` to `target` atomically. `stillWanted` is asked just before the rename
 * (e.g. "is the song still in the library?"); if it says no, nothing is replaced and the
 * result is false. */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  stillWanted: () => boolean = () => true
): Promise<boolean> {
  return writeAtomicWith(target, (handle) => handle.writeFile(data), stillWanted)
}

/** The same, with the content written by `write` into the temp file's handle (for
 * content streamed from elsewhere, e.g. a song's audio copied in bounded chunks). */
export async function writeAtomicWith(
  target: string,
  write: (handle: FileHandle) => Promise<void>,
  stillWanted: () => boolean = () => true
): Promise<boolean> {
  const temp = `${target}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`
  try {
    const handle = await open(temp, 'wx')
    try {
      await write(handle)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (!stillWanted()) {
      await rm(temp, { force: true })
      return false
    }
    await renameWithRetry(temp, target)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  await syncDir(dirname(target))
  return true
}

// Windows refuses to replace a file another process has open without FILE_SHARE_DELETE
// (a player, an antivirus scan): retry briefly before giving up.
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const retryable = process.platform === 'win32' && (code === 'EPERM' || code === 'EBUSY')
      if (!retryable || attempt >= 4) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)))
    }
  }
}
