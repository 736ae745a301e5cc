import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LibraryStore } from '../../../../src/main/core/library/types'
import { T0, clip, populate, task, tempLibrary, type TempLibrary } from './helpers'

// Undo of delete, tag delete/merge/rename and bulk favourite (issue 13): the index, the
// sidecars and the library folder end exactly as before. Real SQLite, real files.

let lib: TempLibrary
beforeEach(async () => {
  lib = await tempLibrary()
})
afterEach(async () => {
  await lib.cleanup()
})

const three = (): ReturnType<typeof task>[] => [
  task('t1', [clip('c1', { title: 'One' }), clip('c2', { title: 'Two' })]),
  task('t2', [clip('c3', { title: 'Three', styleTags: 'lofi, piano' })])
]

/** Every file of the library folder (outside its .trash) with its content hash. */
function folder(root: string): Record<string, string> {
  const out: Record<string, string> = {}
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (relative(root, path) === '.trash') continue
      if (statSync(path).isDirectory()) visit(path)
      else out[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex')
    }
  }
  visit(root)
  return out
}

/** What the index holds about clips, read on a connection of its own. */
function indexDump(store: LibraryStore): Record<string, unknown[]> {
  const db = new DatabaseSync(store.dbPath, { readOnly: true })
  try {
    const q = (sql: string): unknown[] => db.prepare(sql).all()
    return {
      clips: q('SELECT * FROM clips ORDER BY id'),
      texts: q('SELECT c.id, x.* FROM clip_texts x JOIN clips c ON c.pk = x.clip_pk ORDER BY c.id'),
      files: q(
        'SELECT c.id, f.* FROM files f JOIN clips c ON c.pk = f.clip_pk ORDER BY c.id, kind'
      ),
      tags: q(
        `SELECT c.id, t.name FROM clip_tags ct JOIN clips c ON c.pk = ct.clip_pk
         JOIN tags t ON t.id = ct.tag_id ORDER BY c.id, t.name`
      ),
      styles: q(
        `SELECT c.id, s.name FROM clip_styles cs JOIN clips c ON c.pk = cs.clip_pk
         JOIN styles s ON s.id = cs.style_id ORDER BY c.id, s.name`
      ),
      plays: q(
        'SELECT c.id, p.at, p.ms FROM play_events p JOIN clips c ON c.pk = p.clip_pk ORDER BY c.id, p.at'
      )
    }
  } finally {
    db.close()
  }
}

function sidecarOf(store: LibraryStore, id: string): Record<string, unknown> {
  const path = store.getFilePath(id, 'sidecar')
  if (path === null) throw new Error(`no sidecar for ${id}`)
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
}

describe('undo a delete', () => {
  it('puts the clips, their files, tags, favourites, plays and playlist entries back', async () => {
    const { store } = lib
    await populate(store, three())
    store.tagClips(['c1', 'c3'], { add: ['Night drive'] })
    store.setFavorite(['c1'], true)
    store.recordPlay('c1', T0 + 1000, 30_000)
    const list = await store.playlists.create({ name: 'Mix', clipIds: ['c3', 'c1', 'c2'] })
    await store.flush()
    const before = { index: indexDump(store), files: folder(lib.libraryDir) }
    const m3uPath = Object.keys(before.files).find((path) => path.endsWith('.m3u8'))
    const m3u = readFileSync(join(lib.libraryDir, m3uPath ?? ''), 'utf8')
    expect(m3u).toContain('[c1]')

    const deleted = await store.deleteClips(['c1', 'c3'])
    expect(deleted.deleted).toBe(2)
    expect(deleted.undoId).toEqual(expect.any(String))
    expect(store.getClip('c1')).toBeNull()
    expect(store.query({ search: 'night' }).total).toBe(0)
    expect(Object.keys(folder(lib.libraryDir)).some((p) => p.includes('[c1]'))).toBe(false)

    const undone = await store.undo(deleted.undoId ?? '')
    expect(undone).toEqual({ undone: true, kind: 'delete', count: 2 })
    await store.flush()
    expect(indexDump(store)).toEqual(before.index)
    expect(folder(lib.libraryDir)).toEqual(before.files)
    expect(store.query({ search: 'night' }).total).toBe(2)
    expect(store.query({ favorite: true }).rows.map((r) => r.id)).toEqual(['c1'])
    expect(store.playlists.clipIds(list.id)).toEqual(['c3', 'c1', 'c2'])
    expect(readFileSync(join(lib.libraryDir, m3uPath ?? ''), 'utf8')).toBe(m3u)
    expect(sidecarOf(store, 'c1')).toMatchObject({ library: { favorite: true } })
    // The trash keeps nothing of them, and the same undo does nothing twice.
    expect(readdirSync(join(lib.libraryDir, '.trash'))).toEqual([])
    expect(await store.undo(deleted.undoId ?? '')).toEqual({ undone: false, kind: null, count: 0 })
  })

  it('keeps the files in the OS trash only once the undo window has closed', async () => {
    const trashed: string[] = []
    const store = lib.open({ trash: async (paths) => void trashed.push(...paths) })
    await populate(store, three())
    const { undoId } = await store.deleteClips(['c2'])
    // Waiting, in the library's own .trash, so the undo can rename them back.
    expect(trashed).toEqual([])
    const waiting = readdirSync(join(lib.libraryDir, '.trash'))
    expect(waiting).toHaveLength(1)
    expect(waiting[0]).toMatch(/^held-/)
    expect(await store.undo(undoId ?? '')).toMatchObject({ undone: true, count: 1 })
    expect(store.getClip('c2')?.hasAudio).toBe(true)
    expect(existsSync(store.getFilePath('c2', 'audio') ?? '')).toBe(true)
    expect(trashed).toEqual([])

    await store.deleteClips(['c2'])
    await store.close()
    expect(trashed).toHaveLength(4) // audio, video, cover, sidecar
    expect(trashed.every((p) => p.includes('[c2]'))).toBe(true)
    expect(readdirSync(join(lib.libraryDir, '.trash'))).toEqual([])
  })

  it('sends a crash’s waiting files to the trash at the next start, after the window', async () => {
    let clock = T0
    const trashed: string[] = []
    const options = {
      trash: async (paths: string[]): Promise<void> => void trashed.push(...paths),
      now: () => clock,
      undoWindowMs: 60_000
    }
    const first = lib.open(options)
    await populate(first, three())
    await first.deleteClips(['c3'])
    // A crash: the process is gone without closing, so nothing released the files.
    const next = lib.open(options)
    await next.finishLeftovers({ sweepTemp: true })
    expect(trashed).toEqual([]) // still inside the window: the first process may undo
    clock = Date.now() + 120_000
    await next.finishLeftovers({ sweepTemp: true })
    expect(trashed).toHaveLength(4)
    expect(readdirSync(join(lib.libraryDir, '.trash'))).toEqual([])
  })

  it('leaves a clip deleted when a retried task brought it back meanwhile', async () => {
    const { store } = lib
    await populate(store, three())
    const { undoId } = await store.deleteClips(['c1', 'c3'])
    await populate(store, [three()[1]])
    expect(await store.undo(undoId ?? '')).toMatchObject({ undone: true, count: 1 })
    expect(store.getClip('c1')?.hasAudio).toBe(true)
    expect(store.query({ search: 'three' }).total).toBe(1)
  })
})

