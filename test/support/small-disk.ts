import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DownloadFs } from '../../src/main/core/sync/part-file'
import { changedFiles } from './download-fs'

// A library folder whose disk can be filled up and emptied again (RELIABILITY.md E8):
// a real tmpfs of a few MiB where mounting is allowed (Linux CI runs as root), otherwise
// a size-limited folder whose writes fail with ENOSPC past a quota, injected through the
// downloader's `fs` parameter. Set SONGSHELF_TEST_NO_TMPFS=1 to force the second kind.

export type SmallDiskKind = 'tmpfs' | 'quota'

export interface SmallDisk {
  readonly kind: SmallDiskKind
  /** The folder to use as the library. */
  readonly dir: string
  /** For 'quota' disks: the file system the downloader must use; null on a tmpfs. */
  readonly downloadFs: DownloadFs | null
  /** Leaves about `bytes` of free space. */
  fill(bytes: number): void
  /** Gives the space back. */
  free(): void
  dispose(): void
}

const FILLER = '.filler'

/** Whether a tmpfs can be mounted here; probed once with a throwaway mount. */
export function canMountTmpfs(): boolean {
  if (process.env['SONGSHELF_TEST_NO_TMPFS'] === '1' || process.platform !== 'linux') return false
  const probe = mkdtempSync(join(tmpdir(), 'songshelf-tmpfs-probe-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' })
    execFileSync('umount', [probe], { stdio: 'ignore' })
    return true
  } catch {
    return false
  } finally {
    rmSync(probe, { recursive: true, force: true })
  }
}

function noSpace(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write'
  })
}

/** The downloader's real file system, with writes refused once `quota.left` runs out. */
export function quotaFs(quota: { left: number }): DownloadFs {
  return changedFiles((file) => ({
    write: async (chunks) => {
      const bytes = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)
      if (bytes > quota.left) throw noSpace()
      quota.left -= bytes
      await file.write(chunks)
    }
  }))
}

export function createSmallDisk(kind: SmallDiskKind, sizeBytes: number): SmallDisk {
  const base = mkdtempSync(join(tmpdir(), 'songshelf-disk-'))
  const dir = join(base, 'library')
  mkdirSync(dir)
  if (kind === 'tmpfs') {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir])
    return {
      kind,
      dir,
      downloadFs: null,
      fill(bytes) {
        const stats = statfsSync(dir)
        const free = stats.bavail * stats.bsize
        writeFileSync(join(dir, FILLER), Buffer.alloc(Math.max(0, free - bytes)))
      },
      free: () => rmSync(join(dir, FILLER), { force: true }),
      dispose() {
        execFileSync('umount', [dir])
        rmSync(base, { recursive: true, force: true })
      }
    }
  }
  const quota = { left: Number.POSITIVE_INFINITY }
  return {
    kind,
    dir,
    downloadFs: quotaFs(quota),
    fill: (bytes) => {
      quota.left = bytes
    },
    free: () => {
      quota.left = Number.POSITIVE_INFINITY
    },
    dispose: () => rmSync(base, { recursive: true, force: true })
  }
}
