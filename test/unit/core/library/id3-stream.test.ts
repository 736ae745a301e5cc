import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import NodeID3 from 'node-id3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  COPY_CHUNK,
  buildTags,
  writeId3,
  type Id3Fields
} from '../../../../src/main/core/library/id3'
import { tinyMp3 } from './helpers'

// Tagging streams (issue 14 §4): the new tag, then the audio copied in bounded chunks.
// The old writer read the whole song and built a second copy in memory (1.15 GB of RSS
// for a 392 MB mp3). readFile is watched: a tagger that loads the song whole fails here.

const big = vi.hoisted(() => ({ limit: Number.POSITIVE_INFINITY, largest: 0 }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...real,
    readFile: (async (...args: Parameters<typeof real.readFile>) => {
      const data = await real.readFile(...args)
      big.largest = Math.max(big.largest, data.length)
      if (data.length > big.limit) throw new Error(`readFile loaded ${data.length} bytes whole`)
      return data
    }) as typeof real.readFile
  }
})

const FIELDS: Id3Fields = {
  clipId: 'a06015d0-1111-2222-3333-444455556666',
  title: 'City Lights',
  artist: 'Suno',
  album: 'Songshelf',
  styleTags: 'dreamy synthwave, female vocals, slow',
  createdAt: Date.UTC(2026, 10, 3),
  lyrics: '[Verse]\nNeon rain on the avenue',
  model: 'chirp-v4'
}

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'songshelf-id3-'))
  big.limit = Number.POSITIVE_INFINITY
  big.largest = 0
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')

describe('writing ID3 tags', () => {
  it('writes the same bytes node-id3 would, and re-tagging replaces the old tag', async () => {
    const mp3 = await tinyMp3()
    const path = join(dir, 'song.mp3')
    await writeFile(path, mp3)
    const expected = NodeID3.write(buildTags(FIELDS, null), mp3)

    const first = await writeId3(path, FIELDS, null)
    const onDisk = await readFile(path)
    expect(onDisk.length).toBe(expected.length)
    expect(onDisk.equals(expected)).toBe(true)
    expect(first).toEqual({ bytes: expected.length, sha256: sha(expected) })

    const renamed = { ...FIELDS, title: '夜晚城市', lyrics: null }
    const second = await writeId3(path, renamed, null)
    const again = await readFile(path)
    expect(again.equals(NodeID3.write(buildTags(renamed, null), mp3))).toBe(true)
    expect(second?.sha256).toBe(sha(again))
    const tags = NodeID3.read(again)
    expect(tags.title).toBe('夜晚城市')
    expect(tags.unsynchronisedLyrics).toBeUndefined()
    // One tag (ffmpeg's own was replaced too), then the untouched audio frames.
    const ffmpegTag =
      mp3.toString('latin1', 0, 3) === 'ID3'
        ? 10 + mp3.subarray(6, 10).reduce((size, b) => size * 128 + b, 0)
        : 0
    const frames = mp3.subarray(ffmpegTag)
    expect(again.subarray(again.length - frames.length).equals(frames)).toBe(true)
  })

  it('copies a song larger than many chunks without ever loading it whole', async () => {
    const path = join(dir, 'long.mp3')
    const size = 24 * COPY_CHUNK + 12_345
    // A frame header, then a sparse file: the audio bytes are zeros the copy must keep.
    await writeFile(path, Buffer.from([0xff, 0xfb, 0x90, 0x64]))
    await truncate(path, size)
    const cover = join(dir, 'cover.jpg')
    await writeFile(cover, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]))
    big.limit = 4 * COPY_CHUNK

    const result = await writeId3(path, FIELDS, cover)
    expect(big.largest).toBeLessThan(COPY_CHUNK)
    const { size: tagged } = await stat(path)
    expect(result?.bytes).toBe(tagged)
    big.limit = Number.POSITIVE_INFINITY
    const data = await readFile(path)
    expect(result?.sha256).toBe(sha(data))
    const tags = NodeID3.read(data)
    expect(tags.title).toBe('City Lights')
    expect(tags.image).toBeDefined()
    const audio = data.subarray(data.length - size)
    expect([...audio.subarray(0, 4)]).toEqual([0xff, 0xfb, 0x90, 0x64])
    expect(audio.subarray(4).every((b) => b === 0)).toBe(true)
  })

  it('refuses a file that is not an mp3 and leaves it as it was', async () => {
    const path = join(dir, 'page.mp3')
    await writeFile(path, '<!doctype html><p>Not found</p>')
    await expect(writeId3(path, FIELDS, null)).rejects.toMatchObject({ code: 'not_mp3' })
    expect(await readFile(path, 'utf8')).toBe('<!doctype html><p>Not found</p>')
  })
  it('judges the audio by the downloader rule: an AAC (ADTS) stream is not tagged as mp3', async () => {
    // 0xFFF1: the sync bits an mp3 frame also starts with, but layer 00 (ADTS). The old
    // tagger's own two-byte check let it through and wrote an ID3 tag into AAC audio.
    const path = join(dir, 'aac.mp3')
    const adts = Buffer.from([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc, 0, 0, 0])
    await writeFile(path, adts)
    await expect(writeId3(path, FIELDS, null)).rejects.toMatchObject({ code: 'not_mp3' })
    expect((await readFile(path)).equals(adts)).toBe(true)
  })
})
