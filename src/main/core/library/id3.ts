import { createHash } from 'node:crypto'
import { open, readFile, type FileHandle } from 'node:fs/promises'
import type NodeID3 from 'node-id3'
import { matchesKind, sniffMedia, SNIFF_BYTES } from '../media-types'
import { writeAtomicWith } from './atomic'
import { LibraryError } from './types'

// ID3v2 tags in the downloaded mp3, so any player shows the song properly and the file
// can be traced back to its clip (TXXX SONGSHELF_CLIP_ID and a UFID frame). The tagged
// file is written to a temp file and renamed over the original: a crash mid-write leaves
// the untagged mp3, never half of one.
//
// Streamed: the new tag is written first, then the audio frames are copied over in 1 MiB
// chunks (hashed on the way), so tagging a 400 MB song needs about 1 MiB, not the whole
// song twice (node-id3's write() took 1.15 GB of RSS for a 392 MB mp3, issue 14 §4).

export const CLIP_ID_DESCRIPTION = 'SONGSHELF_CLIP_ID'
export const UFID_OWNER = 'songshelf'

export interface Id3Fields {
  clipId: string
  title: string
  artist: string
  album: string
  styleTags: string | null
  createdAt: number | null
  lyrics: string | null
  model: string | null
}

/** MIME type of a cover from its first bytes, by the same rule the downloader used. */
function imageMime(bytes: Uint8Array): string | null {
  const sniffed = sniffMedia(bytes)
  return matchesKind(sniffed, 'cover') ? sniffed.mime : null
}

/** Genre: the first few of Suno's style tags; the full string can run to 200 characters,
 * which no player's genre column can show. The sidecar keeps all of it. */
export function genreOf(styleTags: string | null): string | undefined {
  if (styleTags == null) return undefined
  const parts = styleTags
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
  return parts.length === 0 ? undefined : parts.slice(0, 3).join(', ')
}

function yearOf(ms: number | null): string | undefined {
  if (ms === null) return undefined
  const year = new Date(ms).getUTCFullYear()
  return Number.isFinite(year) && year >= 1000 && year <= 9999 ? String(year) : undefined
}

export function buildTags(fields: Id3Fields, cover: Uint8Array | null): NodeID3.Tags {
  const tags: NodeID3.Tags = {
    title: fields.title === '' ? 'Untitled' : fields.title,
    artist: fields.artist,
    album: fields.album,
    genre: genreOf(fields.styleTags),
    year: yearOf(fields.createdAt),
    userDefinedText: [{ description: CLIP_ID_DESCRIPTION, value: fields.clipId }],
    uniqueFileIdentifier: [
      { ownerIdentifier: UFID_OWNER, identifier: Buffer.from(fields.clipId, 'utf8') }
    ]
  }
  if (fields.lyrics != null && fields.lyrics.trim() !== '') {
    // 'und' (undetermined, ISO 639-2): Suno writes lyrics in any language.
    tags.unsynchronisedLyrics = { language: 'und', text: fields.lyrics }
  }
  if (fields.model != null) tags.comment = { language: 'und', text: `Suno ${fields.model}` }
  const mime = cover === null ? null : imageMime(cover)
  if (cover !== null && mime !== null) {
    tags.image = {
      mime,
      type: { id: 3, name: 'front cover' },
      description: 'Cover',
      imageBuffer: Buffer.from(cover)
    }
  }
  return tags
}

/** Size of the chunks the audio is copied in: the memory tagging needs. */
export const COPY_CHUNK = 1024 * 1024

/** Where the audio starts: after every ID3v2 tag at the start of the file ("ID3", version,
 * flags, a syncsafe size, an optional v2.4 footer). A header that is not valid, or whose
 * size runs past the end, is audio, not a tag. */
export async function audioStart(handle: FileHandle, fileSize: number): Promise<number> {
  const head = Buffer.alloc(10)
  let offset = 0
  for (;;) {
    const { bytesRead } = await handle.read(head, 0, 10, offset)
    if (bytesRead < 10 || head.toString('latin1', 0, 3) !== 'ID3') return offset
    const sizeBytes = head.subarray(6, 10)
    if (head[3] === 0xff || head[4] === 0xff || sizeBytes.some((b) => (b & 0x80) !== 0)) {
      return offset
    }
    const [a = 0, b = 0, c = 0, d = 0] = sizeBytes
    const size = a * 2 ** 21 + b * 2 ** 14 + c * 2 ** 7 + d
    const footer = head[3] === 4 && ((head[5] ?? 0) & 0x10) !== 0 ? 10 : 0
    const next = offset + 10 + size + footer
    if (next > fileSize) return offset
    offset = next
  }
}

/** Tags the mp3 at `audioPath` in place (atomically). Returns the new size and hash, or
 * null when `stillWanted` said no before the file was replaced. */
export async function writeId3(
  audioPath: string,
  fields: Id3Fields,
  coverPath: string | null,
  stillWanted?: () => boolean
): Promise<{ bytes: number; sha256: string } | null> {
  const source = await open(audioPath, 'r')
  try {
    const { size } = await source.stat()
    const head = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await source.read(head, 0, SNIFF_BYTES, 0)
    if (size < 4 || !matchesKind(sniffMedia(head.subarray(0, bytesRead)), 'audio')) {
      throw new LibraryError('not_mp3', 'The audio file is not an mp3, so it was not tagged.')
    }
    const cover = coverPath === null ? null : await readFile(coverPath).catch(() => null)
    // Any tag already there is replaced, so re-tagging after an edit is safe.
    // Loaded on first use: the CLI's read-only commands never tag (issue 14 §6).
    const { default: id3 } = await import('node-id3')
    const tag = id3.create(buildTags(fields, cover))
    const start = await audioStart(source, size)
    const hash = createHash('sha256')
    let bytes = 0
    const written = await writeAtomicWith(
      audioPath,
      async (target) => {
        await target.write(tag)
        hash.update(tag)
        bytes += tag.length
        const chunk = Buffer.allocUnsafe(COPY_CHUNK)
        for (let at = start; at < size;) {
          const { bytesRead } = await source.read(chunk, 0, Math.min(COPY_CHUNK, size - at), at)
          if (bytesRead === 0) break // the file shrank under us: copy what there was
          const part = chunk.subarray(0, bytesRead)
          hash.update(part)
          await target.write(part)
          bytes += bytesRead
          at += bytesRead
        }
      },
      stillWanted
    )
    return written ? { bytes, sha256: hash.digest('hex') } : null
  } finally {
    await source.close()
  }
}
