import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../../src/main/core/library/db'
import { MIGRATIONS, migrate, schemaVersion } from '../../../../src/main/core/library/migrations'
import { tempDir } from '../../../support/temp-dirs'

// Migration 8 (issue 16): `files` is rebuilt so its kind CHECK admits the animated cover.
// An index one version older keeps every file row, its queue order and its cascade.

const VERSION = MIGRATIONS.find((m) => m.name === 'animated cover file kind')?.version ?? 0

let db: Db | null = null
afterEach(() => {
  db?.close()
  db = null
})

function indexBefore(): Db {
  const dir = join(tempDir('songshelf-mig7-'), 'data')
  mkdirSync(dir, { recursive: true })
  const opened = openDatabase(join(dir, 'library.sqlite'))
  migrate(
    opened,
    MIGRATIONS.filter((m) => m.version < VERSION)
  )
  opened.raw.exec(`
    INSERT INTO clips (id, task_id, title, added_at, stem, stem_key)
      VALUES ('c-one', 't1', 'One', 1, '2026-11/One [c-one]', '2026-11/one [c-one]'),
             ('c-two', 't1', 'Two', 1, NULL, NULL);
    INSERT INTO files (clip_pk, kind, state, rel_path, bytes, sha256, updated_at)
      VALUES (1, 'audio', 'done', '2026-11/One [c-one].mp3', 8486, 'abc', 10);
    INSERT INTO files (clip_pk, kind, state, source_url, attempts, error, updated_at)
      VALUES (2, 'video', 'pending', 'https://cdn1.suno.ai/two.mp4', 2, NULL, 20),
             (2, 'audio', 'pending', 'https://cdn1.suno.ai/two.mp3', 0, NULL, 20),
             (1, 'cover', 'failed', NULL, 3, 'The cover art is no longer on the server.', 30);
  `)
  return opened
}

const insertLoop = (target: Db): void => {
  target.run(
    `INSERT INTO files (clip_pk, kind, state, source_url, updated_at)
     VALUES (1, 'video_cover', 'pending', 'https://cdn1.suno.ai/video_cover_one.mp4', 40)`
  )
}

describe('migration 8: the animated cover file kind', () => {
  it('an older index refuses the new kind (the CHECK it was built with)', () => {
    db = indexBefore()
    expect(() => insertLoop(db as Db)).toThrow(/CHECK constraint failed/)
  })

  it('keeps every file row and its queue order, then accepts animated covers', () => {
    db = indexBefore()
    const before = db.all('SELECT rowid, * FROM files ORDER BY rowid')
    expect(migrate(db)).toBe(VERSION - 1)
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version)
    // Later migrations may add columns (10: error_code); every value of before is kept.
    expect(db.all('SELECT rowid, * FROM files ORDER BY rowid')).toEqual(
      before.map((row) => expect.objectContaining(row))
    )
    insertLoop(db)
    expect(db.get('SELECT kind, state FROM files WHERE kind = ?', 'video_cover')).toEqual({
      kind: 'video_cover',
      state: 'pending'
    })
    // Still refuses what is not a kind, still has its index and its cascade.
    expect(() =>
      db?.run(
        `INSERT INTO files (clip_pk, kind, state, updated_at) VALUES (1, 'lyrics', 'done', 1)`
      )
    ).toThrow(/CHECK constraint failed/)
    expect(
      db.get("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'files_state'")
    ).toEqual({ name: 'files_state' })
    expect(db.get('SELECT has_video_cover FROM clips WHERE pk = 1')).toEqual({ has_video_cover: 0 })
    db.run("DELETE FROM clips WHERE id = 'c-one'")
    expect(db.all('SELECT kind FROM files WHERE clip_pk = 1')).toEqual([])
    expect(db.all('PRAGMA foreign_key_check')).toEqual([])
  })
})
