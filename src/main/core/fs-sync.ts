import { open } from 'node:fs/promises'

/** fsyncs a folder so a rename inside it survives a power loss. Best effort: Windows
 * cannot open a folder for fsync (NTFS journals the rename itself) and some network or
 * FUSE file systems refuse it; the file's own data was synced before the rename. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // best effort, see above
  }
}
