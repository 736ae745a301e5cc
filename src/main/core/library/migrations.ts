import type { Db } from './db'
import { fileErrorColumns } from './file-errors'
import { SCHEMA_PLAYLISTS } from './playlists/schema'
import { SCHEMA_QUEUE } from './queue/schema'
import { FILES_WITH_VIDEO_COVER, SCHEMA_V1 } from './schema'
import { setClipStyles } from './styles'
import { titleKey } from './text'
import { upstreamFromRaw, upstreamJsonOf, vocalFlag } from './upstream'
import { LibraryError } from './types'
import { int, one, shape } from './rows/read'

// Numbered migrations, tracked in `PRAGMA user_version`. Each runs in its own
// transaction together with the version bump, so a crash leaves the database at the
// previous version, never half way (user_version lives in the header page, which is
// journaled like any other page).

const USER_VERSION = shape({ user_version: int })

export interface Migration {
  version: number
  name: string
  up(db: Db): void
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tasks, clips, files, user tags, plays',
    up: (db: Db): void => db.raw.exec(SCHEMA_V1)
  },
  {
    // Title sorting needs a locale-agnostic key and style facets need one row per style
    // token; both are computed in JS, so existing rows are backfilled here.
    version: 2,
    name: 'title sort key and style facets',
    up: (db: Db): void => {
      db.raw.exec(`
        ALTER TABLE clips ADD COLUMN title_key TEXT NOT NULL DEFAULT '';
        CREATE INDEX clips_title ON clips (title_key, id);
        CREATE TABLE styles (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE clip_styles (
          clip_pk INTEGER NOT NULL REFERENCES clips (pk) ON DELETE CASCADE,
          style_id INTEGER NOT NULL REFERENCES styles (id),
          PRIMARY KEY (clip_pk, style_id)
        ) WITHOUT ROWID;
        CREATE INDEX clip_styles_style ON clip_styles (style_id, clip_pk);
      `)
      const setKey = db.sql('UPDATE clips SET title_key = ? WHERE pk = ?')
      const rows = db.sql('SELECT pk, title, style_tags FROM clips').all()
      for (const row of rows) {
        const pk = Number(row.pk)
        setKey.run(titleKey(String(row.title ?? '')), pk)
        setClipStyles(db, pk, typeof row.style_tags === 'string' ? row.style_tags : null)
      }
    }
  },
  {
    // Issue 16: a music task whose gateway says SUCCESS but sends no readable clip is asked
    // again a few times, then shown as a problem with the answer kept for a bug report.
    version: 3,
    name: 'unreadable successes',
    up: (db: Db): void => {
      db.raw.exec(`
        ALTER TABLE tasks ADD COLUMN unreadable_answers INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE tasks ADD COLUMN unreadable_json TEXT;
      `)
    }
  },
  {
    version: 4,
    name: 'playlists and listening history',
    up: (db: Db): void => db.raw.exec(SCHEMA_PLAYLISTS)
  },
  {
    // Issue 16: upstream fields gateways pass through. The take and has_vocal are columns
    // (list rows, the instrumental facet); cover link, stems and lineage are JSON for the
    // detail. Existing clips are backfilled from the raw answer they kept.
    version: 5,
    name: 'take, vocals, stems and lineage',
    up: (db: Db): void => {
      db.raw.exec(`
        ALTER TABLE clips ADD COLUMN batch_index INTEGER;
        ALTER TABLE clips ADD COLUMN has_vocal INTEGER;
        ALTER TABLE clip_texts ADD COLUMN upstream_json TEXT;
        CREATE INDEX clips_has_vocal ON clips (has_vocal);
      `)
      const setClip = db.sql('UPDATE clips SET batch_index = ?, has_vocal = ? WHERE pk = ?')
      const setText = db.sql('UPDATE clip_texts SET upstream_json = ? WHERE clip_pk = ?')
      for (const row of db.sql('SELECT clip_pk, raw_json FROM clip_texts').all()) {
        if (typeof row.raw_json !== 'string') continue
        let raw: unknown
        try {
          raw = JSON.parse(row.raw_json)
        } catch {
          continue
        }
        const up = upstreamFromRaw(raw)
        const pk = Number(row.clip_pk)
        setClip.run(up.batchIndex ?? null, vocalFlag(up.hasVocal), pk)
        setText.run(upstreamJsonOf(up), pk)
      }
    }
  },
  {
    // Issue 12 §4: clips whose id the bridge would refuse are not stored; the task keeps
    // which ones it left out (JSON `[{ id, reason }]`) so `tasks` can say so.
    version: 6,
    name: 'refused clip ids',
    up: (db: Db): void => db.raw.exec('ALTER TABLE tasks ADD COLUMN refused_clips TEXT')
  },
  {
    // Issues 13 and 14 §3: the play queue by reference, kept in the index (not localStorage).
    version: 7,
    name: 'play queue',
    up: (db: Db): void => db.raw.exec(SCHEMA_QUEUE)
  },
  {
    // Issue 16: the animated cover (`video_cover_url`) is a file kind of its own. SQLite
    // cannot alter a CHECK constraint, so `files` is rebuilt the way its docs describe
    // (https://sqlite.org/lang_altertable.html#otheralter: create the new table, copy,
    // drop, rename, recreate the indexes). Nothing references `files`, so dropping it
    // with foreign keys on deletes nothing else.
    version: 8,
    name: 'animated cover file kind',
    up: (db: Db): void => db.raw.exec(FILES_WITH_VIDEO_COVER)
  },
  {
    // Issue 13: the list sorts by style and by model too. Without these an ORDER BY over
    // 100 000 clips builds a temp B-tree of every row for each page.
    version: 9,
    name: 'style and model sort indexes',
    up: (db: Db): void =>
      db.raw.exec(`
        CREATE INDEX clips_style_sort ON clips (style_tags COLLATE NOCASE, id);
        CREATE INDEX clips_model_sort ON clips (model, id);
      `)
  },
  {
    // Issue 13, defect 11: a file's error gets a stable code (and params) beside its
    // English text, so the UI can say it in its own language. Existing texts are mapped
    // through the same templates the writers use (file-errors.ts).
    version: 10,
    name: 'file error codes',
    up: (db: Db): void => {
      db.raw.exec(`
        ALTER TABLE files ADD COLUMN error_code TEXT;
        ALTER TABLE files ADD COLUMN error_params TEXT;
      `)
      const set = db.sql(
        'UPDATE files SET error_code = ?, error_params = ? WHERE clip_pk = ? AND kind = ?'
      )
      for (const row of db
        .sql('SELECT clip_pk, kind, error FROM files WHERE error IS NOT NULL')
        .all()) {
        const { code, params } = fileErrorColumns(String(row.error))
        if (code !== null) set.run(code, params, Number(row.clip_pk), String(row.kind))
      }
    }
  },
  {
    // Issue 14 §3: "select all → Play" counts the view's playable clips (PLAYABLE in
    // queue/sequence.ts). Without an index that count read every row: 37–111 ms at
    // 100,000 clips, before the first sound; with it, 8 ms from the index alone.
    version: 11,
    name: 'playable clips index',
    up: (db: Db): void => {
      db.raw.exec('CREATE INDEX IF NOT EXISTS clips_playable ON clips (has_audio, status)')
    }
  },
  {
    // Issue 13: the user's own title and note, beside the gateway's title (never over it).
    // The title is short and sorted on, so it sits in the clip row; the note (up to 2000
    // characters) sits with the other long texts. Nothing to backfill: both start empty.
    version: 12,
    name: 'user title and note',
    up: (db: Db): void =>
      db.raw.exec(`
        ALTER TABLE clips ADD COLUMN user_title TEXT;
        ALTER TABLE clip_texts ADD COLUMN note TEXT;
      `)
  }
]

export const SCHEMA_VERSION = MIGRATIONS.length

export function schemaVersion(db: Db): number {
  return one(db, USER_VERSION, 'PRAGMA user_version')?.user_version ?? 0
}

/** Brings the database up to SCHEMA_VERSION. Returns the version it started from. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const from = schemaVersion(db)
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1].version
  if (from > latest) {
    throw new LibraryError(
      'schema_too_new',
      'This library index was written by a newer version of Songshelf. Update Songshelf to open it.'
    )
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue
    db.tx(() => {
      migration.up(db)
      // PRAGMA takes no bound parameters; the version is our own integer.
      db.raw.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`)
    })
  }
  return from
}
