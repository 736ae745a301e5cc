import { mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openLibrary } from '../src/main/core/library/store'
import { downloadFile } from '../src/main/core/sync/download'
import type { DownloadJob } from '../src/main/core/sync/store-port'
import { answer } from './clip-answer'
import { cdnClips } from './cdn-clips'

// A library sync's downloads in a process of its own: `node cdn-child.js <origin> <root>
// <clips> <concurrency> <scale>` records the gateway's answers for the clips cdnClips() lists,
// then runs every download the store asks for (the real downloadFile: status, type,
// magic bytes, Content-Length, sha256, fsync, rename, read-back) `concurrency` at a
// time, as the app's download queue does, recording each in the index. Prints one JSON
// line: wall time from the first request to the last file recorded, and bytes.

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
  const jobs: DownloadJob[] = [...store.downloadJobs()]
  let problem: string | null = null
  let bytes = 0
  let files = 0
  const started = performance.now()
  const finishing: Promise<void>[] = []
  const fetchOne = async (job: DownloadJob, received: () => void): Promise<void> => {
    await mkdir(dirname(job.targetPath), { recursive: true })
    const outcome = await downloadFile({
      url: job.url,
      targetPath: job.targetPath,
      kind: job.kind,
      onReceived: received
    })
    received()
    if (!outcome.ok) {
      problem ??= `${job.kind}: ${outcome.code} ${outcome.message}`
      return
    }
    bytes += outcome.bytes
    files++
    store.setFileResult(job.clipId, job.kind, {
      state: 'done',
      path: outcome.path,
      bytes: outcome.bytes,
      sha256: outcome.sha256
    })
  }
  // A slot is a connection, as in the app's queue: it frees once the body is in, while
  // the file is synced, renamed and read back.
  const worker = async (): Promise<void> => {
    for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) {
      let received: () => void = () => undefined
      const free = new Promise<void>((resolve) => (received = resolve))
      finishing.push(fetchOne(job, received))
      await free
    }
  }
  await Promise.all(Array.from({ length: Number(concurrency) }, () => worker()))
  await Promise.all(finishing)
  const ms = performance.now() - started
  await store.close()
  await rm(join(root, 'library'), { recursive: true, force: true })
  const report: CdnChildReport = { ok: problem === null, problem, files, bytes, ms }
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exitCode = 1
})
