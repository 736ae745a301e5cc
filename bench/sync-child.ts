import { mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { NormalizedTask } from '../src/shared/domain'
import { answer } from './library-data'
import { openLibrary } from '../src/main/core/library/store'
import { downloadFile } from '../src/main/core/sync/download'

// The whole sync path for one clip in a process of its own, so its memory can be
// measured alone: `node sync-child.js <fileServerBase> <root> <mp3|mp4> <MiB>` prints one
// JSON line. What `songshelf sync` does once the gateway answered: ingest the answer,
// download every file (status, type, magic bytes, Content-Length, sha256, fsync, rename),
// record each, then finalize the clip (ID3 tags into the mp3, the sidecar, the index).
// A small clip first warms up every module and code path; the figure is what the big
// clip adds to the peak RSS.

export interface SyncChildReport {
  ok: boolean
  problem: string | null
  bytes: number
  ms: number
  rssBefore: number
  maxRss: number
  sampledPeak: number
}

const quiet = { warn: (): void => undefined }

async function main(): Promise<void> {
  const [base, root, kind = 'mp3', mib = '400'] = process.argv.slice(2)
  if (base === undefined || root === undefined)
    throw new Error('usage: <base> <root> <mp3|mp4> <MiB>')
  const bytes = Number(mib) * 1024 * 1024
  const store = openLibrary({
    dataDir: join(root, 'data'),
    libraryDir: join(root, 'library'),
    logger: quiet,
    createLibraryDir: true
  })
  let total = 0
  const syncClip = async (task: NormalizedTask): Promise<string | null> => {
    store.recordTaskResults([task], Date.now(), { downloadVideo: true })
    for (const job of store.downloadJobs()) {
      await mkdir(dirname(job.targetPath), { recursive: true })
      const outcome = await downloadFile({
        url: job.url,
        targetPath: job.targetPath,
        kind: job.kind
      })
      if (!outcome.ok) return `${job.kind}: ${outcome.code} ${outcome.message}`
      total += outcome.bytes
      store.setFileResult(job.clipId, job.kind, {
        state: 'done',
        path: outcome.path,
        bytes: outcome.bytes,
        sha256: outcome.sha256
      })
    }
    await store.finalizeClip(task.clips[0]?.id ?? '')
    const clip = store.getClip(task.clips[0]?.id ?? '')
    const sidecar = clip?.files.find((f) => f.kind === 'sidecar')
    return sidecar?.state === 'done' ? null : 'the sidecar was not written'
  }
  const small =
    kind === 'mp4'
      ? ['song.mp3?bytes=65536', 'clip.mp4?bytes=65536']
      : ['song.mp3?bytes=65536', null]
  const warm = await syncClip(
    answer('task-warm', 'clip-warm', base, small[0] as string, small[1] ?? null)
  )
  if (warm !== null) throw new Error(`warm-up failed: ${warm}`)
  globalThis.gc?.()
  total = 0

  const big =
    kind === 'mp4'
      ? answer('task-big', 'clip-big', base, 'song.mp3?bytes=4000000', `clip.mp4?bytes=${bytes}`)
      : answer('task-big', 'clip-big', base, `song.mp3?bytes=${bytes}`, null)
  const rssBefore = process.memoryUsage.rss()
  let sampledPeak = rssBefore
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss())
  }, 10)
  const started = performance.now()
  const problem = await syncClip(big)
  const ms = performance.now() - started
  clearInterval(sampler)
  await store.close()
  const report: SyncChildReport = {
    ok: problem === null,
    problem,
    bytes: total,
    ms,
    rssBefore,
    maxRss: process.resourceUsage().maxRSS * 1024,
    sampledPeak
  }
  await rm(join(root, 'library'), { recursive: true, force: true })
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exitCode = 1
})
