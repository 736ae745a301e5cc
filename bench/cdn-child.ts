import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openLibrary } from '../src/main/core/library/store'
import { downloadFile } from '../src/main/core/sync/download'
import { DownloadQueue } from '../src/main/core/sync/download-queue'
import { answer } from './library-data'
import { cdnClips } from './cdn-clips'

// A library sync's downloads in a process of its own: `node cdn-child.js <origin> <root>
// <clips> <concurrency> <scale>` records the gateway's answers for the clips cdnClips() lists,
// then lets the app's own download queue (DownloadQueue, `concurrency` connections) run
// every download the store asks for: the real downloadFile (status, type, magic bytes,
// Content-Length, sha256, fsync, rename, read-back), each result recorded in the index.
// Prints one JSON line: wall time from the first request to the last file recorded, and
// bytes.

export interface CdnChildReport {
  ok: boolean
  problem: string | null
  files: number
  bytes: number
  ms: number
}

async function main(): Promise<void> {
  const [origin, root, clips = '200', concurrency = '3', scale = '1'] = process.argv.slice(2)
  if (origin === undefined || root === undefined)
    throw new Error('usage: <origin> <root> <clips> <concurrency> <scale>')
  const store = openLibrary({
    dataDir: join(root, 'data'),
    libraryDir: join(root, 'library'),
    logger: { warn: (): void => undefined },
    createLibraryDir: true
  })
  const tasks = cdnClips(Number(clips), Number(scale)).map((c, i) =>
    answer(`task-${i}`, `clip-${i}`, origin, c.audio, c.video, c.cover)
  )
  store.recordTaskResults(tasks, Date.now(), { downloadVideo: true })
  const queued = store.countDownloadJobs()
  let problem: string | null = null
  let bytes = 0
  const queue = new DownloadQueue({
    store,
    concurrency: () => Number(concurrency),
    now: () => Date.now(),
    random: Math.random,
    setTimer: (fn, ms) => {
      const timer = setTimeout(fn, ms)
      return { cancel: () => clearTimeout(timer) }
    },
    // The real downloadFile; only the bytes it fetched are added up.
    download: async (opts) => {
      const outcome = await downloadFile(opts)
      if (outcome.ok) bytes += outcome.bytes
      else problem ??= `${opts.kind}: ${outcome.code} ${outcome.message}`
      return outcome
    },
    onDiskFull: (message) => (problem ??= message),
    onChange: () => undefined
  })
  const started = performance.now()
  queue.kick()
  await queue.idle()
  const ms = performance.now() - started
  const done = queued - store.countDownloadJobs()
  if (done !== queued) problem ??= `${queued - done} of ${queued} files still queued`
  await store.close()
  await rm(join(root, 'library'), { recursive: true, force: true })
  const report: CdnChildReport = {
    ok: problem === null,
    problem,
    files: done,
    bytes,
    ms
  }
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exitCode = 1
})
