import type { Db } from './db'
import { styleTokens } from './text'
import { INT_ID, one } from './rows/read'

// Style facets: each clip's comma-separated style tags as rows of (clip, style id), with
// the distinct names in `styles`. A style filter matches names first (a few thousand
// rows at most) and then reads the clips of those ids from an index; counting a facet is
// a GROUP BY over small integers.

const ids = new WeakMap<Db, Map<string, number>>()

function styleId(db: Db, name: string): number {
  let cache = ids.get(db)
  if (cache === undefined) {
    ids.set(db, (cache = new Map()))
    // A rolled-back transaction may have created some of the cached styles.
    db.onRollback(() => ids.get(db)?.clear())
  }
  const known = cache.get(name)
  if (known !== undefined) return known
  db.run('INSERT OR IGNORE INTO styles (name) VALUES (?)', name)
  const row = one(db, INT_ID, 'SELECT id FROM styles WHERE name = ?', name)
  if (row === undefined) throw new Error(`Style ${name} was not stored`)
  cache.set(name, row.id)
  return row.id
}

/** Replaces a clip's style rows with the tokens of `styleTags` (`fresh`: the clip was
 * just inserted and has none yet). */
export function setClipStyles(db: Db, pk: number, styleTags: string | null, fresh = false): void {
  if (!fresh) db.sql('DELETE FROM clip_styles WHERE clip_pk = ?').run(pk)
  const add = db.sql('INSERT OR IGNORE INTO clip_styles (clip_pk, style_id) VALUES (?, ?)')
  for (const token of styleTokens(styleTags)) add.run(pk, styleId(db, token))
}
