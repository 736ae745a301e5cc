import { DENSE_MATCHES, searchMatches } from '../search-index'
import { firstTitleIndexWhere, TITLE_TOP } from '../queries/title-prefix'
import { titlePrefixKey } from '../text'
import { parseRule, playlistRow, smartMatches, type PlaylistCtx } from './store'
import { smartSql } from './smart'
import { count, int, one, shape } from '../rows/read'

// The list's type-ahead inside a playlist (issue 13): typing "cit" jumps to the first song,
// in the playlist's own order, whose title starts with it. Like the library's
// (queries/title-prefix.ts) it is two indexed reads in SQLite, never the playlist read into
// JS: the first match in order, then how many shown items come before it.

/** The index (0-based, as queryPlaylist numbers its rows) of the first item whose title
 * starts with `prefix`, ignoring case, accents and width; null when none does. */
export function playlistTitleIndex(ctx: PlaylistCtx, id: string, prefix: string): number | null {
  const key = titlePrefixKey(prefix)
  const r = playlistRow(ctx, id)
  if (key === '') return null
  return r.kind === 'smart'
    ? smartTitleIndex(ctx, r.rule_json, key)
    : manualTitleIndex(ctx, id, key)
}

const FIRST_ITEM = shape({ pos: int, item: int })

/** Items in position order (playlist_items_pos, which ends in the item id as its rowid),
 * each joined to its clip by id: the walk stops at the first title in range. Items whose
 * clip left the library are not shown (queryPlaylist), so they are not counted either. */
function manualTitleIndex(ctx: PlaylistCtx, id: string, key: string): number | null {
  const first = one(
    ctx.db,
    FIRST_ITEM,
    `SELECT i.pos AS pos, i.id AS item FROM playlist_items i
     CROSS JOIN clips c ON c.id = i.clip_id
     WHERE i.playlist_id = ? AND c.title_key >= ? AND c.title_key < ?
     ORDER BY i.pos, i.id LIMIT 1`,
    id,
    key,
    key + TITLE_TOP
  )
  if (first === undefined) return null
  return count(
    ctx.db,
    `SELECT count(*) AS n FROM playlist_items i CROSS JOIN clips c ON c.id = i.clip_id
     WHERE i.playlist_id = ? AND (i.pos, i.id) < (?, ?)`,
    id,
    first.pos,
    first.item
  )
}

/** A smart playlist is the library's view of its rule, cut at its limit. */
function smartTitleIndex(ctx: PlaylistCtx, ruleJson: string | null, key: string): number | null {
  const rule = parseRule(ruleJson)
  if (rule === null) return null
  const matches = searchMatches(ctx.db, ctx.mode, rule.filter)
  if (matches?.count === 0) return null
  const n = smartMatches(ctx, rule)
  if (n === 0) return null
  const q = smartSql(rule, ctx.mode, ctx.now(), matches, n > DENSE_MATCHES)
  const index = firstTitleIndexWhere(ctx.db, q.where, rule.sort, rule.dir, key)
  if (index === null || (q.limit >= 0 && index >= q.limit)) return null
  return index
}
