// Migration 4: playlists and the listening history (issue 15). Frozen once landed.
//
// Items and events refer to clips by their clip id, not by `pk`: a rebuild or a damaged
// index that is rebuilt from the folder gives clips new rows, and a playlist (restored
// from its M3U8) must still find them. An item whose clip is gone is simply not shown.

export const SCHEMA_PLAYLISTS = `
CREATE TABLE playlists (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('manual', 'smart')),
  rule_json TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- Set by delete; restore clears it (undo). Deleted playlists are purged later.
  deleted_at INTEGER,
  -- The M3U8 mirror in the library folder, relative to it.
  rel_path TEXT
);

CREATE TABLE playlist_items (
  id INTEGER PRIMARY KEY,
  playlist_id TEXT NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  clip_id TEXT NOT NULL
);
CREATE INDEX playlist_items_pos ON playlist_items (playlist_id, pos);
CREATE INDEX playlist_items_clip ON playlist_items (clip_id);

CREATE TABLE listen_events (
  id INTEGER PRIMARY KEY,
  clip_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('start', 'skip', 'finish', 'seek')),
  at INTEGER NOT NULL,
  -- Where in the clip (ms), and for skip/finish how long it was listened to (ms).
  position_ms INTEGER,
  listened_ms INTEGER
);
CREATE INDEX listen_events_at ON listen_events (at);
CREATE INDEX listen_events_clip ON listen_events (clip_id, at);
`
