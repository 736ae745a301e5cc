import type { Db, Param } from '../db'
import { int, many, one, PK, shape, text, type DbRow } from '../rows/read'
import { placeholders } from '../db'
import { setClipStyles } from '../styles'
import { setClipTags } from '../tags'

// What a deleted clip was, row for row, so that undoing the delete puts the index back
// exactly as it was: the clip row, every row that hangs off it by `clip_pk` (texts, files,
// plays and whatever later migrations add), its user tags by name and its styles.
//
// Child tables are found from the schema (every foreign key onto `clips`), so a table a
// later migration adds is kept without this file knowing it. Tags are kept by name, not
// id, because the tag itself may be deleted while the clip sits in the trash; styles are
// derived from the clip's own style text.

export interface ClipSnapshot {
  clip: DbRow
  children: { table: string; rows: DbRow[] }[]
  tags: string[]
}

interface ChildTable {
  table: string
  /** Columns to write back (a table's own INTEGER PRIMARY KEY is left to SQLite). */
  columns: string[]
}

const NAME = shape({ name: text })
const FOREIGN_KEY = shape({ table: text, from: text })
const COLUMN_INFO = shape({ name: text, type: text, pk: int })

/** Kept by name (tags) or derived again (styles), not copied. */
const DERIVED = new Set(['clip_tags', 'clip_styles'])

function quoted(name: string): string {
  return `"${name.replace(/"/gu, '""')}"`
}

function childTables(db: Db): ChildTable[] {
  const tables = many(
    db,
    NAME,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
  )
  const out: ChildTable[] = []
  for (const { name } of tables) {
    if (DERIVED.has(name)) continue
    const keys = many(
      db,
      FOREIGN_KEY,
      `SELECT "table", "from" FROM pragma_foreign_key_list(?)`,
      name
    )
    if (!keys.some((key) => key.table === 'clips' && key.from === 'clip_pk')) continue
    const info = many(db, COLUMN_INFO, 'SELECT name, type, pk FROM pragma_table_info(?)', name)
    const pkColumns = info.filter((column) => column.pk > 0)
    const ownRowid =
      pkColumns.length === 1 &&
      pkColumns[0].name !== 'clip_pk' &&
      pkColumns[0].type.toUpperCase() === 'INTEGER'
        ? pkColumns[0].name
        : null
    out.push({ table: name, columns: info.map((c) => c.name).filter((c) => c !== ownRowid) })
  }
  return out
}

/** Reads what the clips are now, before they are deleted. */
export function snapshotClips(db: Db, pks: readonly number[]): ClipSnapshot[] {
  const children = childTables(db)
  const out: ClipSnapshot[] = []
  for (const pk of pks) {
    const clip = db.get('SELECT * FROM clips WHERE pk = ?', pk)
    if (clip === undefined) continue
    out.push({
      clip,
      children: children.map(({ table, columns }) => ({
        table,
        rows: db.all(
          `SELECT ${columns.map(quoted).join(', ')} FROM ${quoted(table)} WHERE clip_pk = ?`,
          pk
        )
      })),
      tags: many(
        db,
        NAME,
        `SELECT t.name FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id
         WHERE ct.clip_pk = ? ORDER BY t.name`,
        pk
      ).map((row) => row.name)
    })
  }
  return out
}

function insertRow(db: Db, table: string, row: DbRow): number | null {
  const columns = Object.keys(row)
  const inserted = one(
    db,
    PK,
    `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')})
     VALUES (${placeholders(columns.length)}) RETURNING rowid AS pk`,
    ...columns.map((column) => row[column] as Param)
  )
  return inserted?.pk ?? null
}

/** Whether the clip can come back as it was: its id and its file stem are still free
 * (a retried task may have brought the same clip back in the meantime). */
export function canRestore(db: Db, snapshot: ClipSnapshot): boolean {
  const { id, stem_key: stemKey } = snapshot.clip
  if (db.get('SELECT 1 AS one FROM clips WHERE id = ?', id as Param) !== undefined) return false
  if (stemKey === null || stemKey === undefined) return true
  return db.get('SELECT 1 AS one FROM clips WHERE stem_key = ?', stemKey as Param) === undefined
}

/** Writes a snapshot back (call inside a transaction, after canRestore). The clip keeps
 * its old pk unless another clip took it since; returns the pk it has now. */
export function restoreClip(db: Db, snapshot: ClipSnapshot): number {
  const oldPk = Number(snapshot.clip.pk)
  const pkFree = db.get('SELECT 1 AS one FROM clips WHERE pk = ?', oldPk) === undefined
  const clipRow: DbRow = { ...snapshot.clip }
  if (!pkFree) delete clipRow.pk
  const pk = insertRow(db, 'clips', clipRow)
  if (pk === null) throw new Error(`Clip ${String(snapshot.clip.id)} was not restored`)
  for (const child of snapshot.children) {
    for (const row of child.rows) insertRow(db, child.table, { ...row, clip_pk: pk })
  }
  setClipStyles(db, pk, typeof clipRow.style_tags === 'string' ? clipRow.style_tags : null, true)
  setClipTags(db, pk, snapshot.tags)
  return pk
}
