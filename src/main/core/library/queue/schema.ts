// Migration 7: the play queue (issues 13 and 14 §3). Frozen once landed.
//
// One row of state: what the queue plays (a reference, as JSON), the cursor and the clip
// it points at (to find it again when the library changed under a live view), shuffle
// with its seed, repeat and the position. Entries are referred to by clip id, like
// playlists, so a rebuild of the index keeps the queue.

export const SCHEMA_QUEUE = `
CREATE TABLE queue_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  source_json TEXT,
  -- 1 when the order is the materialised one in queue_order (shuffle, playlist, picks).
  ordered INTEGER NOT NULL DEFAULT 0,
  cursor_pos INTEGER NOT NULL DEFAULT -1,
  cursor_item INTEGER,
  current_clip_id TEXT,
  shuffle INTEGER NOT NULL DEFAULT 0,
  seed INTEGER NOT NULL DEFAULT 0,
  repeat TEXT NOT NULL DEFAULT 'off' CHECK (repeat IN ('off', 'all', 'one')),
  position_ms INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 0
);
INSERT INTO queue_state (id) VALUES (1);

-- "Play next" and "add to queue": they play after source position 'anchor' (-1: before
-- the first), in 'seq' order.
CREATE TABLE queue_items (
  id INTEGER PRIMARY KEY,
  anchor INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  clip_id TEXT NOT NULL
);
CREATE INDEX queue_items_order ON queue_items (anchor, seq);

-- A materialised order: a shuffle, a playlist or a hand-picked list, ids only.
CREATE TABLE queue_order (
  pos INTEGER PRIMARY KEY,
  clip_id TEXT NOT NULL
);
CREATE INDEX queue_order_clip ON queue_order (clip_id);
`
