import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { DatabaseSync } from 'node:sqlite'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../../../src/main/core/library/migrations'
import { openLibrary } from '../../../../src/main/core/library/store'
import { T0, clip, task, tempLibrary, type TempLibrary } from './helpers'
import { indexFacts } from './index-facts'

// A frozen copy of the version-1 schema as shipped, to prove that upgrades keep data.
const V1_FIXTURE = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE tasks (id TEXT PRIMARY KEY, state TEXT NOT NULL DEFAULT 'pending'
  CHECK (state IN ('pending', 'succeeded', 'failed', 'not_found')),
  upstream_status TEXT NOT NULL DEFAULT '', fail_reason TEXT, kind TEXT NOT NULL DEFAULT 'unknown',
  added_at INTEGER NOT NULL, last_polled_at INTEGER, next_poll_at INTEGER,
  not_found_count INTEGER NOT NULL DEFAULT 0, failed_polls INTEGER NOT NULL DEFAULT 0,
  stale INTEGER NOT NULL DEFAULT 0, raw_json TEXT, submit_time INTEGER, finish_time INTEGER,
  lyrics_title TEXT, lyrics_text TEXT);
CREATE TABLE clips (pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, task_id TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'unknown', style_tags TEXT,
  duration_sec REAL, model TEXT, major_model_version TEXT,
  created_at INTEGER, added_at INTEGER NOT NULL, continue_clip_id TEXT, continue_at REAL,
  clip_type TEXT, error_message TEXT, favorite INTEGER NOT NULL DEFAULT 0,
  plays INTEGER NOT NULL DEFAULT 0, last_played_at INTEGER, stem TEXT, stem_key TEXT UNIQUE,
  download_state TEXT NOT NULL DEFAULT 'absent', has_audio INTEGER NOT NULL DEFAULT 0,
  has_video INTEGER NOT NULL DEFAULT 0, has_cover INTEGER NOT NULL DEFAULT 0);
CREATE TABLE clip_texts (clip_pk INTEGER PRIMARY KEY REFERENCES clips (pk) ON DELETE CASCADE,
  lyrics TEXT, description_prompt TEXT, raw_json TEXT);
CREATE TABLE files (clip_pk INTEGER NOT NULL REFERENCES clips (pk) ON DELETE CASCADE,
  kind TEXT NOT NULL, state TEXT NOT NULL, rel_path TEXT, bytes INTEGER, error TEXT,
  source_url TEXT, sha256 TEXT, attempts INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL,
  PRIMARY KEY (clip_pk, kind));
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE);
CREATE TABLE clip_tags (clip_pk INTEGER NOT NULL REFERENCES clips (pk) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (clip_pk, tag_id)) WITHOUT ROWID;
CREATE TABLE play_events (id INTEGER PRIMARY KEY,
  clip_pk INTEGER NOT NULL REFERENCES clips (pk) ON DELETE CASCADE, at INTEGER NOT NULL, ms INTEGER);
