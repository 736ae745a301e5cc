import { randomUUID } from 'node:crypto'
import type {
  PlaylistKind,
  PlaylistPage,
  PlaylistSummary,
  SmartRule
} from '../../../../shared/playlists'
import { PLAYLIST_NAME_MAX } from '../../../../shared/limits'
import { smartRule as smartRuleSchema } from '../../../../shared/playlist-schemas'
import { cleanPlaylistName } from '../../../../shared/text'
import { placeholders, type Db } from '../db'
import { pageWindow } from '../queries/filter-sql'
import { ROW_COLUMNS, toClipRow } from '../queries/rows'
import {
  count as countRows,
  enumOf,
  ID,
  int,
  intOrNull,
  many,
  one,
  shape,
  text,
  textOrNull,
  type DbRow
} from '../rows/read'
import { untilNextWrite } from '../read-cache'
import { DENSE_MATCHES, searchMatches, type SearchMode } from '../search-index'
import { LibraryError } from '../types'
import { smartSql } from './smart'

// Playlists in the index: create, rename, delete (soft, so it can be undone) and restore,
// items added, removed and reordered, and paged reads in playlist order. Items refer to
// clips by id (see schema.ts); an item whose clip left the library is not shown.

export interface PlaylistCtx {
  db: Db
  mode: SearchMode
  now: () => number
}

export interface PlaylistDbRow {
  id: string
  name: string
  kind: PlaylistKind
  rule_json: string | null
  created_at: number
  updated_at: number
  deleted_at: number | null
  rel_path: string | null
}

const PLAYLIST_KINDS: readonly PlaylistKind[] = ['manual', 'smart']

/** A row selected with `SELECT * FROM playlists`. */
const readPlaylist = shape({
  id: text,
  name: text,
  kind: enumOf(PLAYLIST_KINDS),
  rule_json: textOrNull,
  created_at: int,
  updated_at: int,
  deleted_at: intOrNull,
  rel_path: textOrNull
}) satisfies (row: DbRow) => PlaylistDbRow

const ITEM = shape({ id: int, clip_id: text })
const CLIP_ID = shape({ clip_id: text })
const PLAYLIST_ID = shape({ playlist_id: text })
const POS = shape({ pos: intOrNull })

/** A rule read back from the index or a file: only what the schema accepts. */
export function parseRule(json: string | null | unknown): SmartRule | null {
  if (json === null || json === undefined) return null
  try {
    const value: unknown = typeof json === 'string' ? JSON.parse(json) : json
    const parsed = smartRuleSchema.safeParse(value)
    return parsed.success ? (parsed.data as SmartRule) : null
  } catch {
    return null
  }
}

function row(ctx: PlaylistCtx, id: string, includeDeleted = false): PlaylistDbRow {
  const found = one(ctx.db, readPlaylist, 'SELECT * FROM playlists WHERE id = ?', id)
  if (found === undefined || (found.deleted_at !== null && !includeDeleted)) {
    throw new LibraryError('playlist_not_found', 'That playlist no longer exists.')
  }
  return found
}

/** The playlist's row (deleted ones only when asked); playlist_not_found otherwise. */
export function playlistRow(ctx: PlaylistCtx, id: string, includeDeleted = false): PlaylistDbRow {
  return row(ctx, id, includeDeleted)
}

