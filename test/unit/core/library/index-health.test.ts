import { statSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../src/main/core/library/db'
import { looksTruncated } from '../../../../src/main/core/library/index-health'
import { tempDir } from '../../../support/temp-dirs'

// Indexes above QUICK_CHECK_MAX_BYTES skip the full quick_check on open (it reads every
// page); what still catches a cut-off copy there is the header's own page count.

function closedIndex(): string {
  const path = join(tempDir('songshelf-health-'), 'library.sqlite')
  const db = openDatabase(path)
  db.raw.exec('CREATE TABLE t (x TEXT)')
  for (let i = 0; i < 200; i++) db.run('INSERT INTO t (x) VALUES (?)', 'x'.repeat(1000))
  db.close()
  return path
}

describe('a large index checked without quick_check', () => {
  it('is whole when its size matches the page count in its header', () => {
    expect(looksTruncated(closedIndex())).toBe(false)
  })

  it('is seen as truncated when it holds fewer pages than its header says', () => {
    const path = closedIndex()
    truncateSync(path, Math.floor(statSync(path).size / 2))
    expect(looksTruncated(path)).toBe(true)
  })
})
