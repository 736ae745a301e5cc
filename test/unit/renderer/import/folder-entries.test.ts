import { describe, expect, it } from 'vitest'
import {
  filesFromEntries,
  type DroppedEntry
} from '../../../../src/renderer/src/features/import/folder-entries'

// The preview's folder walk (issue 15), over entries shaped like Chromium's: a directory
// reader answers in batches (Chromium's are 100) and then an empty one.

type Tree = { [name: string]: Tree | string }

function entryOf(name: string, node: Tree | string, batch = 2): DroppedEntry {
  if (typeof node === 'string') {
    return {
      name,
      isFile: true,
      isDirectory: false,
      file: (ok: (file: File) => void) => ok(new File([node], name))
    } as DroppedEntry
  }
  const children = Object.entries(node).map(([n, child]) => entryOf(n, child, batch))
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0
      return {
        readEntries: (ok: (entries: DroppedEntry[]) => void) => {
          ok(children.slice(at, at + batch))
          at += batch
        }
      }
    }
  } as DroppedEntry
}

describe('walking dropped folders', () => {
  it('takes every file below, in name order, past the reader batches, without dot names', async () => {
    const album = entryOf('Album', {
      'b.mp3': 'b',
      'a.mp3': 'a',
      '.hidden.mp3': 'h',
      'disc 2': { 'd.mp3': 'd', 'c.mp3': 'c', '.git': { 'x.mp3': 'x' } },
      'e.txt': 'e'
    })
    const loose = entryOf('single.mp3', 's')
    const walk = await filesFromEntries([loose, album])
    expect(walk.files.map((f) => f.name)).toEqual([
      'single.mp3',
      'a.mp3',
      'b.mp3',
      'c.mp3',
      'd.mp3',
      'e.txt'
    ])
    expect(walk.truncated).toBe(false)
  })

  it('stops at the file and depth limits and says so', async () => {
    const many: Tree = {}
    for (let i = 0; i < 30; i++) many[`song ${String(i).padStart(2, '0')}.mp3`] = 'x'
    const wide = await filesFromEntries([entryOf('Many', many, 7)], { files: 12, depth: 8 })
    expect(wide.files).toHaveLength(12)
    expect(wide.truncated).toBe(true)

    let deep: Tree = { 'bottom.mp3': 'x' }
    for (let i = 0; i < 12; i++) deep = { [`level ${i}`]: deep, [`top ${i}.mp3`]: 'y' }
    const walk = await filesFromEntries([entryOf('Deep', deep)], { files: 200, depth: 4 })
    expect(walk.truncated).toBe(true)
    expect(walk.files.map((f) => f.name)).not.toContain('bottom.mp3')
    expect(walk.files).toHaveLength(4)
  })
})
