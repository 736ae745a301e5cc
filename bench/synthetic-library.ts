import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { openLibrary } from '../src/main/core/library/store'
import { syntheticTasks } from './library-data'

// A synthetic library of `clips` clips as a finished sync leaves it, for the suites that
// drive the built renderer in Chromium (renderer.bench.ts, typing.bench.ts): the clips of
// library-data.ts written through the real library in chunks of 10,000, then every
// download marked finished and finalized. No media files exist, so covers answer 404 and
// the placeholders show (the requests still happen).

const CHUNK = 10_000
const quiet = { warn: (): void => undefined }

export async function seedSyntheticLibrary(
  dataDir: string,
  libraryDir: string,
  clips: number,
  opts: {
    /** Merge the search index afterwards, as the store does by itself once a sync's
     * writes have been quiet for a few seconds (search-upkeep.ts): what a library that
     * has been used looks like to a search. */
    tidySearchIndex?: boolean
  } = {}
): Promise<void> {
  const store = openLibrary({ dataDir, libraryDir, logger: quiet, createLibraryDir: true })
  for (let chunk = 0; chunk * CHUNK < clips; chunk++) {
    store.recordTaskResults(
      syntheticTasks(2000 + chunk, Math.min(CHUNK, clips - chunk * CHUNK)),
      Date.UTC(2026, 10, 1),
      { downloadVideo: true }
    )
  }
  if (opts.tidySearchIndex === true) store.tidySearchIndex()
  await store.close()
  const db = new DatabaseSync(join(dataDir, 'library.sqlite'), { timeout: 5000 })
  db.exec(`UPDATE files SET state = 'done' WHERE state = 'pending';
    UPDATE clips SET has_audio = 1, has_cover = 1, download_state = 'done',
      has_video = EXISTS (SELECT 1 FROM files f WHERE f.clip_pk = clips.pk AND f.kind = 'video');
    INSERT INTO files (clip_pk, kind, state, updated_at) SELECT pk, 'sidecar', 'done', 0 FROM clips`)
  db.close()
}
