import { createHash } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { downloadFile, type DownloadOutcome } from '../src/main/core/sync/download'

// One download in a process of its own, so its memory can be measured alone:
// `node download-child.js <url> <targetPath> [real|bare]` prints one JSON line. `real` is
// Songshelf's downloadFile; `bare` is the least any fetch-based downloader does (fetch,
// sha256, write each chunk, fsync, rename, no checks), to show what the platform itself
// costs. A small warm-up download first loads fetch (undici) and the hashing code, which
// every later download shares; the measured figure is what one big download adds.

export interface ChildReport {
  ok: boolean
  code: string | null
  bytes: number
  ms: number
  /** RSS right before the measured download. */
  rssBefore: number
  /** The kernel's high-water mark of RSS for this process (getrusage ru_maxrss). */
  maxRss: number
  /** The highest RSS seen by sampling every 10 ms (a cross-check of maxRss). */
  sampledPeak: number
  /** CPU (user + system) this process spent on the measured download, ms. */
  cpuMs: number
}

async function bareDownload(url: string, targetPath: string): Promise<DownloadOutcome> {
  const response = await fetch(url)
  const file = await open(`${targetPath}.part`, 'w')
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of response.body ?? []) {
    hash.update(chunk)
    await file.write(chunk)
    bytes += chunk.byteLength
  }
  await file.sync()
  await file.close()
  await rename(`${targetPath}.part`, targetPath)
  return { ok: true, path: targetPath, bytes, sha256: hash.digest('hex'), ext: 'mp3' }
}

async function main(): Promise<void> {
  const [url, target, mode = 'real'] = process.argv.slice(2)
  if (url === undefined || target === undefined)
    throw new Error('usage: <url> <targetPath> [real|bare]')
  const download = (u: string): Promise<DownloadOutcome> =>
    mode === 'bare'
      ? bareDownload(u, target)
      : downloadFile({ url: u, targetPath: target, kind: 'audio' })
  const warm = await download(`${url}?bytes=65536`)
  if (!warm.ok) throw new Error(`warm-up failed: ${warm.message}`)
  await rm(target, { force: true })
  globalThis.gc?.()

  const rssBefore = process.memoryUsage.rss()
  let sampledPeak = rssBefore
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss())
  }, 10)
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const outcome = await download(url)
  const ms = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  clearInterval(sampler)
  const report: ChildReport = {
    ok: outcome.ok,
    code: outcome.ok ? null : outcome.code,
    bytes: outcome.ok ? outcome.bytes : 0,
    ms,
    rssBefore,
    maxRss: process.resourceUsage().maxRSS * 1024,
    sampledPeak,
    cpuMs: (cpu.user + cpu.system) / 1000
  }
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
