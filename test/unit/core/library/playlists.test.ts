import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../../../src/main/core/library/migrations'
import { sanitizeTitle } from '../../../../src/main/core/library/naming'
import { parseM3u } from '../../../../src/main/core/library/playlists/m3u'
import type { LibraryStore } from '../../../../src/main/core/library/types'
import { clip, populate, task, tempLibrary, type TempLibrary } from './helpers'
import { indexFacts } from './index-facts'

// Playlists live in the index (migration 4) and are mirrored into <library>/Playlists as
// M3U8 with relative paths, so other players open them and `rebuild` restores them.

let lib: TempLibrary
let store: LibraryStore
beforeEach(async () => {
  lib = await tempLibrary()
  store = lib.store
  await populate(store, [
    task('t1', [clip('c1', { title: 'City Lights' }), clip('c2', { title: 'Neon Rain' })]),
    task('t2', [
      clip('c3', { title: 'Paper\nMoon', styleTags: 'folk' }),
      clip('c4', { title: '夜の海', durationSec: 40 })
    ])
  ])
})
afterEach(async () => {
  await lib.cleanup()
})

async function playlistFiles(): Promise<string[]> {
  return (await readdir(join(lib.libraryDir, 'Playlists')).catch(() => [])).sort()
}

async function fileOf(id: string): Promise<string> {
  const name = (await playlistFiles()).find((n) => n.includes(`[${id.slice(0, 8)}]`))
  return readFile(join(lib.libraryDir, 'Playlists', name as string), 'utf8')
}

const order = (id: string): string[] => store.playlists.query(id).rows.map((r) => r.id)

