import type { SmartRule } from '../../../../shared/playlists'
import type { Param } from '../db'
import { filterSql, orderSql } from '../queries/filter-sql'
import type { SearchMatches, SearchMode, SqlPart } from '../search-index'

// A smart playlist is a saved query: the library's own filter (search text, styles,
// models, user tags, favourites, with video, duration) plus the relative times and play
// counts only a playlist needs. It is evaluated at read time, so it is live as the library
// changes. Plays and last-played ignore skips (history.ts), so "Never played" and "Most
// played" mean what they say for short clips.

const DAY_MS = 86_400_000

export interface SmartSql {
  where: SqlPart
  order: string
  /** -1: no limit. */
  limit: number
}

/** `dense`: the rule matches many clips (more than DENSE_MATCHES), so "never played" must
 * not drive the query: through the plays index SQLite would sort every unplayed clip
 * (80 000 at 100 000 clips: 0.5–1 s) where walking the sort's own index finds the first
 * page at once (0.1–0.8 ms). With few matches the plays index is the better start. */
export function smartSql(
  rule: SmartRule,
  mode: SearchMode,
  now: number,
  matches: number | SearchMatches | null = null,
  dense = false
): SmartSql {
  const base = filterSql(rule.filter, mode, matches)
  const parts = [base.sql]
  const params: Param[] = [...base.params]
  const add = (sql: string, ...values: Param[]): void => {
    parts.push(sql)
    params.push(...values)
  }
  if (rule.addedWithinDays !== undefined)
    add('c.added_at >= ?', now - rule.addedWithinDays * DAY_MS)
  if (rule.playedWithinDays !== undefined) {
    add('c.last_played_at >= ?', now - rule.playedWithinDays * DAY_MS)
  }
  if (rule.neverPlayed === true) add(dense ? '+c.plays = 0' : 'c.plays = 0')
  if (rule.minPlays !== undefined && rule.minPlays > 0) add('c.plays >= ?', rule.minPlays)
  return {
    where: { sql: parts.join(' AND '), params },
    order: orderSql(rule.sort, rule.dir),
    limit: rule.limit ?? -1
  }
}
