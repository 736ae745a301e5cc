import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openLibrary } from '../src/main/core/library/store'
import { SyncEngine } from '../src/main/core/sync/engine'
import { result, type BenchResult } from './kit'
import { syntheticTasks } from './library-data'
import { playQueueFigures } from './play-queue'

// The download queue at scale: what the sync engine and the library index spend per
// finished file when many files are queued at once (300 tasks that finish together make
// about 1,800). The downloads themselves are instant stand-ins, so only the engine's own
// bookkeeping is timed: a large queue beside a tenth of it, in the same run. A queue
// whose cost per file grows with its length stalls the main process exactly when a big
// batch of songs arrives.
// Then the play queue (issue 14 §3): select all → Play at 100,000 clips in Chromium, and
// long tasks during playback with the queue panel open (bench/play-queue.ts).

const TARGET = 2

async function drain(clips: number): Promise<{ files: number; perFileMs: number }> {
  const root = await mkdtemp(join(tmpdir(), 'songshelf-bench-queue-'))
  const library = openLibrary({
    dataDir: join(root, 'data'),
    libraryDir: join(root, 'library'),
    createLibraryDir: true,
    logger: { warn: () => undefined }
  })
  try {
    library.recordTaskResults(syntheticTasks(4242, clips), Date.now(), { downloadVideo: true })
    const files = library.downloadJobs().length
    const engine = new SyncEngine({
      store: library,
      client: () => ({ problem: 'no gateway in this benchmark' }),
      settings: () => ({ pollIntervalSec: 20, downloadConcurrency: 3, downloadVideo: true }),
      download: async (opts) => ({
        ok: true,
        path: opts.targetPath,
        bytes: 1,
        sha256: '0'.repeat(64),
        ext: extname(opts.targetPath).slice(1)
      })
    })
    const started = performance.now()
    engine.start()
    await engine.untilDone()
    const ms = performance.now() - started
    await engine.stop()
    if (library.downloadJobs().length !== 0) throw new Error('the queue did not drain')
    return { files, perFileMs: ms / files }
  } finally {
    await library.close()
    await rm(root, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchResult[]> {
  const quick = process.env['SONGSHELF_BENCH_QUICK'] === '1'
  const clips = quick ? 300 : 600
  const small = await drain(clips / 10)
  const large = await drain(clips)
  const play = await playQueueFigures(quick ? 10_000 : 100_000, quick ? 5_000 : 30_000)
  return [
    result(
      `engine time per finished file, ${large.files.toLocaleString('en')} queued (vs ${small.files} queued)`,
      large.perFileMs,
      small.perFileMs,
      TARGET,
      'ms'
    ),
    ...play
  ]
}
