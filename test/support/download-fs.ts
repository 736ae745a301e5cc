import {
  nodeDownloadFs,
  type DownloadFs,
  type WritableFile
} from '../../src/main/core/sync/part-file'

// The download tests' disks (a full one, a busy one, one that counts): the downloader's
// real file system, with what each opened `.part` does changed by the test.

/** The real file system, with every opened file's methods replaced by what `change`
 * gives for it (the real file is passed in, to write through to). */
export function changedFiles(change: (file: WritableFile) => Partial<WritableFile>): DownloadFs {
  return {
    ...nodeDownloadFs,
    async openForWrite(path, truncate) {
      const file = await nodeDownloadFs.openForWrite(path, truncate)
      return { ...file, ...change(file) }
    }
  }
}
