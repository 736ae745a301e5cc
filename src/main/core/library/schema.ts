// Version 1 of the index schema. Frozen: later changes go into new numbered migrations
// (migrations.ts), never into this text, because existing databases were built from it.
//
// Clips are referenced by an integer `pk` inside the database (faster joins and facet
// counts at 100 000 clips); the gateway's clip id is the unique `id`. Clips keep their
// `task_id` without a foreign key: removing a task from the list keeps its songs.

export const SCHEMA_V1 = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  state TEXT NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'succeeded', 'failed', 'not_found')),
  upstream_status TEXT NOT NULL DEFAULT '',
  fail_reason TEXT,
  kind TEXT NOT NULL DEFAULT 'unknown',
  added_at INTEGER NOT NULL,
  last_polled_at INTEGER,
  next_poll_at INTEGER,
  not_found_count INTEGER NOT NULL DEFAULT 0,
  failed_polls INTEGER NOT NULL DEFAULT 0,
  stale INTEGER NOT NULL DEFAULT 0,
  raw_json TEXT,
  submit_time INTEGER,
  finish_time INTEGER,
  lyrics_title TEXT,
  lyrics_text TEXT
);
CREATE INDEX tasks_due ON tasks (state, next_poll_at);
CREATE INDEX tasks_added ON tasks (added_at, id);

CREATE TABLE clips (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  task_id TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'unknown',
  style_tags TEXT,
  duration_sec REAL,
  model TEXT,
  major_model_version TEXT,
  created_at INTEGER,
  added_at INTEGER NOT NULL,
  continue_clip_id TEXT,
  continue_at REAL,
  clip_type TEXT,
  error_message TEXT,
  favorite INTEGER NOT NULL DEFAULT 0,
  plays INTEGER NOT NULL DEFAULT 0,
  last_played_at INTEGER,
  stem TEXT,
  stem_key TEXT UNIQUE,
  download_state TEXT NOT NULL DEFAULT 'absent',
  has_audio INTEGER NOT NULL DEFAULT 0,
  has_video INTEGER NOT NULL DEFAULT 0,
  has_cover INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX clips_task ON clips (task_id);
CREATE INDEX clips_created ON clips (created_at, id);
CREATE INDEX clips_added ON clips (added_at, id);
CREATE INDEX clips_duration ON clips (duration_sec, id);
CREATE INDEX clips_plays ON clips (plays, id);
CREATE INDEX clips_last_played ON clips (last_played_at, id);
-- Covering for the model facet and the favourite/video totals beside it.
CREATE INDEX clips_model ON clips (model, favorite, has_video);
CREATE INDEX clips_favorite ON clips (favorite);
CREATE INDEX clips_has_video ON clips (has_video);
CREATE INDEX clips_download_state ON clips (download_state);
CREATE INDEX clips_continue ON clips (continue_clip_id);

-- The long texts live beside the clip row, so list queries, sorts and facet scans read
-- ~150-byte rows instead of rows carrying kilobytes of lyrics and raw JSON.
CREATE TABLE clip_texts (
  clip_pk INTEGER PRIMARY KEY REFERENCES clips (pk) ON DELETE CASCADE,
  lyrics TEXT,
  description_prompt TEXT,
  raw_json TEXT
);

CREATE TABLE files (
  clip_pk INTEGER NOT NULL REFERENCES clips (pk) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('audio', 'video', 'cover', 'sidecar')),
  state TEXT NOT NULL CHECK (state IN ('done', 'pending', 'failed', 'absent')),
  rel_path TEXT,
  bytes INTEGER,
  error TEXT,
  source_url TEXT,
  sha256 TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (clip_pk, kind)
);
CREATE INDEX files_state ON files (state, updated_at);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  key TEXT NOT NULL UNIQUE
);

CREATE TABLE clip_tags (
  clip_pk INTEGER NOT NULL REFERENCES clips (pk) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (clip_pk, tag_id)
) WITHOUT ROWID;
CREATE INDEX clip_tags_tag ON clip_tags (tag_id, clip_pk);

CREATE TABLE play_events (
  id INTEGER PRIMARY KEY,
  clip_pk INTEGER NOT NULL REFERENCES clips (pk) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  ms INTEGER
);
CREATE INDEX play_events_clip ON play_events (clip_pk, at);
`

// Migration 8 (issue 16): the `files` table again with 'video_cover' among its kinds, and
// the clip summary column the grid's hover preview reads.
export const FILES_WITH_VIDEO_COVER = `
CREATE TABLE files_next (
  clip_pk INTEGER NOT NULL REFERENCES clips (pk) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('audio', 'video', 'cover', 'video_cover', 'sidecar')),
  state TEXT NOT NULL CHECK (state IN ('done', 'pending', 'failed', 'absent')),
  rel_path TEXT,
  bytes INTEGER,
  error TEXT,
  source_url TEXT,
  sha256 TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (clip_pk, kind)
);
INSERT INTO files_next (clip_pk, kind, state, rel_path, bytes, error, source_url, sha256,
  attempts, updated_at)
  SELECT clip_pk, kind, state, rel_path, bytes, error, source_url, sha256, attempts, updated_at
  FROM files ORDER BY rowid;
DROP TABLE files;
ALTER TABLE files_next RENAME TO files;
CREATE INDEX files_state ON files (state, updated_at);
ALTER TABLE clips ADD COLUMN has_video_cover INTEGER NOT NULL DEFAULT 0;
`
