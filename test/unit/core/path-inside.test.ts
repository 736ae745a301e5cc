import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, posix, win32 } from 'node:path'
import { describe, expect, it } from 'vitest'
import { moveLibraryFiles } from '../../../src/main/core/app/library-session'
import { AppError } from '../../../src/main/core/app/errors'
import { isBelow, isInside } from '../../../src/main/core/path-inside'
import { tempDir } from '../../support/temp-dirs'

describe('path containment (one rule for the library, the media route and folder moves)', () => {
  it.each([
    ['/lib', '/lib', true],
    ['/lib', '/lib/2026-11/a.mp3', true],
    ['/lib', '/lib/..foo', true],
    ['/lib', '/lib/..', false],
    ['/lib', '/lib-evil/a.mp3', false],
    ['/lib', '/', false],
    ['/lib/sub', '/lib/a/../sub/x', true]
  ])('posix: %s contains %s → %s', (root, candidate, inside) => {
    expect(isInside(root, candidate, posix)).toBe(inside)
  })

  it.each([
    ['C:\\lib', 'C:\\lib\\..foo', true],
    ['C:\\lib', 'c:\\LIB\\x.mp3', true],
    ['C:\\lib', 'D:\\x', false],
    ['C:\\lib', 'D:\\lib', false],
    ['C:\\lib', 'C:\\lib-evil', false]
  ])('windows: %s contains %s → %s', (root, candidate, inside) => {
    expect(isInside(root, candidate, win32)).toBe(inside)
  })

  it('counts the root itself as inside but not below', () => {
    expect(isBelow('/lib', '/lib', posix)).toBe(false)
    expect(isBelow('/lib', '/lib/a', posix)).toBe(true)
    expect(isBelow('C:\\lib', 'D:\\lib\\a', win32)).toBe(false)
  })
})

describe('moving the library folder', () => {
  function library(): string {
    const lib = join(tempDir('songshelf-move-'), 'Songshelf')
    mkdirSync(join(lib, '2026-11'), { recursive: true })
    writeFileSync(join(lib, '2026-11', 'City Lights [a06015d0].mp3'), 'x')
    return lib
  }

  it('refuses a move into its own subfolder named "..foo" and leaves the files where they are', () => {
    const lib = library()
    let error: unknown
    try {
      moveLibraryFiles(lib, join(lib, '..foo'))
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('invalid_folder')
    expect(existsSync(join(lib, '2026-11', 'City Lights [a06015d0].mp3'))).toBe(true)
  })

  it('moves into a sibling folder whose name starts with the old one', () => {
    const lib = library()
    moveLibraryFiles(lib, `${lib}-new`)
    expect(existsSync(join(`${lib}-new`, '2026-11', 'City Lights [a06015d0].mp3'))).toBe(true)
  })
})
