import { relative, resolve, sep } from 'node:path'
import type { FileKind } from '../../../shared/domain'
import { isBelow, isInside } from '../path-inside'

export { isInside }

// File names in the library: `2026-11/City Lights [a06015d0].mp3`. The rules follow
// docs/STORAGE.md#file-names (what sanitize-filename and filenamify do), so the
// same name is valid on Windows, macOS and Linux (and on FAT/exFAT drives).

/** The stem ("<title> [<id8>]") stays under this many UTF-8 bytes, far below the 255
 * byte component limit, which leaves room for Windows' 260-char MAX_PATH. */
export const STEM_MAX_BYTES = 120
const ID_SUFFIX_BYTES = 3 // " [" + "]"
export const DEFAULT_ID_LENGTH = 8

const FORBIDDEN: Record<string, string> = {
  '/': '-',
  '\\': '-',
  '|': '-',
  ':': ' - ',
  '*': '',
  '?': '',
  '"': "'",
  '<': '(',
  '>': ')'
}
// Control, surrogate and format characters (bidi overrides, BOM, soft hyphen…) can hide
// or reorder text in a file manager. ZWJ and ZWNJ stay: emoji sequences and Indic and
// Persian scripts need them.
const INVISIBLE = /(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Cs}]/gu
// Windows device names, with or without an extension, in any case (also the
// superscript-digit COM/LPT forms that Windows reserves).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\s*(\.|$))/iu

const utf8 = new TextEncoder()
// Made on first use: building a Segmenter loads ICU's break rules, about 17 ms of CPU,
// which every process importing this module paid at start-up, `songshelf list`
// included, though it never names a file (issue 14 §6).
let graphemes: Intl.Segmenter | undefined

function byteLength(text: string): number {
  return utf8.encode(text).length
}

/** Cuts at a grapheme boundary so no emoji, accent or surrogate pair is split. */
function truncateBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text
  let out = ''
  let used = 0
  graphemes ??= new Intl.Segmenter('und', { granularity: 'grapheme' })
  for (const { segment } of graphemes.segment(text)) {
    const size = byteLength(segment)
    if (used + size > maxBytes) {
      // A single grapheme larger than the budget (e.g. hundreds of combining marks):
      // keep whole code points of it rather than dropping the title entirely.
      if (out === '') for (const cp of segment) if ((used += byteLength(cp)) <= maxBytes) out += cp
      break
    }
    out += segment
    used += size
  }
  return out
}

function trimEnds(text: string): string {
  return text.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '')
}

/** A title made safe as a file name component. Idempotent; never empty; at most
 * `maxBytes` UTF-8 bytes. */
export function sanitizeTitle(
  title: string,
  maxBytes: number = STEM_MAX_BYTES - ID_SUFFIX_BYTES - DEFAULT_ID_LENGTH
): string {
  // Removing an invisible character can leave a base letter next to a combining mark,
  // which NFC then composes; repeating until nothing changes makes the result a fixed
  // point, so sanitizing a sanitized name never renames a file.
  let text = title
  for (let i = 0; i < 4; i++) {
    const next = sanitizeOnce(text, maxBytes)
    if (next === text) break
    text = next
  }
  return text === '' ? 'Untitled' : text
}

