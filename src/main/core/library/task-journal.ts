import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from './types'

// A small durable record of the task ids the user added, beside the index: a pending task
// exists only in the index (its songs have no sidecar yet), so when a damaged index is set
// aside and rebuilt from the library folder, this file brings those tasks back (issue 12
// §2). Append-only lines, `+<id>` when added and `-<id>` when removed; a torn last line
// (a crash mid-append) is ignored.

export const TASK_JOURNAL_FILE = 'task-ids.log'

const LINE = /^([+-])(\S{1,200})$/

export class TaskJournal {
  readonly path: string

  constructor(
    dataDir: string,
    private readonly logger: Logger
  ) {
    this.path = join(dataDir, TASK_JOURNAL_FILE)
  }

  exists(): boolean {
    return existsSync(this.path)
  }

  added(ids: readonly string[]): void {
    this.append(ids.map((id) => `+${id}`))
  }

  removed(ids: readonly string[]): void {
    this.append(ids.map((id) => `-${id}`))
  }

  /** The ids added and not removed since, in the order they were first added. */
  ids(): string[] {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch {
      return []
    }
    const live = new Map<string, true>()
    for (const line of text.split('\n')) {
      const match = LINE.exec(line.trim())
      if (match === null) continue
      const [, op, id] = match as unknown as [string, '+' | '-', string]
      if (op === '+') live.set(id, true)
      else live.delete(id)
    }
    return [...live.keys()]
  }

  private append(lines: string[]): void {
    const valid = lines.filter((line) => LINE.test(line))
    if (valid.length === 0) return
    try {
      appendFileSync(this.path, `${valid.join('\n')}\n`, 'utf8')
    } catch (error) {
      // The index still has the tasks; only the safety copy is missing.
      this.logger.warn('Could not record task ids beside the index', error)
    }
  }
}
