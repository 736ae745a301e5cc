import {
  displayTitle,
  storedNote,
  storedUserTitle,
  type ClipTextResult
} from '../../../shared/clip-title'
import type { Db } from './db'
import { int, one, shape, text, textOrNull } from './rows/read'
import { reindexClips, type SearchMode } from './search-index'
import { titleKey } from './text'

// The user's own title and note of a clip (issue 13). The gateway's `title` column is
// never written here, and ingest never writes `user_title` or `note` (ingest.ts), so a
// later answer, a download again or a rebuild cannot undo a rename. The title key that
// sorts the list and answers type-ahead follows the title the clip is shown with.

export interface ClipTextWrite {
  pk: number
  result: ClipTextResult
  /** The stored value before the write (null: none), for the undo. */
  before: string | null
}

const CLIP_TEXT_ROW = shape({ pk: int, title: text, user_title: textOrNull, note: textOrNull })
type ClipTextRow = ReturnType<typeof CLIP_TEXT_ROW>

function readClip(db: Db, id: string): ClipTextRow | undefined {
  return one(
    db,
    CLIP_TEXT_ROW,
    `SELECT c.pk, c.title, c.user_title, x.note
     FROM clips c LEFT JOIN clip_texts x ON x.clip_pk = c.pk WHERE c.id = ?`,
    id
  )
}

function answer(row: ClipTextRow, changed: number): ClipTextResult {
  return {
    changed,
    title: displayTitle(row.title, row.user_title),
    originalTitle: row.user_title === null ? null : row.title,
    note: row.note
  }
}

/** The two texts of a clip the user writes. */
export type ClipTextColumn = 'user_title' | 'note'

// Where each text lives: the user's title beside the gateway's in `clips` (with the title
// key that sorts by the shown title), the note in its own table.
const WRITE: Record<ClipTextColumn, (db: Db, row: ClipTextRow, value: string | null) => void> = {
  user_title: (db, row, value) =>
    db.run(
      'UPDATE clips SET user_title = ?, title_key = ? WHERE pk = ?',
      value,
      titleKey(displayTitle(row.title, value)),
      row.pk
    ),
  note: (db, row, value) =>
    db.run(
      `INSERT INTO clip_texts (clip_pk, note) VALUES (?, ?)
       ON CONFLICT (clip_pk) DO UPDATE SET note = excluded.note`,
      row.pk,
      value
    )
}

function writeRow(
  db: Db,
  mode: SearchMode,
  row: ClipTextRow,
  column: ClipTextColumn,
  value: string | null
): ClipTextWrite {
  const before = row[column]
  if (before === value) return { pk: row.pk, result: answer(row, 0), before }
  WRITE[column](db, row, value)
  reindexClips(db, mode, [row.pk])
  return { pk: row.pk, result: answer({ ...row, [column]: value }, 1), before }
}

/** Stores the user's title or the note exactly (`null`: the gateway's title, no note);
 * run inside a transaction. */
export function writeClipText(
  db: Db,
  mode: SearchMode,
  column: ClipTextColumn,
  id: string,
  value: string | null
): ClipTextWrite | null {
  const row = readClip(db, id)
  return row === undefined ? null : writeRow(db, mode, row, column, value)
}

/** Renames a clip as the user typed it ('' or the gateway's own title: not renamed). */
export function renameClip(
  db: Db,
  mode: SearchMode,
  id: string,
  typed: string
): ClipTextWrite | null {
  const row = readClip(db, id)
  if (row === undefined) return null
  return writeRow(db, mode, row, 'user_title', storedUserTitle(row.title, typed))
}

/** Sets a clip's note as the user typed it ('' clears it). */
export function setClipNote(
  db: Db,
  mode: SearchMode,
  id: string,
  typed: string
): ClipTextWrite | null {
  return writeClipText(db, mode, 'note', id, storedNote(typed))
}