function sanitizeOnce(title: string, maxBytes: number): string {
  let text = title
    .normalize('NFC')
    .replace(/[\u2028\u2029]/gu, ' ')
    .replace(INVISIBLE, '')
    .replace(/[/\\|:*?"<>]/gu, (c) => FORBIDDEN[c] ?? '')
    .replace(/\s+/gu, ' ')
  text = trimEnds(truncateBytes(trimEnds(text), maxBytes))
  if (RESERVED.test(text)) text = trimEnds(truncateBytes(text.replace(RESERVED, '$1_'), maxBytes))
  return text.normalize('NFC')
}

/** The id suffix: only characters that are safe everywhere. */
export function idSuffix(clipId: string, length: number = DEFAULT_ID_LENGTH): string {
  const safe = clipId.replace(/[^A-Za-z0-9_-]/gu, '_')
  return (safe === '' ? 'clip' : safe).slice(0, length)
}

/** `YYYY-MM` in UTC, so a library names its folders the same in every time zone. */
export function monthFolder(ms: number): string {
  const date = new Date(Number.isFinite(ms) ? ms : 0)
  const year = date.getUTCFullYear()
  if (year < 1970 || year > 9999) return 'undated'
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`
}

export interface StemInput {
  id: string
  title: string
  createdAt: number | null
  addedAt: number
}

/** Library-relative stem with forward slashes: `2026-11/City Lights [a06015d0]`. */
export function clipStem(clip: StemInput, idLength: number = DEFAULT_ID_LENGTH): string {
  const suffix = idSuffix(clip.id, idLength)
  const title = sanitizeTitle(clip.title, STEM_MAX_BYTES - ID_SUFFIX_BYTES - suffix.length)
  return `${monthFolder(clip.createdAt ?? clip.addedAt)}/${title} [${suffix}]`
}

/** Key under which two stems collide on a case-insensitive file system. */
export function stemKey(stem: string): string {
  return stem.normalize('NFC').toLowerCase()
}

const DEFAULT_EXT: Record<FileKind, string> = {
  audio: 'mp3',
  video: 'mp4',
  cover: 'jpg',
  video_cover: 'mp4',
  sidecar: 'json'
}

/** Kinds that share an extension with another kind get a second one before it, so other
 * players still see an mp4 and the music video keeps the plain name:
 * `City Lights [a06015d0].cover.mp4` beside `City Lights [a06015d0].mp4`. */
const KIND_INFIX: Partial<Record<FileKind, string>> = { video_cover: 'cover' }

/** The extension for a kind; `ext` comes from the verified content type (a cover may be
 * png or webp), never from the title or the URL. */
export function fileExtension(kind: FileKind, ext?: string): string {
  const clean = (ext ?? '').replace(/^\./u, '').toLowerCase()
  return /^[a-z0-9]{1,5}$/u.test(clean) ? clean : DEFAULT_EXT[kind]
}

export function relFilePath(stem: string, kind: FileKind, ext?: string): string {
  const infix = KIND_INFIX[kind]
  return `${stem}.${infix === undefined ? '' : `${infix}.`}${fileExtension(kind, ext)}`
}

/** Absolute path of a library-relative path; throws if it would leave the library. */
export function resolveInside(libraryDir: string, relPath: string): string {
  const abs = resolve(libraryDir, ...relPath.split('/'))
  if (!isBelow(libraryDir, abs)) {
    throw new Error(`Refusing a path outside the library folder: ${relPath}`)
  }
  return abs
}

/** Library-relative path (forward slashes) of an absolute path inside the library. */
export function toRelPath(libraryDir: string, absPath: string): string | null {
  if (!isInside(libraryDir, absPath)) return null
  const rel = relative(resolve(libraryDir), resolve(absPath))
  return rel === '' ? null : rel.split(sep).join('/')
}

/** The one naming rule for any other file Songshelf writes into a folder the user sees
 * (exported playlists): the same sanitizer as song files — no controls, separators or
 * newlines, no leading or trailing dots and spaces, no Windows device names, at most
 * `STEM_MAX_BYTES` — with `fallback` when nothing printable is left (RELIABILITY.md#hostile-input). */
export function safeFileName(name: string | undefined, ext: string, fallback: string): string {
  const visible = (name ?? '').replace(INVISIBLE, '').replace(/[\s.]+/gu, '')
  const stem = sanitizeTitle(visible === '' ? fallback : (name as string), STEM_MAX_BYTES)
  return `${stem}.${ext.replace(/[^a-z0-9]/giu, '') || 'txt'}`
}
