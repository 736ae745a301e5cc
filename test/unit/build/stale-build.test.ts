import { mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILT_FILES, staleBuild } from '../../support/build'
import { tempDir } from '../../support/temp-dirs'

// ensureBuilt used to check only that out/ existed, so a test that spawns the CLI after a
// source change ran yesterday's bundle. It now rebuilds when a source is newer.

function tree(): { root: string; touch: (path: string, at: number) => void } {
  const root = tempDir('songshelf-stale-')
  const touch = (path: string, at: number): void => {
    const full = join(root, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, '')
    utimesSync(full, at, at)
  }
  return { root, touch }
}

describe('the built bundles', () => {
  it('are stale when one is missing', () => {
    const { root, touch } = tree()
    touch('src/main/index.ts', 1000)
    for (const file of BUILT_FILES.slice(1)) touch(file, 2000)
    expect(staleBuild(root)).toBe(`${BUILT_FILES[0]} is missing`)
  })

  it('are fresh when every bundle is newer than every source', () => {
    const { root, touch } = tree()
    touch('src/main/core/deep/file.ts', 1000)
    touch('package.json', 1000)
    for (const file of BUILT_FILES) touch(file, 2000)
    expect(staleBuild(root)).toBeNull()
  })

  it('are stale when any source file, however deep, changed after the oldest bundle', () => {
    const { root, touch } = tree()
    touch('src/main/index.ts', 1000)
    for (const file of BUILT_FILES) touch(file, 2000)
    touch(BUILT_FILES[1], 1500)
    touch('src/main/core/library/deep/changed.ts', 1800)
    expect(staleBuild(root)).toBe('a source file is newer than the build')
  })
})
