import { existsSync } from 'node:fs'
import { readFile, readdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseFile } from 'music-metadata'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { T0, clip, downloadAll, populate, task, tempLibrary, type TempLibrary } from './helpers'

let lib: TempLibrary
beforeEach(async () => {
  lib = await tempLibrary()
})
afterEach(async () => {
  await lib.cleanup()
})

const monthDir = (): string => join(lib.libraryDir, '2026-11')
const sidecarOf = async (name: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(join(monthDir(), `${name}.json`), 'utf8')) as Record<string, unknown>

describe('finishing a downloaded song', () => {
  it('tags the mp3 so any player shows title, artist, album, genre, year, lyrics and cover', async () => {
    await populate(lib.store, [task('t1', [clip('c1')])])
    const audio = lib.store.getFilePath('c1', 'audio')
    expect(audio).toBe(join(monthDir(), 'City Lights [c1].mp3'))
    const meta = await parseFile(audio ?? '')
    expect(meta.common).toMatchObject({
      title: 'City Lights',
      artist: 'Suno',
      album: 'Songshelf',
      genre: ['dreamy synthwave, female vocals'],
      year: 2026
    })
    expect(JSON.stringify(meta.common.lyrics)).toContain('Neon rain on the avenue')
    expect(meta.common.picture?.[0]?.format).toBe('image/jpeg')
    const txxx = (meta.native['ID3v2.3'] ?? meta.native['ID3v2.4'] ?? []).find(
      (tag) => tag.id === 'TXXX:SONGSHELF_CLIP_ID'
    )
    expect(txxx?.value).toBe('c1')
    // Still a playable mp3 after tagging.
    expect(meta.format.duration ?? 0).toBeGreaterThan(0.5)
    expect(meta.format.codec).toMatch(/MPEG/u)
  })

  it('uses the artist and album from the settings', async () => {
    const store = lib.open({ artist: 'Me', album: 'Night drives' })
    await lib.store.close()
    await populate(store, [task('t1', [clip('c1')])])
    const meta = await parseFile(store.getFilePath('c1', 'audio') ?? '')
    expect(meta.common).toMatchObject({ artist: 'Me', album: 'Night drives' })
  })

  it('writes a sidecar with everything the gateway gave, minus personal fields', async () => {
    await populate(lib.store, [task('t1', [clip('c1', { descriptionPrompt: 'a city at night' })])])
    const sidecar = await sidecarOf('City Lights [c1]')
    expect(sidecar).toMatchObject({
      songshelf: 1,
      clip: {
        id: 'c1',
        taskId: 't1',
        title: 'City Lights',
        lyrics: expect.stringContaining('Neon'),
        descriptionPrompt: 'a city at night',
        model: 'chirp-v4',
        createdAt: T0
      },
      library: { favorite: false, userTags: [], addedAt: T0 },
      files: {
        audio: 'City Lights [c1].mp3',
        video: 'City Lights [c1].mp4',
        cover: 'City Lights [c1].jpg'
      },
      gateway: { id: 'c1', title: 'City Lights' }
    })
    const text = JSON.stringify(sidecar)
    expect(text).not.toContain('user_id')
    expect(text).not.toContain('display_name')
    expect(lib.store.getClip('c1')?.files.find((f) => f.kind === 'sidecar')?.state).toBe('done')
  })

  it('leaves no temp files behind', async () => {
    await populate(lib.store, [task('t1', [clip('c1'), clip('c2', { title: 'Two' })])])
    lib.store.tagClips(['c1', 'c2'], { add: ['x'] })
    await lib.store.flush()
    const names = await readdir(monthDir())
    expect(names.filter((n) => n.endsWith('.tmp') || n.endsWith('.part'))).toEqual([])
    expect(names).toHaveLength(8)
  })

  it('keeps the sidecar up to date with tags and favourites', async () => {
    await populate(lib.store, [task('t1', [clip('c1')])])
    lib.store.tagClips(['c1'], { add: ['Chill', 'Night'] })
    lib.store.setFavorite(['c1'], true)
    await lib.store.flush()
    expect(await sidecarOf('City Lights [c1]')).toMatchObject({
      library: { favorite: true, userTags: ['Chill', 'Night'] }
    })
    lib.store.renameTag('night', 'Late night')
    lib.store.deleteTag('chill')
    await lib.store.flush()
    expect(await sidecarOf('City Lights [c1]')).toMatchObject({
      library: { favorite: true, userTags: ['Late night'] }
    })
  })

  it('tags a song still downloading in the index only, and its sidecar gets them when it is finished', async () => {
    lib.store.recordTaskResult(task('t1', [clip('c1')]), T0, { downloadVideo: false })
    lib.store.tagClips(['c1'], { add: ['Early'] })
    lib.store.setFavorite(['c1'], true)
    await lib.store.flush()
    expect(existsSync(join(monthDir(), 'City Lights [c1].json'))).toBe(false)
    await downloadAll(lib.store)
    await lib.store.finalizeClip('c1')
    expect(await sidecarOf('City Lights [c1]')).toMatchObject({
      library: { favorite: true, userTags: ['Early'] },
      files: { audio: 'City Lights [c1].mp3', cover: 'City Lights [c1].jpg' }
    })
  })

  it('embeds a PNG cover saved under its verified extension', async () => {
    lib.store.recordTaskResult(task('t1', [clip('c1')]), T0, { downloadVideo: false })
    await downloadAll(lib.store, ['audio'])
    const cover = lib.store.downloadJobs().find((j) => j.kind === 'cover')
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082',
      'hex'
    )
    const path = (cover?.targetPath ?? '').replace(/\.jpg$/u, '.png')
    await writeFile(path, png)
    lib.store.setFileResult('c1', 'cover', {
      state: 'done',
      path,
      bytes: png.length,
      sha256: 'y'.repeat(64)
    })
    await lib.store.finalizeClip('c1')
    expect(lib.store.getFilePath('c1', 'cover')).toBe(join(monthDir(), 'City Lights [c1].png'))
    const meta = await parseFile(lib.store.getFilePath('c1', 'audio') ?? '')
    expect(meta.common.picture?.[0]?.format).toBe('image/png')
    expect(await sidecarOf('City Lights [c1]')).toMatchObject({
      files: { cover: 'City Lights [c1].png' }
    })
  })

  it('refuses a download result that points outside the library', () => {
    lib.store.recordTaskResult(task('t1', [clip('c1')]), T0, { downloadVideo: false })
    expect(() =>
      lib.store.setFileResult('c1', 'audio', {
        state: 'done',
        path: '/etc/passwd',
        bytes: 1,
        sha256: 'z'
      })
    ).toThrow(/outside the library/u)
    expect(lib.store.getFilePath('c1', 'audio')).toBeNull()
  })

  it('finishes a song whose cover failed, without a picture', async () => {
    lib.store.recordTaskResult(task('t1', [clip('c1', { videoUrl: null })]), T0, {
      downloadVideo: false
    })
    await downloadAll(lib.store, ['audio'])
    lib.store.setFileResult('c1', 'cover', { state: 'failed', error: 'Not an image.' })
    await lib.store.finalizeClip('c1')
    const meta = await parseFile(lib.store.getFilePath('c1', 'audio') ?? '')
    expect(meta.common.title).toBe('City Lights')
    expect(meta.common.picture).toBeUndefined()
    expect(existsSync(join(monthDir(), 'City Lights [c1].json'))).toBe(true)
  })

  it('does nothing, and creates no folder, while the library drive is unplugged', async () => {
    lib.store.recordTaskResult(task('t1', [clip('c1')]), T0, { downloadVideo: true })
    await downloadAll(lib.store)
    const moved = `${lib.libraryDir}-unplugged`
    await rename(lib.libraryDir, moved)
    expect(lib.store.libraryAvailable()).toBe(false)
    await expect(lib.store.finalizeClip('c1')).resolves.toBeUndefined()
    expect(lib.warnings).toContain('Library folder unavailable; clip not finalized')
    lib.store.setFavorite(['c1'], true)
    await lib.store.flush()
    expect(existsSync(lib.libraryDir)).toBe(false)
    await rename(moved, lib.libraryDir)
    expect(lib.store.libraryAvailable()).toBe(true)
  })
})
