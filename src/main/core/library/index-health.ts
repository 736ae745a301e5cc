import { closeSync, openSync, readSync, renameSync, statSync } from 'node:fs'
import { openDatabase, type Db } from './db'

// A damaged index never strands the library (issue 12 §2). On open: a 0-byte file, a
// file that does not start like SQLite, one SQLite refuses ("file is not a database",
// "database disk image is malformed") or one that fails `PRAGMA quick_check` is moved
// aside under a timestamped name — never deleted — and a fresh index is opened in its
// place, to be rebuilt from the library folder (store.ts).

export type IndexDamage = 'empty' | 'not_a_database' | 'malformed'

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')
// SQLITE_CORRUPT and SQLITE_NOTADB, also as extended codes (low byte).
const DAMAGE_CODES = new Set([11, 26])

/** What the first bytes of the index file say, before SQLite sees it. */
export function inspectIndexFile(path: string): IndexDamage | 'absent' | 'looks_ok' {
  let size: number
  try {
    size = statSync(path).size
  } catch {
    return 'absent'
  }
  if (size === 0) return 'empty'
  const head = Buffer.alloc(SQLITE_HEADER.length)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, head, 0, head.length, 0)
  } finally {
    closeSync(fd)
  }
  return head.equals(SQLITE_HEADER) ? 'looks_ok' : 'not_a_database'
}

/** An error from node:sqlite that means the file itself is damaged. */
export function damageOf(error: unknown): IndexDamage | null {
  const e = error as { errcode?: unknown; message?: unknown } | null
  const message = typeof e?.message === 'string' ? e.message : ''
  if (/file is not a database/i.test(message)) return 'not_a_database'
  if (/malformed|corrupt/i.test(message)) return 'malformed'
  if (typeof e?.errcode === 'number' && DAMAGE_CODES.has(e.errcode & 0xff)) {
    return (e.errcode & 0xff) === 26 ? 'not_a_database' : 'malformed'
  }
  return null
}

/** Whether the header says the file holds more pages than it does (a truncated copy).
 * Only trusted with no WAL content beside it, since a checkpoint may be replayed from it. */
export function looksTruncated(path: string): boolean {
  try {
    if (statSync(`${path}-wal`).size > 0) return false
  } catch {
    // No WAL: the main file is the whole database.
  }
  const head = Buffer.alloc(100)
  const fd = openSync(path, 'r')
  try {
    if (readSync(fd, head, 0, head.length, 0) < head.length) return true
  } finally {
    closeSync(fd)
  }
  const rawPageSize = head.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
  const pages = head.readUInt32BE(28)
  // The page count is valid only while the change counter matches "version valid for".
  if (pages === 0 || head.readUInt32BE(24) !== head.readUInt32BE(92)) return false
  return statSync(path).size < pages * pageSize
}

/** Above this size `PRAGMA quick_check` reads too much to run on every open (measured
 * 17 s at 100,000 clips on a loaded machine, issue 14): larger indexes get the header,
 * size and schema checks here, and damage found later by a query is reported with the
 * same recovery through `rebuild`, which asks for the full check (`fullCheck`) whatever
 * the size, so damage in a large index cannot strand it. */
export const QUICK_CHECK_MAX_BYTES = 32 * 1024 * 1024

/** `PRAGMA quick_check`: the page structure without the (slower) index cross-checks. */
export function passesQuickCheck(db: Db): boolean {
  const row = db.get('PRAGMA quick_check(1)')
  return row !== undefined && Object.values(row)[0] === 'ok'
}

/** The schema table reads back (it is what every statement is prepared against). */
function schemaReadable(db: Db): boolean {
  return db.get('SELECT count(*) AS n FROM sqlite_master') !== undefined
}

/** The checks every open makes: the whole `quick_check` on an index up to
 * QUICK_CHECK_MAX_BYTES (or when asked), the header, size and schema above it. */
export function indexLooksHealthy(db: Db, dbPath: string, fullCheck = false): boolean {
  const full = fullCheck || statSync(dbPath).size <= QUICK_CHECK_MAX_BYTES
  return full ? passesQuickCheck(db) : !looksTruncated(dbPath) && schemaReadable(db)
}

/** Moves the index and its WAL/shared-memory files aside; returns the new index path. */
export function setAside(dbPath: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-')
  const target = `${dbPath}.damaged-${stamp}`
  renameSync(dbPath, target)
  for (const suffix of ['-wal', '-shm']) {
    try {
      renameSync(`${dbPath}${suffix}`, `${target}${suffix}`)
    } catch {
      // Not there: nothing to keep.
    }
  }
  return target
}

export interface CheckedIndex<T> {
  db: Db
  prepared: T
  /** Set when the index was damaged: why, and where the damaged file now is. */
  damage: { reason: IndexDamage; movedTo: string } | null
}

/** Opens the index, checks it, and runs `prepare` (migrations, search index) on it; a
 * damaged index is set aside once and a fresh one opened instead. */
export function openCheckedIndex<T>(
  dbPath: string,
  now: number,
  prepare: (db: Db) => T,
  opts: { fullCheck?: boolean } = {}
): CheckedIndex<T> {
  let damage: CheckedIndex<T>['damage'] = null
  const found = inspectIndexFile(dbPath)
  if (found !== 'absent' && found !== 'looks_ok') {
    damage = { reason: found, movedTo: setAside(dbPath, now) }
  }
  const attempt = (): { db: Db; prepared: T } => {
    const db = openDatabase(dbPath)
    try {
      if (!indexLooksHealthy(db, dbPath, opts.fullCheck === true))
        throw Object.assign(new Error('malformed'), { errcode: 11 })
      return { db, prepared: prepare(db) }
    } catch (error) {
      db.close()
      throw error
    }
  }
  try {
    return { ...attempt(), damage }
  } catch (error) {
    const reason = damageOf(error)
    if (reason === null || damage !== null) throw error
    damage = { reason, movedTo: setAside(dbPath, now) }
    return { ...attempt(), damage }
  }
}

const REASONS: Readonly<Record<IndexDamage, string>> = {
  empty: 'it was an empty file',
  not_a_database: 'it was not a database any more',
  malformed: 'its contents were damaged'
}

/** What happened, in plain words, for the CLI and the logs. */
export function recoveryMessage(recovery: {
  reason: IndexDamage
  movedTo: string
  rebuilt: boolean
  clips: number
  tasksRestored: number
  problem: string | null
}): string {
  const head = `The library index was damaged (${REASONS[recovery.reason]}), so it was moved to ${recovery.movedTo}`
  const tasks = `${recovery.tasksRestored} pending task(s) restored`
  if (!recovery.rebuilt) {
    return `${head} and a new one was started; ${tasks}. ${recovery.problem ?? ''} Run \`songshelf rebuild\` once the library folder is available.`.trim()
  }
  return `${head} and rebuilt from the library folder: ${recovery.clips} clip(s), ${tasks}.`
}
