import type { MediaKind } from '../../shared/domain'

// What a file really is, judged from its first bytes. Gateways and CDNs answer 200 with
// an HTML login page or a JSON error often enough that neither the status nor the
// Content-Type can be trusted (RELIABILITY.md E2): a download is kept
// only when its magic bytes match the kind of file we asked for.

export type MediaType = 'mp3' | 'mp4' | 'jpeg' | 'png' | 'webp'

export type SniffedMedia = { type: MediaType; mime: string; ext: string }

export type SniffResult = SniffedMedia | { type: 'html' | 'json' | 'unknown' }

export const MEDIA_FORMATS: Readonly<Record<MediaType, { mime: string; ext: string }>> = {
  mp3: { mime: 'audio/mpeg', ext: 'mp3' },
  mp4: { mime: 'video/mp4', ext: 'mp4' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' }
}

const KIND_TYPES: Readonly<Record<MediaKind, readonly MediaType[]>> = {
  audio: ['mp3'],
  video: ['mp4'],
  cover: ['jpeg', 'png', 'webp'],
  video_cover: ['mp4']
}

/** Enough bytes to tell every type apart, including HTML after some leading blanks. */
export const SNIFF_BYTES = 64

/** The media types a file of this kind may be; anything else is refused. */
export function expectedTypes(kind: MediaKind): readonly MediaType[] {
  return KIND_TYPES[kind]
}

/** The media type a file name's extension stands for, or null when it is not media we
 * serve (the media protocol's allow-list, RELIABILITY.md B7). */
export function typeForExtension(ext: string): MediaType | null {
  const clean = ext.replace(/^\./, '').toLowerCase()
  if (clean === 'jpeg') return 'jpeg'
  for (const type of Object.keys(MEDIA_FORMATS) as MediaType[]) {
    if (MEDIA_FORMATS[type].ext === clean) return type
  }
  return null
}

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  if (head.length < offset + bytes.length) return false
  return bytes.every((b, i) => head[offset + i] === b)
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0))
}

/** An MPEG audio frame header: 11 set sync bits, then no reserved version, layer,
 * bitrate or sample-rate values. The extra checks keep ADTS/AAC (layer 00) and random
 * 0xFF bytes from passing as mp3. */
function isMpegFrame(head: Uint8Array): boolean {
  if (head.length < 3) return false
  const [b0, b1, b2] = [head[0] ?? 0, head[1] ?? 0, head[2] ?? 0]
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return false
  const version = (b1 >> 3) & 0b11
  const layer = (b1 >> 1) & 0b11
  const bitrate = (b2 >> 4) & 0b1111
  const sampleRate = (b2 >> 2) & 0b11
  return version !== 0b01 && layer !== 0b00 && bitrate !== 0b1111 && sampleRate !== 0b11
}

/** Index of the first byte after a UTF-8 BOM and ASCII whitespace. */
function firstSignificant(head: Uint8Array): number {
  let i = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0
  while (i < head.length) {
    const b = head[i]
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) break
    i++
  }
  return i
}

function media(type: MediaType): SniffResult {
  return { type, ...MEDIA_FORMATS[type] }
}

/** Identifies the file from its first bytes (pass at least `SNIFF_BYTES` when the file
 * is that long). Never throws. */
export function sniffMedia(head: Uint8Array): SniffResult {
  if (startsWith(head, ascii('ID3')) || isMpegFrame(head)) return media('mp3')
  if (startsWith(head, ascii('ftyp'), 4)) return media('mp4')
  if (startsWith(head, [0xff, 0xd8, 0xff])) return media('jpeg')
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return media('png')
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return media('webp')
  const first = head[firstSignificant(head)]
  if (first === 0x3c /* < */) return { type: 'html' }
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) return { type: 'json' }
  return { type: 'unknown' }
}

/** True when the sniffed type is one this kind of file may be. */
export function matchesKind(sniffed: SniffResult, kind: MediaKind): sniffed is SniffedMedia {
  return (expectedTypes(kind) as readonly string[]).includes(sniffed.type)
}
