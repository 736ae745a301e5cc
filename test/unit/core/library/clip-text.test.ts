import { mkdirSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { parseFile } from 'music-metadata'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../src/main/core/library/db'
import { MIGRATIONS, migrate } from '../../../../src/main/core/library/migrations'
import type { LibraryChange } from '../../../../src/shared/library-change'
import { tempDir } from '../../../support/temp-dirs'
import { T0, clip, populate, task, tempLibrary, type TempLibrary } from './helpers'

// Issue 13: the user's own title and note, beside the gateway's title (never over it), in
// the index, the search index, the sidecar, the mp3's ID3 title, and back after a rebuild.

let lib: TempLibrary
beforeEach(async () => {
  lib = await tempLibrary()
})
afterEach(async () => {
  await lib.cleanup()
})

const sidecar = async (name: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(join(lib.libraryDir, '2026-11', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >

async function twoTakes(): Promise<void> {
  await populate(lib.store, [
    task('t1', [
      clip('c1', { title: 'City Lights', batchIndex: 0 }),
      clip('c2', { title: 'City Lights', batchIndex: 1 })
    ])
  ])
}

const ids = (search: string): string[] => lib.store.query({ search }).rows.map((row) => row.id)

describe('renaming a clip', () => {
  it('shows the new title everywhere a row is read, and keeps the gateway title beside it', async () => {
    await twoTakes()
    const result = lib.store.renameClip('c2', '  City Lights (the slow one) ')
    expect(result).toMatchObject({
      changed: 1,
      title: 'City Lights (the slow one)',
      originalTitle: 'City Lights',
      note: null
    })
    expect(result.undoId).toMatch(/^clip-rename-[0-9a-f]{12}$/u)
    const row = lib.store.query({ sort: 'title' }).rows.find((r) => r.id === 'c2')
    expect(row).toMatchObject({ title: 'City Lights (the slow one)', originalTitle: 'City Lights' })
    expect(lib.store.getClip('c1')?.siblings[0]).toMatchObject({
      id: 'c2',
      title: 'City Lights (the slow one)'
    })
    expect(lib.store.getClip('c1')).toMatchObject({ title: 'City Lights', originalTitle: null })
    expect(lib.store.rowsByIds(['c2']).rows[0]?.title).toBe('City Lights (the slow one)')
    // The CLI's list keeps `title` the gateway's and says the user's beside it.
    const cli = lib.store.listClipsForCli({}).find((c) => c.id === 'c2')
    expect(cli).toMatchObject({ title: 'City Lights', userTitle: 'City Lights (the slow one)' })
  })

  it('is found by its new title and still by the gateway title', async () => {
    await twoTakes()
    expect(ids('slow')).toEqual([])
    lib.store.renameClip('c2', 'Slow Lights')
    expect(ids('slow')).toEqual(['c2'])
    expect(ids('city').sort()).toEqual(['c1', 'c2'])
  })

  it('sorts and answers type-ahead by the title it is shown with', async () => {
    await twoTakes()
    lib.store.renameClip('c1', 'Aardvark')
    const titles = lib.store.query({ sort: 'title', dir: 'asc' }).rows.map((r) => r.title)
    expect(titles).toEqual(['Aardvark', 'City Lights'])
    expect(lib.store.titleIndex({ prefix: 'aard', sort: 'title', dir: 'asc' })).toBe(0)
    expect(lib.store.titleIndex({ prefix: 'city', sort: 'title', dir: 'asc' })).toBe(1)
  })

  it('an empty title or the gateway title itself puts the gateway title back', async () => {
    await twoTakes()
    lib.store.renameClip('c1', 'Mine')
    expect(lib.store.renameClip('c1', '   ')).toMatchObject({
      changed: 1,
      title: 'City Lights',
      originalTitle: null
    })
    lib.store.renameClip('c1', 'Mine')
    expect(lib.store.renameClip('c1', 'City Lights').originalTitle).toBeNull()
    expect(lib.store.renameClip('c1', 'City Lights')).toMatchObject({ changed: 0 })
    expect(lib.store.renameClip('c1', 'City Lights').undoId).toBeUndefined()
    expect(ids('mine')).toEqual([])
  })

  it('an unknown clip is refused with not_found', async () => {
    await twoTakes()
    expect(() => lib.store.renameClip('nope', 'x')).toThrow(
      expect.objectContaining({ code: 'not_found' })
    )
  })

  it('survives the gateway answering again: ingest never writes over it', async () => {
    await twoTakes()
    lib.store.renameClip('c1', 'Aardvark')
    lib.store.recordTaskResult(
      task('t1', [clip('c1', { title: 'City Lights v2', batchIndex: 0 })]),
      T0 + 1000,
      { downloadVideo: true }
    )
    const row = lib.store.query({ sort: 'title', dir: 'asc' }).rows[0]
    expect(row).toMatchObject({ id: 'c1', title: 'Aardvark', originalTitle: 'City Lights v2' })
    expect(lib.store.titleIndex({ prefix: 'aard', sort: 'title', dir: 'asc' })).toBe(0)
  })

  it('writes the user title into the mp3 and a user section into the sidecar', async () => {
    await twoTakes()
    lib.store.renameClip('c2', 'Take Two')
    lib.store.setClipNote('c2', 'the one with the longer outro')
    await lib.store.flush()
    const meta = await parseFile(lib.store.getFilePath('c2', 'audio') ?? '')
    expect(meta.common.title).toBe('Take Two')
    // The file keeps its name: a rename never moves files.
    expect(lib.store.getFilePath('c2', 'audio')).toBe(
      join(lib.libraryDir, '2026-11', 'City Lights [c2].mp3')
    )
    expect(await sidecar('City Lights [c2]')).toMatchObject({
      clip: { id: 'c2', title: 'City Lights' },
      user: { title: 'Take Two', note: 'the one with the longer outro' }
    })
    expect(await sidecar('City Lights [c1]')).toMatchObject({ user: { title: null, note: null } })
  })

  it('announces the one clip it changed, without a full refresh', async () => {
    await twoTakes()
    const changes: LibraryChange[] = []
    lib.store.onChange((change) => changes.push(change))
    lib.store.renameClip('c2', 'Take Two')
    lib.store.setClipNote('c2', 'note')
    expect(changes.map((c) => (c.kind === 'clips' ? c.clipIds : c.kind))).toEqual([['c2'], ['c2']])
    changes.length = 0
    lib.store.renameClip('c2', 'Take Two')
    expect(changes.filter((c) => c.kind === 'clips' && c.clipIds.length > 0)).toEqual([])
    await lib.store.flush()
  })

  it('is undone back to the exact title it had', async () => {
    await twoTakes()
    lib.store.renameClip('c1', 'First')
    const second = lib.store.renameClip('c1', 'Second')
    expect(await lib.store.undo(second.undoId ?? '')).toEqual({
      undone: true,
      kind: 'clip-rename',
      count: 1
    })
    expect(lib.store.getClip('c1')?.title).toBe('First')
    expect(ids('second')).toEqual([])
    expect(ids('first')).toEqual(['c1'])
    await lib.store.flush()
  })
})

describe('a note on a clip', () => {
  it('is kept as typed (trimmed, line breaks kept, controls dropped) and found by search', async () => {
    await twoTakes()
    const result = lib.store.setClipNote('c1', '\n  Better take:\r\nbrighter \u001b[31mmix  \n\n')
    expect(result).toMatchObject({ changed: 1, note: '  Better take:\nbrighter [31mmix' })
    expect(lib.store.getClip('c1')?.note).toBe('  Better take:\nbrighter [31mmix')
    expect(ids('brighter')).toEqual(['c1'])
    expect(lib.store.setClipNote('c1', '')).toMatchObject({ changed: 1, note: null })
    expect(ids('brighter')).toEqual([])
    const undo = lib.store.setClipNote('c1', 'again')
    await lib.store.undo(undo.undoId ?? '')
    expect(lib.store.getClip('c1')?.note).toBeNull()
    await lib.store.flush()
  })

  it('search without FTS5 finds the new title and the note too', async () => {
    const store = lib.open({ disableFts: true })
    await lib.store.close()
    await populate(store, [task('t1', [clip('c1'), clip('c2')])])
    store.renameClip('c1', 'Marmalade')
    store.setClipNote('c2', 'quince')
    expect(store.searchMode).toBe('like')
    expect(store.query({ search: 'marmal' }).rows.map((r) => r.id)).toEqual(['c1'])
    expect(store.query({ search: 'quince' }).rows.map((r) => r.id)).toEqual(['c2'])
    expect(store.query({ search: 'city' }).total).toBe(2)
    await store.flush()
  })
})

describe('rebuilding the index', () => {
  it('brings back the user title and the note from the sidecar', async () => {
    await twoTakes()
    lib.store.renameClip('c2', 'Take Two')
    lib.store.setClipNote('c2', 'keep this one\nfor the album')
    await lib.store.close()
    for (const suffix of ['', '-wal', '-shm'])
      await rm(join(lib.dataDir, `library.sqlite${suffix}`), { force: true })
    const fresh = lib.open()
    expect(fresh.query({}).total).toBe(0)
    expect(await fresh.rebuild()).toMatchObject({ ok: true, clips: 2 })
    expect(fresh.getClip('c2')).toMatchObject({
      title: 'Take Two',
      originalTitle: 'City Lights',
      note: 'keep this one\nfor the album'
    })
    expect(fresh.getClip('c1')).toMatchObject({ title: 'City Lights', note: null })
    expect(fresh.query({ search: 'album' }).rows.map((r) => r.id)).toEqual(['c2'])
    expect(fresh.query({ sort: 'title', dir: 'desc' }).rows.map((r) => r.id)).toEqual(['c2', 'c1'])
  })
})

describe('migration 12', () => {
  it('adds the user title and note, empty, to an index one version older', () => {
    const version = MIGRATIONS.find((m) => m.name === 'user title and note')?.version ?? 0
    expect(version).toBeGreaterThan(10)
    const dir = join(tempDir('songshelf-mig-note-'), 'data')
    mkdirSync(dir, { recursive: true })
    const db = openDatabase(join(dir, 'library.sqlite'))
    try {
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version < version)
      )
      db.raw.exec(`INSERT INTO clips (id, task_id, title, added_at) VALUES ('c1', 't1', 'One', 1);
        INSERT INTO clip_texts (clip_pk, lyrics) VALUES (1, 'la');`)
      migrate(db)
      expect(db.get('SELECT title, user_title FROM clips')).toEqual({
        title: 'One',
        user_title: null
      })
      expect(db.get('SELECT lyrics, note FROM clip_texts')).toEqual({ lyrics: 'la', note: null })
    } finally {
      db.close()
    }
  })
})
