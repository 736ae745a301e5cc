import type { SQLOutputValue } from 'node:sqlite'
import { LibraryError } from '../types'

// Reading a row from node:sqlite without trusting a cast. A statement answers
// `Record<string, SQLOutputValue>` (null | number | bigint | string | Uint8Array); these
// readers check each column's type and convert it, so a renamed column or a changed type
// fails loudly at the first read (code `internal`, naming the column) instead of flowing on as undefined.
// One typed reader per table (rows/tasks.ts, …) is built from them.

export type DbRow = Record<string, SQLOutputValue>

function bad(column: string, want: string, value: SQLOutputValue | undefined): LibraryError {
  const got = value === undefined ? 'no such column' : value === null ? 'null' : typeof value
  return new LibraryError('internal', `The index column "${column}" should be ${want}, not ${got}.`)
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
  if (!(values as readonly string[]).includes(value)) throw bad(column, values.join(' | '), value)
  return value as T
}
