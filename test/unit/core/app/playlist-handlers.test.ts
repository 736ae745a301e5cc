import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSongshelfCore, type SongshelfCore } from '../../../../src/main/core/app/create-core'
import { dispatch } from '../../../../src/main/core/app/dispatch'
import { createHeadlessHost } from '../../../../src/main/core/app/headless-host'
import { tempLibrary } from '../../../support/cli-harness'
import { clip, populate, task } from '../library/helpers'

// The playlist methods across the bridge: payloads parsed strictly, errors as data with a
// stable code, and one playlists change from the library per write.

let core: SongshelfCore | null = null
let base: string | null = null
afterEach(async () => {
  await core?.stop()
  core = null
  if (base !== null) rmSync(base, { recursive: true, force: true })
  base = null
})

async function open(): Promise<SongshelfCore> {
  const dirs = tempLibrary()
  base = dirname(dirs.dataDir)
  const host = createHeadlessHost({ transport: 'web-preview', version: '1.2.3', ...dirs })
  core = createSongshelfCore(host)
  await populate(core.library(), [task('t1', [clip('c1'), clip('c2')])])
  return core
}

describe('playlists over the bridge', () => {
  it('creates, fills, reorders and undoes a delete, telling the renderer each time', async () => {
    const c = await open()
    const seen: (string[] | null)[] = []
    c.events.subscribe((event, payload) => {
      if (event === 'library-changed' && payload.kind === 'playlists')
        seen.push(payload.playlistIds)
    })
    const created = await dispatch(c.handlers, 'createPlaylist', { name: '  Road   trip ' })
    expect(created).toMatchObject({ ok: true, value: { name: 'Road trip', count: 0 } })
    const id = (created as { value: { id: string } }).value.id
    await dispatch(c.handlers, 'addToPlaylist', { id, clipIds: ['c1', 'c2'] })
    const page = await dispatch(c.handlers, 'queryPlaylist', { id })
    const items = (page as { value: { itemIds: number[] } }).value.itemIds
    await dispatch(c.handlers, 'movePlaylistItems', { id, itemIds: [items[1]], to: 0 })
    expect(await dispatch(c.handlers, 'playlistClipIds', { id })).toEqual({
      ok: true,
      value: ['c2', 'c1']
    })
    await dispatch(c.handlers, 'deletePlaylist', { id })
    expect(await dispatch(c.handlers, 'listPlaylists', undefined)).toEqual({ ok: true, value: [] })
    await dispatch(c.handlers, 'restorePlaylist', { id })
    expect(await dispatch(c.handlers, 'listPlaylists', undefined)).toMatchObject({
      ok: true,
      value: [{ id, count: 2 }]
    })
    expect(seen).toHaveLength(5)
    expect(seen.every((ids) => ids?.[0] === id)).toBe(true)
  })

  it('refuses bad payloads and answers unknown playlists with a code', async () => {
    const c = await open()
    expect(await dispatch(c.handlers, 'createPlaylist', { name: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' }
    })
    expect(await dispatch(c.handlers, 'renamePlaylist', { id: '../x', name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' }
    })
    expect(
      await dispatch(c.handlers, 'createPlaylist', { name: 'x', rule: { filter: {}, evil: 1 } })
    ).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    expect(await dispatch(c.handlers, 'queryPlaylist', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'playlist_not_found' }
    })
  })
})
