import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sweepTempFiles } from '../../../../src/main/core/library/sweep'
import { tempDir } from '../../../support/temp-dirs'

describe('sweeping debris of interrupted writes', () => {
  it('removes only leftover temp copies, never songs, sidecars or foreign files', async () => {
    const lib = tempDir('songshelf-sweep-')
    mkdirSync(join(lib, '2026-11'))
    const keep = [
      'City Lights [a06015d0].mp3',
      'City Lights [a06015d0].json',
      'notes.tmp',
      'x.mp3.zz.tmp'
    ]
    const debris = [
      'City Lights [a06015d0].mp3.0a1b2c3d.tmp',
      'City Lights [a06015d0].json.deadbeef.tmp'
    ]
    for (const name of [...keep, ...debris]) writeFileSync(join(lib, '2026-11', name), 'x')
    expect(await sweepTempFiles(lib)).toBe(2)
    expect(readdirSync(join(lib, '2026-11')).sort()).toEqual([...keep].sort())
  })

  it('does nothing when the library folder is not there', async () => {
    expect(await sweepTempFiles(join(tmpdir(), 'no-such-songshelf-folder'))).toBe(0)
  })
})
