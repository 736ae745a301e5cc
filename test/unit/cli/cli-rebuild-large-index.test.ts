import { closeSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/core/library/db'
import { QUICK_CHECK_MAX_BYTES } from '../../../src/main/core/library/index-health'
import { cli, commonArgs } from '../../support/cli-harness'
import { syncedLibrary, type SyncedLibrary } from '../../support/synced-library'

// Issue 12 §2: indexes above QUICK_CHECK_MAX_BYTES skip the full quick_check on open (it
// costs seconds at 100,000 clips), so damage in the middle of a large index was found only
// when a query reached it — and `rebuild`, the command that exists for this, then failed
// with "database disk image is malformed". rebuild now runs the full check first.

let lib: SyncedLibrary | null = null
afterEach(async () => {
  await lib?.sim.close()
  if (lib) rmSync(dirname(lib.dirs.dataDir), { recursive: true, force: true })
  lib = null
})

describe('rebuild on a large damaged index', () => {
  it('finds damage in the middle of an index above the quick-check limit, sets it aside and rebuilds', async () => {
    lib = await syncedLibrary(
      [{ id: 'b1600000-0000-4000-8000-000000000001', steps: [{ status: 'SUCCESS' }] }],
      { seed: 161 }
    )
    const path = join(lib.dirs.dataDir, 'library.sqlite')
    // Make the index large the way a big library does: lots of stored gateway text.
    const db = openDatabase(path)
    const filler = JSON.stringify({ padding: 'p'.repeat(20 * 1024 * 1024) })
    for (const clipId of lib.clipIds) {
      db.run(
        'UPDATE clip_texts SET raw_json = ? WHERE clip_pk = (SELECT pk FROM clips WHERE id = ?)',
        filler + clipId,
        clipId
      )
    }
    db.close()
    const size = statSync(path).size
    expect(size).toBeGreaterThan(QUICK_CHECK_MAX_BYTES)
    // 64 KB of garbage in the middle: the header, page count and schema still look right.
    const fd = openSync(path, 'r+')
    try {
      writeSync(fd, Buffer.alloc(64 * 1024, 0xa5), 0, 64 * 1024, Math.floor(size / 2))
    } finally {
      closeSync(fd)
    }

    const rebuilt = await cli(['rebuild', ...commonArgs(lib.dirs)])
    expect(rebuilt.err.join('\n')).toMatch(
      /The library index was damaged \(its contents were damaged\), so it was moved to .+library\.sqlite\.damaged-.+ and rebuilt from the library folder: 2 clip\(s\)/
    )
    expect(rebuilt.code).toBe(0)
    const aside = readdirSync(lib.dirs.dataDir).filter((n) =>
      n.startsWith('library.sqlite.damaged-')
    )
    expect(aside).toHaveLength(1)
    const listed = await cli(['list', '--json', ...commonArgs(lib.dirs)])
    expect(listed.code).toBe(0)
    const clips = JSON.parse(listed.out.join('\n')) as { id: string }[]
    expect(clips.map((c) => c.id).sort()).toEqual([...lib.clipIds].sort())
  }, 120_000)
})
