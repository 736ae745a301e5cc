import { basename, extname } from 'node:path'
import type { IAudioMetadata } from 'music-metadata'
import type { ImportIdSource } from '../../../../shared/import'
import { cleanText } from '../../../../shared/text'

// What an existing audio file says about itself: its Suno clip id (from Songshelf's or
// another downloader's tags, a suno.com song link in any tag, or a UUID in its name) and
// the tags worth keeping (title, artist, lyrics, style, cover), read with music-metadata.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/iu
const SONG_LINK =
  /suno\.(?:com|ai)\/song\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/iu
const CLIP_ID = /^[A-Za-z0-9_-]{1,128}$/u
const ID_FRAMES = new Set(['TXXX:SONGSHELF_CLIP_ID', 'TXXX:SUNO_ID', 'TXXX:SUNO_CLIP_ID'])

export interface FileFacts {
  clipId: string | null
  /** Where the id was found, in plain words. */
  idSource: string | null
  idKind: ImportIdSource | null
  title: string
  artist: string | null
  lyrics: string | null
  styleTags: string | null
  durationSec: number | null
  cover: { data: Uint8Array; ext: string } | null
}

function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).filter((v): v is string => typeof v === 'string')
  }
  return []
}

/** The id from tag frames (music-metadata's `native` lists), or null. */
export function idFromFrames(
  native: Record<string, { id: string; value: unknown }[]>
): { id: string; source: string; kind: ImportIdSource } | null {
  const frames = Object.values(native).flat()
  for (const frame of frames) {
    if (!ID_FRAMES.has(frame.id.toUpperCase())) continue
    const value = textsOf(frame.value)[0]?.trim() ?? ''
    if (CLIP_ID.test(value))
      return { id: value.toLowerCase(), source: `tag ${frame.id.slice(5)}`, kind: 'tag' }
  }
  for (const frame of frames) {
    for (const text of textsOf(frame.value)) {
      const link = SONG_LINK.exec(text)
      if (link?.[1] !== undefined)
        return { id: link[1].toLowerCase(), source: 'suno.com link in the tags', kind: 'link' }
    }
  }
  return null
}

export function idFromName(path: string): string | null {
  return UUID.exec(basename(path))?.[0]?.toLowerCase() ?? null
}

const MIME_EXT: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp'
}

/** Reads the file's tags; null when it is not audio music-metadata can read. */
export async function readFacts(path: string): Promise<FileFacts | null> {
  // Loaded on first use: only importing reads tags, and it costs ~85 ms to load.
  const { parseFile } = await import('music-metadata')
  let meta: IAudioMetadata
  try {
    meta = await parseFile(path, { duration: true })
  } catch {
    return null
  }
  const { common, format } = meta
  const fromTags = idFromFrames(meta.native as Record<string, { id: string; value: unknown }[]>)
  const fromName = fromTags === null ? idFromName(path) : null
  const picture = common.picture?.find((p) => MIME_EXT[p.format.toLowerCase()] !== undefined)
  const title = cleanText(common.title ?? '') || basename(path, extname(path))
  return {
    clipId: fromTags?.id ?? fromName,
    idSource: fromTags?.source ?? (fromName === null ? null : 'id in the file name'),
    idKind: fromTags?.kind ?? (fromName === null ? null : 'name'),
    title,
    artist: common.artist ?? null,
    lyrics: common.lyrics?.find((l) => typeof l.text === 'string' && l.text !== '')?.text ?? null,
    styleTags: common.genre?.length ? common.genre.join(', ') : null,
    durationSec: typeof format.duration === 'number' ? format.duration : null,
    cover:
      picture === undefined
        ? null
        : { data: picture.data, ext: MIME_EXT[picture.format.toLowerCase()] as string }
  }
}
