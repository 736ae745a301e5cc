import type { SQLInputValue, SQLOutputValue } from 'node:sqlite'
import type { Db } from '../db'
import { LibraryError } from '../types'

// Reading a row from node:sqlite without trusting a cast. A statement answers
// `Record<string, SQLOutputValue>` (null | number | bigint | string | Uint8Array); these
// readers check each column's type and convert it, so a renamed column or a changed type
// fails loudly at the first read (code `index_damaged`, naming the column) instead of flowing
// on as undefined. One typed reader per table (rows/tasks.ts, …) is built from them; `db.get`
// and `db.all` answer untyped rows only, so every read goes through `one`/`many` below.

export type DbRow = Record<string, SQLOutputValue>

function bad(column: string, want: string, value: SQLOutputValue | undefined): LibraryError {
  const got = value === undefined ? 'no such column' : value === null ? 'null' : typeof value
  return new LibraryError(
    'index_damaged',
    `The index column "${column}" should be ${want}, not ${got}.`
  )
}

export function text(row: DbRow, column: string): string {
  const value = row[column]
  if (typeof value !== 'string') throw bad(column, 'text', value)
  return value
}

export function textOrNull(row: DbRow, column: string): string | null {
  const value = row[column]
  if (value === null) return null
  if (typeof value !== 'string') throw bad(column, 'text or null', value)
  return value
}

export function int(row: DbRow, column: string): number {
  const value = row[column]
  if (typeof value === 'bigint') return Number(value)
  if (typeof value !== 'number') throw bad(column, 'a number', value)
  return value
}

export function intOrNull(row: DbRow, column: string): number | null {
  const value = row[column]
  if (value === null) return null
  return int(row, column)
}

/** A REAL (or INTEGER) column: durations, offsets. */
export function num(row: DbRow, column: string): number {
  return int(row, column)
}

export function numOrNull(row: DbRow, column: string): number | null {
  return intOrNull(row, column)
}

export function flag(row: DbRow, column: string): boolean {
  return int(row, column) !== 0
}

export function oneOf<T extends string>(row: DbRow, column: string, values: readonly T[]): T {
  const value = text(row, column)
  if (!(values as readonly string[]).includes(value)) {
    throw new LibraryError(
      'index_damaged',
      `The index column "${column}" should be ${values.join(' | ')}, not "${value}".`
    )
  }
  return value as T
}

/** A column reader for a text column holding one of `values`. */
export function enumOf<T extends string>(values: readonly T[]): (row: DbRow, column: string) => T {
  return (row, column) => oneOf(row, column, values)
}

/** Any stored value, unchecked: for a value that is only handed back to SQL as a parameter. */
export function value(row: DbRow, column: string): SQLInputValue {
  const found = row[column]
  if (found === undefined) throw bad(column, 'present', found)
  return found
}

/** Reads one column into its type; `text`, `int`, … above are column readers. */
export type ColumnReader<T> = (row: DbRow, column: string) => T

/** Turns a row into a typed value, checking every column it reads. */
export type RowReader<T> = (row: DbRow) => T

type Shaped<S> = { [K in keyof S]: S[K] extends ColumnReader<infer T> ? T : never }

/** A reader for a small result shape, compiled from its columns once:
 * `shape({ pk: int, id: text })` reads `{ pk: number; id: string }`. Hot paths (the list's
 * rows) have hand-written readers; this is for the short shapes beside them. */
export function shape<S extends Record<string, ColumnReader<unknown>>>(
  spec: S
): RowReader<Shaped<S>> {
  const columns = Object.entries(spec)
  return (row) => {
    const out: Record<string, unknown> = {}
    for (const [column, read] of columns) out[column] = read(row, column)
    // Every key of S was just read by its own column reader.
    return out as Shaped<S>
  }
}

/** The first row of a query, read by `read`, or undefined when there is none. */
export function one<T>(
  db: Db,
  read: RowReader<T>,
  sql: string,
  ...params: SQLInputValue[]
): T | undefined {
  const row = db.get(sql, ...params)
  return row === undefined ? undefined : read(row)
}

/** Every row of a query, each read by `read`. */
export function many<T>(db: Db, read: RowReader<T>, sql: string, ...params: SQLInputValue[]): T[] {
  return db.all(sql, ...params).map((row) => read(row))
}

/** The shapes most queries answer with. */
export const PK = shape({ pk: int })
export const ID = shape({ id: text })
export const INT_ID = shape({ id: int })
export const COUNT = shape({ n: int })

/** `SELECT count(*) AS n …` (or any query naming one integer column `n`); 0 without a row. */
export function count(db: Db, sql: string, ...params: SQLInputValue[]): number {
  return one(db, COUNT, sql, ...params)?.n ?? 0
}

/** The clip's internal key from its id, or undefined when the index has no such clip. */
export function clipPk(db: Db, clipId: string): number | undefined {
  return one(db, PK, 'SELECT pk FROM clips WHERE id = ?', clipId)?.pk
}
