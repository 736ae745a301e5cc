import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { LibraryQuery } from '../src/shared/domain'
import { SMART_PRESETS, type SmartRule } from '../src/shared/playlists'
import { openLibrary } from '../src/main/core/library/store'
import { percentile, result, sample, type BenchResult } from './kit'
import { syntheticTasks } from './library-data'

// Playlists at library scale (issue 15), each figure beside a baseline in the same run:
//  - a 10 000-clip playlist's first rows against the library's own first page (a playlist
//    must open as fast as the library, ratio ≤ 1.5), and a page deep inside it;
//  - smart-playlist evaluation (first page + live count) at 100 000 clips against the
//    issue's absolute goal of 20 ms p95 (ratio ≤ 1), and against the equivalent library
//    query where one exists (ratio ≤ 1.3: the rule layer must cost next to nothing).
// Scroll long tasks in the renderer are not measured here (the renderer suite's job).

const QUICK = process.env['SONGSHELF_BENCH_QUICK'] === '1'
const CLIPS = QUICK ? 10_000 : 100_000
const PLAYLIST = 10_000
const RUNS = QUICK ? 20 : 40
const SMART_P95_MS = 20
const VS_LIBRARY = 1.5
const VS_QUERY = 1.3
const quiet = { warn: (): void => undefined }

const RULES: { name: string; rule: SmartRule; same?: LibraryQuery }[] = [
  { name: 'never played', rule: SMART_PRESETS.neverPlayed },
  { name: 'most played', rule: SMART_PRESETS.mostPlayed },
  {
    name: 'favourites with vocals, last 30 days',
    rule: { filter: { favorite: true, styleTag: 'vocals' }, addedWithinDays: 30 }
  },
  {
    name: 'search "night" by title',
    rule: { filter: { search: 'night' }, sort: 'title' },
    same: { search: 'night', sort: 'title', limit: 100 }
  }
]

export async function run(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'songshelf-bench-playlists-'))
  const dataDir = join(root, 'data')
  const libraryDir = join(root, 'library')
  const results: BenchResult[] = []
  try {
    const now = Date.UTC(2026, 10, 20)
    const store = openLibrary({
      dataDir,
      libraryDir,
      logger: quiet,
      createLibraryDir: true,
      now: () => now
    })
    for (let chunk = 0; chunk < CLIPS / 10_000; chunk++) {
      store.recordTaskResults(syntheticTasks(2000 + chunk, 10_000), Date.UTC(2026, 10, 1), {
        downloadVideo: true
      })
    }
    const bare = new DatabaseSync(join(dataDir, 'library.sqlite'), { timeout: 5000 })
    // Some history: one song in five played, one in ten a favourite.
    bare.exec(`UPDATE clips SET plays = pk % 7, last_played_at = ${now} - (pk % 40) * 86400000
      WHERE pk % 5 = 0; UPDATE clips SET favorite = 1 WHERE pk % 10 = 3`)
    const ids = bare
      .prepare('SELECT id FROM clips ORDER BY pk LIMIT ?')
      .all(PLAYLIST)
      .map((row) => String(row.id))
    bare.close()

    // The mirror writes to the library folder; the figures are about reading.
    const big = await store.playlists.create({ name: 'Ten thousand', clipIds: ids })
    const first = await sample(RUNS, () => store.playlists.query(big.id, 0, 100))
    const library = await sample(RUNS, () => store.query({ limit: 100 }))
    results.push(
      result(
        `${PLAYLIST / 1000}k-clip playlist: first rows p50 (vs library first page)`,
        percentile(first, 50),
        percentile(library, 50),
        VS_LIBRARY
      )
    )
    const deep = await sample(RUNS, (i) =>
      store.playlists.query(big.id, ((i * 997) % (PLAYLIST / 100)) * 100, 100)
    )
    const libraryDeep = await sample(RUNS, (i) =>
      store.query({ offset: ((i * 997) % (PLAYLIST / 100)) * 100, limit: 100 })
    )
    results.push(
      result(
        `${PLAYLIST / 1000}k-clip playlist: a page while scrolling p95 (vs library page)`,
        percentile(deep, 95),
        percentile(libraryDeep, 95),
        VS_LIBRARY
      )
    )

    for (const { name, rule, same } of RULES) {
      const playlist = await store.playlists.create({ name, rule })
      const evaluated = await sample(RUNS, () => store.playlists.query(playlist.id, 0, 100))
      const p95 = percentile(evaluated, 95)
      results.push(
        result(
          `smart "${name}" at ${CLIPS / 1000}k: evaluate p95 (vs ${SMART_P95_MS} ms goal)`,
          p95,
          SMART_P95_MS,
          1
        )
      )
      if (same !== undefined) {
        const queried = await sample(RUNS, () => store.query(same))
        results.push(
          result(
            `smart "${name}": evaluate p95 (vs the same library query)`,
            p95,
            percentile(queried, 95),
            VS_QUERY
          )
        )
      }
    }
    await store.close()
  } finally {
    await rm(root, { recursive: true, force: true })
  }
  return results
}