describe('playlists', () => {
  it('are created, filled, reordered and trimmed, in the order the user chose', async () => {
    expect(indexFacts(store.dbPath).schemaVersion).toBe(SCHEMA_VERSION)
    const p = await store.playlists.create({ name: 'Road trip', clipIds: ['c3', 'c1'] })
    expect(p).toMatchObject({ name: 'Road trip', kind: 'manual', count: 2 })
    // Unknown clips are not added; a clip may be in a playlist twice.
    expect(await store.playlists.add(p.id, ['c2', 'nope', 'c3'])).toEqual({ added: 2 })
    expect(order(p.id)).toEqual(['c3', 'c1', 'c2', 'c3'])
    await store.playlists.add(p.id, ['c4'], 1)
    expect(order(p.id)).toEqual(['c3', 'c4', 'c1', 'c2', 'c3'])

    const items = store.playlists.query(p.id).itemIds
    await store.playlists.move(p.id, [items[3] as number, items[0] as number], 0)
    expect(order(p.id)).toEqual(['c3', 'c2', 'c4', 'c1', 'c3'])
    await store.playlists.move(p.id, [items[1] as number], 99)
    expect(order(p.id)).toEqual(['c3', 'c2', 'c1', 'c3', 'c4'])

    const page = store.playlists.query(p.id, 1, 2)
    expect(page).toMatchObject({ total: 5, offset: 1 })
    expect(page.rows.map((r) => r.id)).toEqual(['c2', 'c1'])
    await store.playlists.remove(p.id, [page.itemIds[0] as number])
    expect(order(p.id)).toEqual(['c3', 'c1', 'c3', 'c4'])
    expect(store.playlists.list().map((x) => [x.name, x.count])).toEqual([['Road trip', 4]])
  })

  it('are mirrored as M3U8 with paths relative to the file, which resolve to the songs', async () => {
    const p = await store.playlists.create({ name: 'Mix: A/B', clipIds: ['c3', 'c4'] })
    const files = await playlistFiles()
    // Named by the library's naming rule (no path separators), with the id.
    expect(files).toEqual([`${sanitizeTitle('Mix: A/B', 100)} [${p.id.slice(0, 8)}].m3u8`])
    expect(files[0]).not.toMatch(/[/:]/u)
    const text = await fileOf(p.id)
    const lines = text.trim().split('\n')
    expect(lines[0]).toBe('#EXTM3U')
    // A line break in a title never starts a new entry.
    expect(lines).toContain('#EXTINF:180,Paper Moon')
    expect(lines).toContain('#EXTINF:40,夜の海')
    const { entries, header } = parseM3u(text)
    expect(header).toMatchObject({ id: p.id, name: 'Mix: A/B', kind: 'manual' })
    expect(entries).toHaveLength(2)
    for (const [i, entry] of entries.entries()) {
      expect(entry.startsWith('../')).toBe(true)
      const target = join(lib.libraryDir, 'Playlists', entry)
      expect(target).toBe(store.getFilePath(['c3', 'c4'][i] as string, 'audio'))
    }
    // No temp files are left behind by the atomic write.
    expect((await readdir(join(lib.libraryDir, 'Playlists'))).length).toBe(1)
  })

  it('rename moves the file, delete removes it, and restore (undo) brings both back', async () => {
    const p = await store.playlists.create({ name: 'Old', clipIds: ['c1'] })
    await store.playlists.rename(p.id, 'New name')
    expect(await playlistFiles()).toEqual([`New name [${p.id.slice(0, 8)}].m3u8`])

    await store.playlists.delete(p.id)
    expect(store.playlists.list()).toEqual([])
    expect(await playlistFiles()).toEqual([])
    await expect(store.playlists.add(p.id, ['c2'])).rejects.toMatchObject({
      code: 'playlist_not_found'
    })

    const back = await store.playlists.restore(p.id)
    expect(back).toMatchObject({ name: 'New name', count: 1 })
    expect(order(p.id)).toEqual(['c1'])
    expect(await playlistFiles()).toEqual([`New name [${p.id.slice(0, 8)}].m3u8`])
  })

  it('drop songs that are deleted from the library, in the index and in the file', async () => {
    const p = await store.playlists.create({ name: 'Mix', clipIds: ['c1', 'c2'] })
    await store.deleteClips(['c1'])
    expect(order(p.id)).toEqual(['c2'])
    expect(parseM3u(await fileOf(p.id)).entries).toHaveLength(1)
  })

  it('come back from their files when the index is rebuilt from the folder', async () => {
    const manual = await store.playlists.create({ name: 'Keep', clipIds: ['c4', 'c1', 'c4'] })
    const smart = await store.playlists.create({
      name: 'Folk',
      rule: { filter: { styleTag: 'folk' } }
    })
    await store.close()
    for (const suffix of ['', '-wal', '-shm']) {
      await rm(join(lib.dataDir, `library.sqlite${suffix}`), { force: true })
    }
    store = lib.open()
    expect(store.playlists.list()).toEqual([])
    const result = await store.rebuild()
    expect(result).toMatchObject({ ok: true, playlists: 2 })
    expect(store.playlists.list().map((x) => [x.id, x.name, x.kind, x.count])).toEqual([
      [smart.id, 'Folk', 'smart', 1],
      [manual.id, 'Keep', 'manual', 3]
    ])
    expect(order(manual.id)).toEqual(['c4', 'c1', 'c4'])
    expect(order(smart.id)).toEqual(['c3'])
    // Rebuilding again with the index intact changes nothing.
    expect(await store.rebuild()).not.toHaveProperty('playlists')
  })

  it('import an M3U from another player: entries in the library become items, the rest are reported', async () => {
    const c1 = store.getFilePath('c1', 'audio') as string
    const c2 = store.getFilePath('c2', 'audio') as string
    const elsewhere = join(lib.root, 'Other player')
    const text = [
      '#EXTM3U',
      '#EXTINF:12,From Windows',
      c2,
      `file://${c1.split('/').map(encodeURIComponent).join('/')}`,
      '../Music/Songshelf/' + (store.getFilePath('c4', 'audio') as string).split('Songshelf/')[1],
      'C:\\Users\\jo\\Music\\not-here.mp3',
      'https://example.invalid/stream.mp3',
      `${join(lib.root, 'Downloads')}/suno-c3.mp3`
    ].join('\r\n')
    await writeFile(join(lib.root, 'list.m3u'), text)
    const report = await store.playlists.importM3u({ name: 'Imported', text, baseDir: elsewhere })
    expect(report.added).toBe(3)
    expect(report.missing).toEqual([
      'C:\\Users\\jo\\Music\\not-here.mp3',
      'https://example.invalid/stream.mp3',
      `${join(lib.root, 'Downloads')}/suno-c3.mp3`
    ])
    expect(order(report.playlist.id)).toEqual(['c2', 'c1', 'c4'])
  })

  it('refuse item edits on a smart playlist and rule edits on a manual one', async () => {
    const manual = await store.playlists.create({ name: 'M' })
    const smart = await store.playlists.create({ name: 'S', rule: { filter: {} } })
    await expect(store.playlists.add(smart.id, ['c1'])).rejects.toMatchObject({
      code: 'smart_playlist'
    })
    await expect(store.playlists.setRule(manual.id, { filter: {} })).rejects.toMatchObject({
      code: 'not_smart'
    })
  })
})