function summary(ctx: PlaylistCtx, r: PlaylistDbRow): PlaylistSummary {
  const rule = r.kind === 'smart' ? parseRule(r.rule_json) : null
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    count: r.kind === 'smart' ? smartCount(ctx, rule) : manualCount(ctx, r.id),
    rule,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

/** Items whose clip is in the library. Each item is a lookup of its clip by id (10 000
 * items: tens of ms at 100 000 clips), so the count is reused until the next write: the
 * list asks for it with every page (bench/playlists.bench.ts). */
function manualCount(ctx: PlaylistCtx, id: string): number {
  return untilNextWrite(ctx.db, `playlist-count\u0000${id}`, () => {
    return countRows(
      ctx.db,
      `SELECT count(*) AS n FROM playlist_items i CROSS JOIN clips c ON c.id = i.clip_id
       WHERE i.playlist_id = ?`,
      id
    )
  })
}

function smartCount(ctx: PlaylistCtx, rule: SmartRule | null): number {
  if (rule === null) return 0
  const n = smartMatches(ctx, rule)
  return rule.limit === undefined ? n : Math.min(n, rule.limit)
}

/** How many clips the rule matches, before its limit; reused until the next write. A rule
 * with relative times has new parameters every moment, so it is counted each time. */
export function smartMatches(ctx: PlaylistCtx, rule: SmartRule): number {
  const matches = searchMatches(ctx.db, ctx.mode, rule.filter)
  if (matches?.count === 0) return 0
  const q = smartSql(rule, ctx.mode, ctx.now(), matches)
  const sql = `SELECT count(*) AS n FROM clips c WHERE ${q.where.sql}`
  const count = (): number => countRows(ctx.db, sql, ...q.where.params)
  if (rule.addedWithinDays !== undefined || rule.playedWithinDays !== undefined) return count()
  return untilNextWrite(
    ctx.db,
    `smart-count\u0000${sql}\u0000${JSON.stringify(q.where.params)}`,
    count
  )
}

export function listPlaylists(ctx: PlaylistCtx): PlaylistSummary[] {
  return many(
    ctx.db,
    readPlaylist,
    'SELECT * FROM playlists WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id'
  ).map((r) => summary(ctx, r))
}

export function getPlaylist(ctx: PlaylistCtx, id: string): PlaylistSummary {
  return summary(ctx, row(ctx, id))
}

export function playlistFileRow(
  ctx: PlaylistCtx,
  id: string
): {
  name: string
  kind: PlaylistKind
  rule: SmartRule | null
  relPath: string | null
  deleted: boolean
} | null {
  const r = one(ctx.db, readPlaylist, 'SELECT * FROM playlists WHERE id = ?', id)
  if (r === undefined) return null
  return {
    name: r.name,
    kind: r.kind,
    rule: r.kind === 'smart' ? parseRule(r.rule_json) : null,
    relPath: r.rel_path,
    deleted: r.deleted_at !== null
  }
}

export function setPlaylistRelPath(ctx: PlaylistCtx, id: string, relPath: string | null): void {
  ctx.db.run('UPDATE playlists SET rel_path = ? WHERE id = ?', relPath, id)
}

export function createPlaylist(
  ctx: PlaylistCtx,
  input: { name: string; rule?: SmartRule; clipIds?: readonly string[]; id?: string }
): string {
  const id = input.id ?? randomUUID()
  const at = ctx.now()
  ctx.db.tx(() => {
    ctx.db.run(
      `INSERT INTO playlists (id, name, kind, rule_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      id,
      storedName(input.name),
      input.rule === undefined ? 'manual' : 'smart',
      input.rule === undefined ? null : JSON.stringify(input.rule),
      at,
      at
    )
    if (input.rule === undefined && input.clipIds !== undefined && input.clipIds.length > 0) {
      insertItems(ctx, id, input.clipIds, 0)
    }
  })
  return id
}

export function renamePlaylist(ctx: PlaylistCtx, id: string, name: string): void {
  row(ctx, id)
  ctx.db.run(
    'UPDATE playlists SET name = ?, updated_at = ? WHERE id = ?',
    storedName(name),
    ctx.now(),
    id
  )
}

/** The bridge has cleaned the name already; the CLI and a rebuild's M3U header have not. */
function storedName(name: string): string {
  const clean = cleanPlaylistName(name)
  if (clean === '') throw new LibraryError('invalid_request', 'A playlist needs a name.')
  // Measured as the bridge schema measures it (zod's max counts UTF-16 units).
  if (clean.length > PLAYLIST_NAME_MAX) {
    throw new LibraryError(
      'invalid_request',
      `A playlist name has at most ${PLAYLIST_NAME_MAX} characters.`
    )
  }
  return clean
}

export function setSmartRule(ctx: PlaylistCtx, id: string, rule: SmartRule): void {
  if (row(ctx, id).kind !== 'smart') {
    throw new LibraryError('not_smart', 'Only a smart playlist has a rule to change.')
  }
  ctx.db.run(
    'UPDATE playlists SET rule_json = ?, updated_at = ? WHERE id = ?',
    JSON.stringify(rule),
    ctx.now(),
    id
  )
}

/** Soft delete: the playlist disappears from lists but keeps its items until purged, so
 * the delete can be undone with restorePlaylist. */
export function deletePlaylist(ctx: PlaylistCtx, id: string): void {
  row(ctx, id)
  ctx.db.run('UPDATE playlists SET deleted_at = ? WHERE id = ?', ctx.now(), id)
}

export function restorePlaylist(ctx: PlaylistCtx, id: string): void {
  row(ctx, id, true)
  ctx.db.run('UPDATE playlists SET deleted_at = NULL, updated_at = ? WHERE id = ?', ctx.now(), id)
}

/** Forgets playlists deleted before `before` for good. */
export function purgeDeletedPlaylists(ctx: PlaylistCtx, before: number): number {
  return ctx.db.run('DELETE FROM playlists WHERE deleted_at IS NOT NULL AND deleted_at < ?', before)
}

function manual(ctx: PlaylistCtx, id: string): void {
  if (row(ctx, id).kind !== 'manual') {
    throw new LibraryError(
      'smart_playlist',
      'A smart playlist fills itself from its rule; change the rule instead.'
    )
  }
}

/** Ordered item ids whose clip is in the library; items of clips that are gone are
 * dropped here, since the order is being rewritten anyway. */
function visibleItems(ctx: PlaylistCtx, id: string): { id: number; clip_id: string }[] {
  ctx.db.run(
    `DELETE FROM playlist_items WHERE playlist_id = ?
       AND clip_id NOT IN (SELECT id FROM clips)`,
    id
  )
  return many(
    ctx.db,
    ITEM,
    'SELECT id, clip_id FROM playlist_items WHERE playlist_id = ? ORDER BY pos, id',
    id
  )
}

function renumber(ctx: PlaylistCtx, itemIds: readonly number[]): void {
  const set = ctx.db.sql('UPDATE playlist_items SET pos = ? WHERE id = ?')
  itemIds.forEach((itemId, pos) => set.run(pos, itemId))
}

function insertItems(
  ctx: PlaylistCtx,
  id: string,
  clipIds: readonly string[],
  start: number
): number {
  const insert = ctx.db.sql(
    'INSERT INTO playlist_items (playlist_id, pos, clip_id) VALUES (?, ?, ?)'
  )
  clipIds.forEach((clipId, i) => insert.run(id, start + i, clipId))
  return clipIds.length
}

/** Adds clips (those in the library) at `at`, or at the end. */
export function addToPlaylist(
  ctx: PlaylistCtx,
  id: string,
  clipIds: readonly string[],
  at?: number
): { added: number } {
  manual(ctx, id)
  return ctx.db.tx(() => {
    const known = knownClipIds(ctx, clipIds)
    const wanted = clipIds.filter((clipId) => known.has(clipId))
    if (wanted.length === 0) return { added: 0 }
    const items = visibleItems(ctx, id)
    const index = at === undefined ? items.length : Math.min(Math.max(0, at), items.length)
    if (index === items.length) {
      // Appending (the common case) leaves the other items' positions alone.
      const last = one(
        ctx.db,
        POS,
        'SELECT max(pos) AS pos FROM playlist_items WHERE playlist_id = ?',
        id
      )?.pos
      insertItems(ctx, id, wanted, last === null || last === undefined ? 0 : last + 1)
    } else {
      makeRoom(ctx, items, index, wanted.length)
      insertItems(ctx, id, wanted, index)
    }
    touch(ctx, id)
    return { added: wanted.length }
  })
}

/** Renumbers the items densely, leaving `gap` free positions at `index`. */
function makeRoom(ctx: PlaylistCtx, items: { id: number }[], index: number, gap: number): void {
  const set = ctx.db.sql('UPDATE playlist_items SET pos = ? WHERE id = ?')
  items.forEach((item, pos) => set.run(pos < index ? pos : pos + gap, item.id))
}

export function removeFromPlaylist(
  ctx: PlaylistCtx,
  id: string,
  itemIds: readonly number[]
): { removed: number } {
  manual(ctx, id)
  return ctx.db.tx(() => {
    let removed = 0
    for (let i = 0; i < itemIds.length; i += 500) {
      const batch = itemIds.slice(i, i + 500)
      removed += ctx.db.run(
        `DELETE FROM playlist_items WHERE playlist_id = ? AND id IN (${placeholders(batch.length)})`,
        id,
        ...batch
      )
    }
    renumber(
      ctx,
      visibleItems(ctx, id).map((item) => item.id)
    )
    touch(ctx, id)
    return { removed }
  })
}

/** Moves items (in their current relative order) to position `to` of the list without
 * them: `to` 0 puts them first. */
export function movePlaylistItems(
  ctx: PlaylistCtx,
  id: string,
  itemIds: readonly number[],
  to: number
): { moved: number } {
  manual(ctx, id)
  return ctx.db.tx(() => {
    const moving = new Set(itemIds)
    const items = visibleItems(ctx, id).map((item) => item.id)
    const moved = items.filter((itemId) => moving.has(itemId))
    const rest = items.filter((itemId) => !moving.has(itemId))
    const index = Math.min(Math.max(0, to), rest.length)
    renumber(ctx, [...rest.slice(0, index), ...moved, ...rest.slice(index)])
    touch(ctx, id)
    return { moved: moved.length }
  })
}

function touch(ctx: PlaylistCtx, id: string): void {
  ctx.db.run('UPDATE playlists SET updated_at = ? WHERE id = ?', ctx.now(), id)
}

function knownClipIds(ctx: PlaylistCtx, clipIds: readonly string[]): Set<string> {
  const out = new Set<string>()
  const unique = [...new Set(clipIds)]
  for (let i = 0; i < unique.length; i += 500) {
    const batch = unique.slice(i, i + 500)
    for (const r of many(
      ctx.db,
      ID,
      `SELECT id FROM clips WHERE id IN (${placeholders(batch.length)})`,
      ...batch
    )) {
      out.add(r.id)
    }
  }
  return out
}

/** A window of the playlist in its order: manual by position, smart by its rule. */
export function queryPlaylist(
  ctx: PlaylistCtx,
  id: string,
  offset?: number,
  limit?: number
): PlaylistPage {
  const r = row(ctx, id)
  const win = pageWindow(offset, limit)
  if (r.kind === 'smart') return querySmart(ctx, parseRule(r.rule_json), win)
  const rows = ctx.db.all(
    // CROSS JOIN keeps playlist_items (by position) as the outer loop; otherwise SQLite may
    // walk every clip and sort the matches (bench/playlists: 55x the library's first page).
    `SELECT i.id AS item_id, ${ROW_COLUMNS} FROM playlist_items i
     CROSS JOIN clips c ON c.id = i.clip_id WHERE i.playlist_id = ?
     ORDER BY i.pos, i.id LIMIT ? OFFSET ?`,
    id,
    win.limit,
    win.offset
  )
  return {
    rows: rows.map((x) => toClipRow(x)),
    itemIds: rows.map((x) => int(x, 'item_id')),
    total: manualCount(ctx, id),
    offset: win.offset
  }
}

function querySmart(
  ctx: PlaylistCtx,
  rule: SmartRule | null,
  win: { offset: number; limit: number }
): PlaylistPage {
  const empty = { rows: [], itemIds: [], total: 0, offset: win.offset }
  if (rule === null) return empty
  const matches = searchMatches(ctx.db, ctx.mode, rule.filter)
  if (matches?.count === 0) return empty
  const n = smartMatches(ctx, rule)
  if (n === 0) return empty
  // Many matches: read the page in sort order instead of sorting every match (smart.ts).
  const q = smartSql(rule, ctx.mode, ctx.now(), matches, n > DENSE_MATCHES)
  const cap = q.limit < 0 ? win.limit : Math.max(0, Math.min(win.limit, q.limit - win.offset))
  const rows =
    cap === 0
      ? []
      : // The window is chosen on bare rows first, so the per-row columns (user tags) are
        // computed for one page, not for every match before the sort (bench/playlists).
        many(
          ctx.db,
          toClipRow,
          `SELECT ${ROW_COLUMNS} FROM clips c WHERE c.pk IN
             (SELECT c.pk FROM clips c WHERE ${q.where.sql} ORDER BY ${q.order} LIMIT ? OFFSET ?)
           ORDER BY ${q.order}`,
          ...q.where.params,
          cap,
          win.offset
        )
  return {
    rows,
    itemIds: [],
    total: q.limit < 0 ? n : Math.min(n, q.limit),
    offset: win.offset
  }
}

/** Every clip id of the playlist in order (to play or shuffle it, or write its file). */
export function playlistClipIds(ctx: PlaylistCtx, id: string): string[] {
  const r = row(ctx, id, true)
  if (r.kind === 'manual') {
    return many(
      ctx.db,
      CLIP_ID,
      `SELECT i.clip_id FROM playlist_items i JOIN clips c ON c.id = i.clip_id
       WHERE i.playlist_id = ? ORDER BY i.pos, i.id`,
      id
    ).map((x) => x.clip_id)
  }
  const rule = parseRule(r.rule_json)
  if (rule === null) return []
  const q = smartSql(rule, ctx.mode, ctx.now(), searchMatches(ctx.db, ctx.mode, rule.filter))
  return many(
    ctx.db,
    ID,
    `SELECT c.id FROM clips c WHERE ${q.where.sql} ORDER BY ${q.order} LIMIT ?`,
    ...q.where.params,
    q.limit
  ).map((x) => x.id)
}

/** Ids of live playlists that hold any of these clips, and every smart one (any clip
 * change may change what a rule matches): the playlists whose files need rewriting. */
export function playlistsTouching(ctx: PlaylistCtx, clipIds: readonly string[] | null): string[] {
  if (clipIds === null) {
    return many(ctx.db, ID, 'SELECT id FROM playlists WHERE deleted_at IS NULL').map((x) => x.id)
  }
  const out = new Set(
    many(ctx.db, ID, "SELECT id FROM playlists WHERE deleted_at IS NULL AND kind = 'smart'").map(
      (x) => x.id
    )
  )
  for (let i = 0; i < clipIds.length; i += 500) {
    const batch = clipIds.slice(i, i + 500)
    for (const r of many(
      ctx.db,
      PLAYLIST_ID,
      `SELECT DISTINCT playlist_id FROM playlist_items WHERE clip_id IN (${placeholders(batch.length)})`,
      ...batch
    )) {
      out.add(r.playlist_id)
    }
  }
  return [...out]
}
