import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  acquireWriterLock,
  alreadySyncingMessage,
  alreadySyncingParams,
  WRITER_LOCK_FILE,
  type LockHolder
} from '../../../../src/main/core/sync/writer-lock'

// One writer per data folder (issue 12 §1): the lock a second sync, the app or the preview
// detects and names, and that a crash or kill -9 does not leave stuck.

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'songshelf-lock-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(child.stdout.toString())
}

function writeLock(holder: Partial<LockHolder>): void {
  const full: LockHolder = {
    pid: 1,
    hostname: hostname(),
    startedAt: Date.UTC(2026, 11, 1, 12, 21),
    who: 'songshelf sync',
    token: 'aaaaaaaaaaaaaaaa',
    ...holder
  }
  writeFileSync(join(dir, WRITER_LOCK_FILE), JSON.stringify(full))
}

describe('the writer lock of a data folder', () => {
  it('lets one holder in and names it to the next, until it is released', () => {
    const first = acquireWriterLock(dir, 'the app')
    expect(first.ok).toBe(true)
    const second = acquireWriterLock(dir, 'songshelf sync')
    expect(second).toMatchObject({ ok: false, holder: { pid: process.pid, who: 'the app' } })
    if (first.ok) first.lock.release()
    expect(existsSync(join(dir, WRITER_LOCK_FILE))).toBe(false)
    const third = acquireWriterLock(dir, 'songshelf sync')
    expect(third.ok).toBe(true)
    if (third.ok) third.lock.release()
  })

  it('takes over a lock whose process is gone (kill -9, a crash, a reboot)', () => {
    writeLock({ pid: deadPid() })
    const attempt = acquireWriterLock(dir, 'songshelf sync')
    expect(attempt.ok).toBe(true)
    if (attempt.ok) attempt.lock.release()
  })

  it('takes over a lock file with garbage in it', () => {
    writeFileSync(join(dir, WRITER_LOCK_FILE), '\0\0not json')
    const attempt = acquireWriterLock(dir, 'songshelf sync')
    expect(attempt.ok).toBe(true)
    if (attempt.ok) attempt.lock.release()
  })

  it('keeps a live holder, and one on another machine it cannot check', () => {
    const parent = process.ppid
    writeLock({ pid: parent })
    expect(acquireWriterLock(dir, 'the app')).toMatchObject({ ok: false, holder: { pid: parent } })
    writeLock({ pid: deadPid(), hostname: 'nas.local' })
    expect(acquireWriterLock(dir, 'the app').ok).toBe(false)
  })

  it('does not remove a lock that another process took after ours was released', () => {
    const first = acquireWriterLock(dir, 'the app')
    if (!first.ok) throw new Error('expected the lock')
    writeLock({ pid: process.ppid, token: 'bbbbbbbbbbbbbbbb' })
    first.lock.release()
    expect(JSON.parse(readFileSync(join(dir, WRITER_LOCK_FILE), 'utf8'))).toMatchObject({
      token: 'bbbbbbbbbbbbbbbb'
    })
  })

  it('says who is syncing in plain words', () => {
    const holder: LockHolder = {
      pid: 4242,
      hostname: hostname(),
      startedAt: Date.UTC(2026, 11, 1, 12, 21),
      who: 'songshelf sync',
      token: 'x'
    }
    expect(alreadySyncingMessage(holder)).toBe(
      'Songshelf is already syncing this library (pid 4242, started 2026-12-01 12:21 UTC, by songshelf sync).'
    )
    expect(alreadySyncingMessage({ ...holder, hostname: 'nas.local' })).toContain(
      '(pid 4242 on nas.local,'
    )
    // The same facts as data, so the app can say them in Chinese too (issue 13, defect 11).
    expect(alreadySyncingParams(holder)).toEqual({
      pid: 4242,
      host: hostname(),
      started: '2026-12-01 12:21',
      who: 'cli'
    })
  })
})
