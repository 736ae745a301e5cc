import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DownloadOptions, DownloadOutcome } from '../../../../src/main/core/sync/download'
import { failure } from '../../../../src/main/core/sync/download-outcome'
import { DownloadQueue } from '../../../../src/main/core/sync/download-queue'
import { clip, T0, task, tempLibrary, type TempLibrary } from '../library/helpers'

// Issue 14 §5: how the app's download queue starts a file. A first attempt's request goes
// out before the disk is looked at (requestFirst); the month folder is made meanwhile and
// the download waits for it (prepare) before it writes; a retry, which may continue a
// `.part`, looks at the disk first. A missing library folder still pauses the queue.

let lib: TempLibrary

beforeEach(async () => {
  lib = await tempLibrary()
  lib.store.recordTaskResult(
    task('t1', [clip('c1', { videoUrl: null, imageUrl: null, imageLargeUrl: null })]),
    T0,
    {
      downloadVideo: false
    }
  )
})
afterEach(async () => {
  await lib.cleanup()
})

function queueWith(
  download: (opts: DownloadOptions) => Promise<DownloadOutcome>,
  onDiskFull: (message: string) => void = () => undefined
): DownloadQueue {
  return new DownloadQueue({
    store: lib.store,
    concurrency: () => 3,
    now: () => Date.now(),
    random: () => 0,
    // Retries at once: the test is about how each attempt starts, not when.
    setTimer: (fn) => {
      const timer = setTimeout(fn, 0)
      return { cancel: () => clearTimeout(timer) }
    },
    download,
    onDiskFull,
    onChange: () => undefined
  })
}

describe('the download queue: starting a file', () => {
  it('sends a first attempt’s request first and makes the folder meanwhile; a retry does not', async () => {
    const seen: { requestFirst: boolean | undefined; prepared: DownloadOutcome | null }[] = []
    const queue = queueWith(async (opts) => {
      const prepared = (await opts.prepare?.()) ?? null
      seen.push({ requestFirst: opts.requestFirst, prepared })
      // The folder exists once prepare() has answered.
      expect(existsSync(dirname(opts.targetPath))).toBe(true)
      return seen.length === 1
        ? failure('network', 'audio', { resumable: true })
        : { ok: true, path: opts.targetPath, bytes: 1, sha256: '0'.repeat(64), ext: 'mp3' }
    })
    queue.kick()
    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(2)
    await queue.idle()
    // Old code: neither option was passed, and the folder was made before the download.
    expect(seen).toEqual([
      { requestFirst: true, prepared: null },
      { requestFirst: false, prepared: null }
    ])
    expect(lib.store.downloadJobs()).toEqual([])
  })

  it('still pauses when the library folder is gone, whatever the download did', async () => {
    await rm(lib.libraryDir, { recursive: true, force: true })
    let paused: string | null = null
    const queue = queueWith(
      async (opts) => ({
        ok: true,
        path: opts.targetPath,
        bytes: 1,
        sha256: '0'.repeat(64),
        ext: 'mp3'
      }),
      (message) => (paused = message)
    )
    queue.kick()
    await queue.idle()
    expect(paused).toContain('library folder is not available')
    expect(queue.isPaused).toBe(true)
    expect(lib.store.downloadJobs()).toHaveLength(1)
  })
})