PRAGMA user_version = 1;
`

let lib: TempLibrary | null = null
afterEach(async () => {
  await lib?.cleanup()
  lib = null
})

describe('opening the library index', () => {
  it('keeps the database in the data folder, never in the library folder', async () => {
    lib = await tempLibrary()
    expect(lib.store.dbPath).toBe(join(lib.dataDir, 'library.sqlite'))
    expect(existsSync(lib.store.dbPath)).toBe(true)
    expect(relative(lib.libraryDir, lib.store.dbPath).startsWith('..')).toBe(true)
    expect(await readdir(lib.libraryDir)).toEqual([])
  })

  it('refuses a data folder inside the library folder', async () => {
    lib = await tempLibrary()
    expect(() =>
      openLibrary({ dataDir: join(lib!.libraryDir, 'data'), libraryDir: lib!.libraryDir })
    ).toThrow(expect.objectContaining({ code: 'data_dir_in_library' }))
  })

  it('uses WAL, synchronous NORMAL, foreign keys and a busy timeout', async () => {
    lib = await tempLibrary()
    expect(indexFacts(lib.store.dbPath)).toMatchObject({
      journalMode: 'wal',
      synchronous: 'normal',
      foreignKeys: true,
      busyTimeoutMs: 5000,
      fts5: true
    })
    await lib.store.close()
    // WAL is a property of the file: another connection sees it too.
    const other = new DatabaseSync(join(lib.dataDir, 'library.sqlite'))
    expect(other.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' })
    other.close()
  })

  it('creates the latest schema in an empty folder', async () => {
    lib = await tempLibrary()
    await lib.store.close()
    const db = new DatabaseSync(join(lib.dataDir, 'library.sqlite'))
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION })
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name)
    expect(tables).toEqual(
      expect.arrayContaining([
        'tasks',
        'clips',
        'files',
        'tags',
        'clip_tags',
        'play_events',
        'clip_styles',
        'clips_fts'
      ])
    )
    db.close()
  })

  it('upgrades a version-1 index and keeps its songs, tags and plays', async () => {
    const root = await mkdtemp(join(tmpdir(), 'songshelf-mig-'))
    const dataDir = join(root, 'data')
    const libraryDir = join(root, 'lib')
    await mkdir(dataDir)
    await mkdir(libraryDir)
    const old = new DatabaseSync(join(dataDir, 'library.sqlite'))
    old.exec(V1_FIXTURE)
    old.exec(`INSERT INTO tasks (id, state, added_at) VALUES ('t1', 'succeeded', 1);
      INSERT INTO clips (id, task_id, title, style_tags, added_at, created_at, plays, favorite)
        VALUES ('c-old', 't1', 'Éclair de Lune', 'lo-fi, jazz', 1, 5, 7, 1),
               ('c-two', 't1', 'alpha', 'rock', 1, 4, 0, 0);
      INSERT INTO clip_texts (clip_pk, lyrics) VALUES (1, '夜晚城市的灯');
      INSERT INTO tags (name, key) VALUES ('Chill', 'chill');
      INSERT INTO clip_tags VALUES (1, 1);
      INSERT INTO play_events (clip_pk, at, ms) VALUES (1, 10, 1000);`)
    old.close()
    const store = openLibrary({ dataDir, libraryDir })
    try {
      const detail = store.getClip('c-old')
      expect(detail).toMatchObject({
        title: 'Éclair de Lune',
        lyrics: '夜晚城市的灯',
        plays: 7,
        favorite: true,
        userTags: ['Chill']
      })
      // New in version 2: accent-folded title sort, style facets and search.
      expect(store.query({ sort: 'title' }).rows.map((r) => r.id)).toEqual(['c-two', 'c-old'])
      expect(store.facets({}).styleTags).toEqual(
        expect.arrayContaining([
          { value: 'jazz', count: 1 },
          { value: 'lo-fi', count: 1 }
        ])
      )
      expect(store.query({ search: '夜晚' }).rows.map((r) => r.id)).toEqual(['c-old'])
      expect(store.query({ search: 'chill' }).rows.map((r) => r.id)).toEqual(['c-old'])
    } finally {
      await store.close()
      await rm(root, { recursive: true, force: true })
    }
  })

  it('refuses an index written by a newer Songshelf instead of damaging it', async () => {
    lib = await tempLibrary()
    await lib.store.close()
    const db = new DatabaseSync(join(lib.dataDir, 'library.sqlite'))
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    expect(() => lib!.open()).toThrow(expect.objectContaining({ code: 'schema_too_new' }))
  })

  it('still searches, with LIKE, where SQLite has no FTS5', async () => {
    lib = await tempLibrary({ disableFts: true })
    const { store } = lib
    expect(store.searchMode).toBe('like')
    store.recordTaskResult(
      task('t1', [
        clip('c1', { title: 'Neon Rain' }),
        clip('c2', { title: '夜晚城市', lyrics: null })
      ]),
      T0,
      { downloadVideo: false }
    )
    expect(store.query({ search: 'neon' }).rows.map((r) => r.id)).toEqual(['c1'])
    expect(store.query({ search: '夜' }).rows.map((r) => r.id)).toEqual(['c2'])
    expect(store.query({ search: '"NEAR(' }).total).toBe(0)
  })

  it('rebuilds the search index when FTS5 comes back after a spell without it', async () => {
    lib = await tempLibrary({ disableFts: true })
    lib.store.recordTaskResult(task('t1', [clip('c1', { title: 'Neon Rain' })]), T0, {
      downloadVideo: false
    })
    await lib.store.close()
    const store = lib.open({ disableFts: false })
    expect(store.searchMode).toBe('fts5')
    expect(store.query({ search: 'neo' }).rows.map((r) => r.id)).toEqual(['c1'])
  })
})
