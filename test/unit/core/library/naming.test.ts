import fc from 'fast-check'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, isAbsolute } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  STEM_MAX_BYTES,
  clipStem,
  fileExtension,
  monthFolder,
  relFilePath,
  resolveInside,
  sanitizeTitle,
  stemKey
} from '../../../../src/main/core/library/naming'

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u

function assertSafeName(name: string): void {
  expect(name).not.toBe('')
  expect(name).not.toMatch(/[/\\:*?"<>|\p{Cc}]/u)
  expect(name).not.toMatch(BIDI)
  expect(name).not.toMatch(/[ .]$/u)
  expect(name).not.toMatch(/^[ .]/u)
  expect(name).not.toMatch(RESERVED)
  expect(name).toBe(name.normalize('NFC'))
}

describe('file names in the library', () => {
  it('names a song by month, title and the start of its clip id', () => {
    const stem = clipStem({
      id: 'a06015d0-1111-2222',
      title: 'City Lights',
      createdAt: Date.UTC(2026, 10, 3),
      addedAt: 0
    })
    expect(relFilePath(stem, 'audio')).toBe('2026-11/City Lights [a06015d0].mp3')
    expect(relFilePath(stem, 'video')).toBe('2026-11/City Lights [a06015d0].mp4')
    expect(relFilePath(stem, 'cover')).toBe('2026-11/City Lights [a06015d0].jpg')
    expect(relFilePath(stem, 'cover', 'png')).toBe('2026-11/City Lights [a06015d0].png')
    // The animated cover is an mp4 too: a second extension keeps it apart from the video.
    expect(relFilePath(stem, 'video_cover')).toBe('2026-11/City Lights [a06015d0].cover.mp4')
    expect(relFilePath(stem, 'sidecar')).toBe('2026-11/City Lights [a06015d0].json')
  })

  it('uses the month the song was added when Suno gave no creation date', () => {
    const stem = clipStem({
      id: 'b1',
      title: 'X',
      createdAt: null,
      addedAt: Date.UTC(2025, 0, 31, 23)
    })
    expect(stem).toBe('2025-01/X [b1]')
    expect(monthFolder(Number.NaN)).toBe('1970-01')
  })

  it('never takes the extension from the title or a bogus type', () => {
    const stem = clipStem({ id: 'c1', title: 'movie.mp4.exe', createdAt: 0, addedAt: 0 })
    expect(relFilePath(stem, 'video')).toMatch(/\.mp4$/u)
    expect(fileExtension('cover', '../exe')).toBe('jpg')
    expect(fileExtension('cover', '.WEBP')).toBe('webp')
  })

  it.each([
    '../../evil',
    'a/b\\c',
    'con',
    'CON.mp3',
    'nul.txt',
    'Com1',
    'LPT9.jpg',
    'aux.',
    'name. . .',
    'name   ',
    '.hidden',
    '-rf',
    '\u0000x',
    '\u202Ereverse\u202C.mp3',
    '👨‍👩‍👧 family',
    '',
    'é'.repeat(500),
    'What? *Really* <no> "quotes" | pipes: yes'
  ])('makes %j safe on every OS', (title) => {
    const name = sanitizeTitle(title)
    assertSafeName(name)
    expect(bytes(name)).toBeLessThanOrEqual(STEM_MAX_BYTES)
  })

  it('keeps readable titles readable', () => {
    expect(sanitizeTitle('Title: Subtitle')).toBe('Title - Subtitle')
    expect(sanitizeTitle('AC/DC')).toBe('AC-DC')
    expect(sanitizeTitle('夜晚城市')).toBe('夜晚城市')
    expect(sanitizeTitle('👨‍👩‍👧 family')).toBe('👨‍👩‍👧 family')
    expect(sanitizeTitle('')).toBe('Untitled')
    expect(sanitizeTitle('CON')).toBe('CON_')
    expect(sanitizeTitle('nul.txt')).toBe('nul_.txt')
  })

  it('normalises to NFC so a decomposed Café names the same file', () => {
    expect(sanitizeTitle('Cafe\u0301')).toBe(sanitizeTitle('Café'))
  })

  it('gives Song and song different paths even on case-insensitive disks', async () => {
    const a = clipStem({ id: 'aaaaaaaa-1', title: 'Song', createdAt: 0, addedAt: 0 })
    const b = clipStem({ id: 'bbbbbbbb-2', title: 'song', createdAt: 0, addedAt: 0 })
    expect(stemKey(a)).not.toBe(stemKey(b))
    const dir = await mkdtemp(join(tmpdir(), 'songshelf-case-'))
    try {
      await writeFile(join(dir, `${a.split('/')[1]}.mp3`), 'a')
      await writeFile(join(dir, `${b.split('/')[1]}.mp3`), 'b')
      expect(await readdir(dir)).toHaveLength(2)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('cuts long titles at a whole character, never inside an emoji', () => {
    const name = sanitizeTitle('🎵'.repeat(100))
    expect(bytes(name)).toBeLessThanOrEqual(STEM_MAX_BYTES)
    expect(name).toBe('🎵'.repeat(name.length / 2))
  })

  it('refuses library-relative paths that leave the library', () => {
    expect(() => resolveInside('/lib', '../etc/passwd')).toThrow()
    expect(() => resolveInside('/lib', '2026-11/../../x')).toThrow()
    expect(resolveInside('/lib', '2026-11/a.mp3')).toBe(join('/lib', '2026-11', 'a.mp3'))
  })

  describe('for any Unicode title', () => {
    const titles = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.constantFrom('..', '.', ' ', 'CON', 'com¹.x', '\u202e', 'a\u200b\u0301')
    )

    it('sanitizing is idempotent and stays within the byte limit', () => {
      fc.assert(
        fc.property(titles, (title) => {
          const once = sanitizeTitle(title)
          expect(sanitizeTitle(once)).toBe(once)
          expect(bytes(once)).toBeLessThanOrEqual(STEM_MAX_BYTES)
          assertSafeName(once)
          // No lone surrogate survives (it could not be written as UTF-8).
          expect(once).toBe(Buffer.from(once, 'utf8').toString('utf8'))
        }),
        { numRuns: 2000 }
      )
    })

    it('the full stem stays under the limit and every path stays inside the library', () => {
      const libraryDir = join(tmpdir(), 'Songshelf')
      fc.assert(
        fc.property(titles, fc.string({ maxLength: 60 }), fc.integer(), (title, id, ms) => {
          const stem = clipStem({ id, title, createdAt: ms, addedAt: 0 })
          expect(bytes(stem.split('/')[1])).toBeLessThanOrEqual(STEM_MAX_BYTES)
          const abs = resolveInside(libraryDir, relFilePath(stem, 'audio'))
          const rel = relative(libraryDir, abs)
          expect(rel.startsWith('..') || isAbsolute(rel)).toBe(false)
        }),
        { numRuns: 1000 }
      )
    })
  })
})
