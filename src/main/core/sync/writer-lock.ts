import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync
} from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'

// One writer per data folder (issue 12 §1, docs/RELIABILITY.md "Two writers"). Whoever
// polls and downloads — `songshelf sync`, the app, the preview — first takes this lock;
// everyone else reads and edits the index (SQLite handles that) but never streams into the
// library. The lock is a file created atomically with link(2): its content is written to a
// private temp file first, so a reader never sees a half-written lock. A lock whose process
// is gone (kill -9, a crash, a reboot) is stale and is taken over.

export const WRITER_LOCK_FILE = 'sync.lock'

const holderSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  startedAt: z.number(),
  /** What holds it, in plain words: "songshelf sync", "the app", "the preview". */
  who: z.string(),
  /** Tells two holders with a reused pid apart. */
  token: z.string()
})

export type LockHolder = z.infer<typeof holderSchema>

export type LockAttempt = { ok: true; lock: WriterLock } | { ok: false; holder: LockHolder }

export interface WriterLock {
  readonly holder: LockHolder
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void
}

/** Whether a process with this pid exists on this machine (EPERM: it does, as another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Locks held by this very process (one core per data folder at a time, even in tests). */
const heldHere = new Map<string, LockHolder>()

function readHolder(path: string): LockHolder | null | 'missing' {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw error
  }
  try {
    const parsed = holderSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function isStale(path: string, holder: LockHolder | null): boolean {
  // Unreadable content cannot come from us (the file appears whole or not at all).
  if (holder === null) return true
  if (holder.hostname !== hostname()) return false
  if (holder.pid === process.pid) return heldHere.get(path)?.token !== holder.token
  return !pidAlive(holder.pid)
}

function writePrivate(path: string, text: string): void {
  const fd = openSync(path, 'wx')
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Takes the writer lock of `dataDir`, or says who holds it. */
export function acquireWriterLock(dataDir: string, who: string, now = Date.now()): LockAttempt {
  const path = join(dataDir, WRITER_LOCK_FILE)
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: now,
    who,
    token: randomBytes(8).toString('hex')
  }
  const temp = `${path}.${holder.token}.tmp`
  writePrivate(temp, JSON.stringify(holder))
  try {
    // Two rounds: the second after moving a stale lock aside.
    for (let round = 0; round < 3; round++) {
      try {
        linkSync(temp, path)
        heldHere.set(path, holder)
        return { ok: true, lock: lockFor(path, holder) }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const current = readHolder(path)
      if (current === 'missing') continue
      if (!isStale(path, current)) return { ok: false, holder: current as LockHolder }
      takeAwayStale(path, current)
    }
    const current = readHolder(path)
    if (current !== 'missing' && current !== null) return { ok: false, holder: current }
    throw new Error('Could not take the sync lock of the data folder.')
  } finally {
    rmSync(temp, { force: true })
  }
}

/** Moves a stale lock aside and deletes it; if another process replaced it in between
 * (it judged it stale first and took over), that fresh lock is put back. */
function takeAwayStale(path: string, judged: LockHolder | null): void {
  const aside = `${path}.${randomBytes(8).toString('hex')}.stale`
  try {
    renameSync(path, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  const moved = readHolder(aside)
  const same = moved === judged || (moved !== 'missing' && moved?.token === judged?.token)
  if (!same) {
    try {
      linkSync(aside, path)
    } catch {
      // Someone took the lock meanwhile; theirs stands.
    }
  }
  rmSync(aside, { force: true })
}

function lockFor(path: string, holder: LockHolder): WriterLock {
  let released = false
  return {
    holder,
    release(): void {
      if (released) return
      released = true
      if (heldHere.get(path)?.token === holder.token) heldHere.delete(path)
      const current = readHolder(path)
      if (current !== 'missing' && current?.token === holder.token) rmSync(path, { force: true })
    }
  }
}

/** "Songshelf is already syncing this library (pid 4242, started 2026-12-01 12:21 UTC, by
 * songshelf sync)." — the plain message every process shows when it is not the writer. */
/** What each kind of process calls itself in the lock file (`who`). */
export const HOLDER_NAMES = {
  cli: 'songshelf sync',
  'web-preview': 'the preview',
  electron: 'the app'
} as const

/** The same facts as data, for the app to say them in the user's language: `who` is the
 * holder's kind (`cli`, `web-preview`, `electron`) when known, else its own words. */
export function alreadySyncingParams(holder: LockHolder): Record<string, string | number> {
  const started = new Date(holder.startedAt).toISOString().slice(0, 16).replace('T', ' ')
  const kind = Object.entries(HOLDER_NAMES).find(([, name]) => name === holder.who)?.[0]
  return { pid: holder.pid, host: holder.hostname, started, who: kind ?? holder.who }
}

export function alreadySyncingMessage(holder: LockHolder): string {
  const { started } = alreadySyncingParams(holder)
  const where = holder.hostname === hostname() ? '' : ` on ${holder.hostname}`
  return `Songshelf is already syncing this library (pid ${holder.pid}${where}, started ${started} UTC, by ${holder.who}).`
}
