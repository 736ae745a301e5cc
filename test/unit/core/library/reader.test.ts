import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { normalizeTask } from '../../../../src/main/core/gateway/normalize'
import { openLibraryReader } from '../../../../src/main/core/library/reader'
import { DB_FILE } from '../../../../src/main/core/library/store'
import { TASK_JOURNAL_FILE } from '../../../../src/main/core/library/task-journal'
import { gatewayFixture } from '../gateway/gateway-fixtures'
import type { LibraryStore } from '../../../../src/main/core/library/types'
import { clip, populate, task, tempLibrary, type TempLibrary } from './helpers'

// `songshelf list` reads through a slim view of the index instead of the whole core
// (issue 14 §6). It must list exactly what the full store lists, never write, and leave
// every index that needs work (none yet, damage, a migration, a search index to rebuild,
// a missing folder, no task journal) to the full open, which does that work.

let lib: TempLibrary
beforeEach(async () => {
  lib = await tempLibrary()
})
afterEach(async () => {
  await lib.cleanup()
})

/** A library with the upstream fixture, CJK titles, tags, a favourite and a missing file,
 * opened again as the app would find it (its task journal written). */
async function fill(): Promise<LibraryStore> {
  const upstream = normalizeTask(gatewayFixture('upstream-full'))
  if (upstream === null) throw new Error('fixture did not parse')
  await populate(lib.store, [
    upstream,
    task('t-1', [
      clip('a1', { title: 'Neon Harbour', createdAt: 3 }),
      clip('a2', { title: '夜晚城市', lyrics: '夜晚城市的灯', createdAt: 2 })
    ]),
    task('t-2', [clip('b1', { title: 'River Song', styleTags: 'folk', createdAt: 1 })])
  ])
  lib.store.tagClips(['a1', 'b1'], { add: ['Road Trip'], remove: [] })
  lib.store.setFavorite(['a2'], true)
  // A file the index has as done but that is gone from the folder is listed as missing.
  const gone = lib.store.getFilePath('b1', 'audio')
  if (gone === null) throw new Error('b1 has no audio')
  rmSync(gone)
  await lib.store.close()
  return lib.open()
}

const reader = (): ReturnType<typeof openLibraryReader> =>
  openLibraryReader({ dataDir: lib.dataDir, libraryDir: lib.libraryDir })

const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('the read-only view of the library', () => {
  it('lists what the full store lists, for every filter the CLI has', async () => {
    const store = await fill()
    const view = reader()
    expect(view).not.toBeNull()
    try {
      for (const filter of [
        {},
        { limit: 2 },
        { search: 'neon' },
        { search: '夜晚' },
        { search: 'zzqx' },
        { userTags: ['road trip'] },
        { favorite: true },
        { search: 'river', userTags: ['Road Trip'], limit: 5 }
      ]) {
        expect(view?.listClipsForCli(filter), JSON.stringify(filter)).toEqual(
          store.listClipsForCli(filter)
        )
      }
      const all = view?.listClipsForCli({}) ?? []
      expect(all.length).toBeGreaterThan(3)
      // The upstream fields (stem, lineage) come through without the zod schemas.
      expect(all.some((c) => c.lineage.length > 0 && c.stem !== null)).toBe(true)
      expect(all.find((c) => c.id === 'b1')?.files.find((f) => f.kind === 'audio')?.state).toBe(
        'missing'
      )
      expect(view?.libraryAvailable()).toBe(true)
    } finally {
      view?.close()
    }
  })

  it('writes nothing to the index or the journal', async () => {
    await (await fill()).close()
    const index = join(lib.dataDir, DB_FILE)
    const journal = join(lib.dataDir, TASK_JOURNAL_FILE)
    const before = [hash(index), hash(journal)]
    const view = reader()
    expect(view?.listClipsForCli({ search: 'neon' }).length).toBeGreaterThan(0)
    view?.close()
    expect([hash(index), hash(journal)]).toEqual(before)
  })

  it('leaves a library with no index yet to the full open', async () => {
    await lib.store.close()
    rmSync(join(lib.dataDir, DB_FILE))
    expect(reader()).toBeNull()
  })

  it('leaves tasks not yet in the task journal to the full open, which writes them', async () => {
    await (await fill()).close()
    rmSync(join(lib.dataDir, TASK_JOURNAL_FILE))
    expect(reader()).toBeNull()
    await lib.open().close()
    expect(reader()).not.toBeNull()
  })

  it('leaves a missing library folder to the full open, which says so', async () => {
    await (await fill()).close()
    rmSync(lib.libraryDir, { recursive: true })
    expect(reader()).toBeNull()
  })

  it('leaves an index that needs a migration or a new search index to the full open', async () => {
    await (await fill()).close()
    const raw = new DatabaseSync(join(lib.dataDir, DB_FILE))
    const version = Number(
      (raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version
    )
    raw.exec(`PRAGMA user_version = ${version - 1}`)
    expect(reader()).toBeNull()
    raw.exec(`PRAGMA user_version = ${version}`)
    expect(reader()).not.toBeNull()
    raw.exec("UPDATE meta SET value = 'old' WHERE key = 'fts_version'")
    raw.close()
    expect(reader()).toBeNull()
  })

  it('leaves a damaged index to the full open, which sets it aside', async () => {
    await (await fill()).close()
    const index = join(lib.dataDir, DB_FILE)
    for (const suffix of ['-wal', '-shm']) rmSync(`${index}${suffix}`, { force: true })
    writeFileSync(index, 'not a database at all')
    expect(reader()).toBeNull()
    writeFileSync(index, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 7)]))
    expect(reader()).toBeNull()
  })

  it('leaves an index kept inside the library folder to the full open, which refuses it', async () => {
    await (await fill()).close()
    const inside = join(lib.libraryDir, 'data')
    mkdirSync(inside)
    for (const file of [DB_FILE, TASK_JOURNAL_FILE])
      copyFileSync(join(lib.dataDir, file), join(inside, file))
    expect(openLibraryReader({ dataDir: lib.dataDir, libraryDir: lib.libraryDir })).not.toBeNull()
    expect(openLibraryReader({ dataDir: inside, libraryDir: lib.libraryDir })).toBeNull()
  })
})
