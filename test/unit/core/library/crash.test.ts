import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { DatabaseSync } from 'node:sqlite'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { T0, clip, task, tempLibrary, type TempLibrary } from './helpers'

// Matrix F4: an app crash in the middle of a write must leave a database that is intact
// and holds all or none of that transaction. A child process (the same Node 24 that runs
// the tests, so node:sqlite is real) is SIGKILLed while a large transaction is open.

const WRITER = fileURLToPath(new URL('./fixtures/crash-writer.mjs', import.meta.url))
const COMMITTED = 300

interface ChildOutcome {
  signal: NodeJS.Signals | null
  output: string
}

async function runAndKill(dbPath: string, run: number): Promise<ChildOutcome> {
  const child = spawn(process.execPath, [WRITER, dbPath, String(COMMITTED), String(run)], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  let errors = ''
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    // Kill the moment the child says its big transaction is open: no timing involved.
    if (output.includes('in-transaction') && child.exitCode === null) child.kill('SIGKILL')
  })
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null]
  if (signal === null && code !== 0) throw new Error(`crash writer failed: ${errors}`)
  return { signal, output }
}

function count(dbPath: string, pattern: string): { tasks: number; clips: number; files: number } {
  const db = new DatabaseSync(dbPath, { readOnly: true })
  try {
    const n = (sql: string): number => Number((db.prepare(sql).get(pattern) as { n: number }).n)
    return {
      tasks: n('SELECT count(*) AS n FROM tasks WHERE id LIKE ?'),
      clips: n('SELECT count(*) AS n FROM clips WHERE id LIKE ?'),
      files: n(
        'SELECT count(*) AS n FROM files f JOIN clips c ON c.pk = f.clip_pk WHERE c.id LIKE ?'
      )
    }
  } finally {
    db.close()
  }
}

let lib: TempLibrary
beforeEach(async () => {
  lib = await tempLibrary()
  lib.store.recordTaskResult(task('before', [clip('c-before')]), T0, { downloadVideo: true })
  await lib.store.close()
})
afterEach(async () => {
  await lib.cleanup()
})

describe('a crash in the middle of a write', () => {
  it('leaves an intact index holding all or none of the interrupted transaction', async () => {
    const dbPath = `${lib.dataDir}/library.sqlite`
    for (let run = 0; run < 3; run++) {
      const outcome = await runAndKill(dbPath, run)
      expect(outcome.output).toContain(`committed ${COMMITTED}`)
      expect(outcome.output).toContain('in-transaction')

      // Reopening the index recovers from the WAL and passes SQLite's own check.
      const store = lib.open()
      const check = new DatabaseSync(dbPath)
      expect(check.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }])
      expect(check.prepare('PRAGMA foreign_key_check').all()).toEqual([])
      check.close()

      // The committed transaction is all there.
      expect(count(dbPath, `a-${run}-%`)).toEqual({
        tasks: COMMITTED,
        clips: COMMITTED,
        files: COMMITTED
      })
      // The interrupted one is all or nothing; killed before COMMIT it must be nothing.
      const interrupted = count(dbPath, `b-${run}-%`)
      if (outcome.signal === 'SIGKILL' && !outcome.output.includes('committed-b')) {
        expect(interrupted).toEqual({ tasks: 0, clips: 0, files: 0 })
      } else {
        expect(interrupted.tasks).toBe(interrupted.clips)
        expect(interrupted.clips).toBe(interrupted.files)
      }
      // Earlier data survives and the store keeps working.
      expect(store.getClip('c-before')?.title).toBe('City Lights')
      store.addTasks([`after-${run}`], T0)
      expect(store.getTask(`after-${run}`)?.state).toBe('pending')
      await store.close()
    }
  })
})