describe('undo tag changes and favourites', () => {
  beforeEach(async () => {
    await populate(lib.store, three())
  })

  it('a deleted tag comes back on exactly its clips, with its spelling', async () => {
    const { store } = lib
    store.tagClips(['c1', 'c2'], { add: ['Night Drive'] })
    store.tagClips(['c3'], { add: ['Focus'] })
    await store.flush()
    const before = indexDump(store)
    const { undoId } = store.deleteTag('night drive')
    expect(store.listTags()).toEqual([{ name: 'Focus', count: 1 }])
    expect(await store.undo(undoId ?? '')).toEqual({ undone: true, kind: 'tag-delete', count: 2 })
    await store.flush()
    expect(indexDump(store).tags).toEqual(before.tags)
    expect(store.query({ search: 'drive' }).total).toBe(2)
    expect(sidecarOf(store, 'c2')).toMatchObject({ library: { userTags: ['Night Drive'] } })
  })

  it('a merge is undone: both tags back on the right clips, the target as it was', async () => {
    const { store } = lib
    store.tagClips(['c1'], { add: ['chill'] })
    store.tagClips(['c2', 'c1'], { add: ['Relax'] })
    store.tagClips(['c3'], { add: ['Focus'] })
    await store.flush()
    const before = indexDump(store)
    const merged = store.mergeTags(['chill', 'Focus'], 'Relax')
    expect(store.listTags()).toEqual([{ name: 'Relax', count: 3 }])
    expect(await store.undo(merged.undoId ?? '')).toMatchObject({ undone: true, kind: 'tag-merge' })
    await store.flush()
    expect(indexDump(store).tags).toEqual(before.tags)
    expect(store.listTags()).toEqual([
      { name: 'chill', count: 1 },
      { name: 'Focus', count: 1 },
      { name: 'Relax', count: 2 }
    ])
    expect(sidecarOf(store, 'c3')).toMatchObject({ library: { userTags: ['Focus'] } })
  })

  it('a merge into a new tag and a rename onto an existing tag are undone too', async () => {
    const { store } = lib
    store.tagClips(['c1'], { add: ['a'] })
    store.tagClips(['c2'], { add: ['b'] })
    const merged = store.mergeTags(['a', 'b'], 'Mix')
    await store.undo(merged.undoId ?? '')
    expect(store.listTags()).toEqual([
      { name: 'a', count: 1 },
      { name: 'b', count: 1 }
    ])
    const renamed = store.renameTag('a', 'B')
    expect(store.listTags()).toEqual([{ name: 'b', count: 2 }])
    expect(await store.undo(renamed.undoId ?? '')).toMatchObject({ kind: 'tag-merge' })
    expect(store.listTags()).toEqual([
      { name: 'a', count: 1 },
      { name: 'b', count: 1 }
    ])
    const spelled = store.renameTag('a', 'Alpha')
    await store.undo(spelled.undoId ?? '')
    expect(store.listTags()).toEqual([
      { name: 'a', count: 1 },
      { name: 'b', count: 1 }
    ])
    expect(store.query({ search: 'alpha' }).total).toBe(0)
  })

  it('a bulk favourite is undone to each clip’s previous state, not “all off”', async () => {
    const { store } = lib
    store.setFavorite(['c2'], true)
    await store.flush()
    const on = store.setFavorite(['c1', 'c2', 'c3'], true)
    expect(on.changed).toBe(2)
    expect(await store.undo(on.undoId ?? '')).toEqual({ undone: true, kind: 'favorite', count: 2 })
    await store.flush()
    expect(store.query({ favorite: true }).rows.map((r) => r.id)).toEqual(['c2'])
    expect(sidecarOf(store, 'c2')).toMatchObject({ library: { favorite: true } })
    expect(sidecarOf(store, 'c1')).toMatchObject({ library: { favorite: false } })
    // Nothing changed, nothing to undo.
    expect(store.setFavorite(['c2'], true).undoId).toBeUndefined()
  })
})
