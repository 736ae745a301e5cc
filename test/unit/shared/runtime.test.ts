import { describe, expect, it } from 'vitest'
import { DatabaseSync } from 'node:sqlite'

describe('test runtime', () => {
  it('runs on the Node major that Electron embeds, with node:sqlite and FTS5', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24)
    const db = new DatabaseSync(':memory:')
    db.exec("CREATE VIRTUAL TABLE t USING fts5(x); INSERT INTO t VALUES ('city lights')")
    const row = db.prepare("SELECT x FROM t WHERE t MATCH 'light*'").get() as { x: string }
    expect(row.x).toBe('city lights')
    db.close()
  })
})
