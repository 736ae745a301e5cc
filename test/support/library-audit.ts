import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { extname, join, relative } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { sameMedia } from './media-compare'
import type { SimMediaKind, Simulator } from './sim-gateway'

// What a user would find in the library folder after a bad day: every file under a final
// name must be whole (right magic bytes, the CDN's bytes), there is one file per clip and
// kind, nothing is left half-done once a sync has finished, and the index is intact.
// The checks here are written independently of the downloader's own sniffing code, so a
// bug there cannot hide itself.

export type MediaFileKind = 'audio' | 'video' | 'cover'

const MEDIA_EXT: Readonly<Record<string, MediaFileKind>> = {
  '.mp3': 'audio',
  '.mp4': 'video',
  '.jpg': 'cover',
  '.jpeg': 'cover',
  '.png': 'cover',
  '.webp': 'cover'
}

export interface LibraryListing {
  /** Files under a final media name, relative to the library. */
  media: string[]
  sidecars: string[]
  /** `.part` and `.part.json` of downloads in flight. */
  parts: string[]
  /** Temp files of atomic replaces (`*.tmp`). */
  temps: string[]
  other: string[]
}

/** Every file of the library folder, sorted by kind (the `.trash` folder is skipped). */
export function listLibrary(libraryDir: string): LibraryListing {
  const out: LibraryListing = { media: [], sidecars: [], parts: [], temps: [], other: [] }
  if (!existsSync(libraryDir)) return out
  for (const entry of readdirSync(libraryDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const rel = relative(libraryDir, join(entry.parentPath, entry.name))
    if (rel.split(/[\\/]/)[0] === '.trash') continue
    if (/\.part(\.json)?$/.test(rel)) out.parts.push(rel)
    else if (rel.endsWith('.tmp')) out.temps.push(rel)
    else if (MEDIA_EXT[extname(rel).toLowerCase()] !== undefined) out.media.push(rel)
    else if (rel.endsWith('.json')) out.sidecars.push(rel)
    else out.other.push(rel)
  }
  for (const list of Object.values(out)) (list as string[]).sort()
  return out
}

export function kindOfFile(rel: string): MediaFileKind | null {
  return MEDIA_EXT[extname(rel).toLowerCase()] ?? null
}

/** The clip id prefix a library file name ends with: `City Lights [a06015d0].mp3`. */
export function idPrefixOf(rel: string): string | null {
  return /\[([A-Za-z0-9_-]+)\]\.[a-z0-9]+$/i.exec(rel)?.[1] ?? null
}

/** True when the first bytes are what a file of this kind must start with. */
export function hasMagic(kind: MediaFileKind, bytes: Uint8Array): boolean {
  const at = (offset: number, text: string): boolean =>
    Buffer.from(bytes.subarray(offset, offset + text.length)).toString('latin1') === text
  if (kind === 'audio') {
    const frameSync = bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0
    return at(0, 'ID3') || frameSync
  }
  if (kind === 'video') return at(4, 'ftyp')
  return (
    (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) ||
    at(1, 'PNG') ||
    (at(0, 'RIFF') && at(8, 'WEBP'))
  )
}

/** The simulator file a library file of this kind comes from, for the raw and flattened
 * shapes, which carry a large cover (the camelCase shape has only the small one). */
export function simKindOf(kind: MediaFileKind): SimMediaKind {
  return kind === 'cover' ? 'coverLarge' : kind
}

export type SourceKind = (clipId: string, kind: MediaFileKind) => SimMediaKind

/** The bytes the CDN serves for a clip's file. Clear the simulator's faults first. */
export async function servedBytes(
  sim: Simulator,
  clipId: string,
  kind: MediaFileKind,
  sourceKind: SourceKind = (_, k) => simKindOf(k)
): Promise<Buffer> {
  const response = await fetch(sim.mediaUrl(clipId, sourceKind(clipId, kind)))
  if (response.status !== 200) throw new Error(`the CDN answered ${response.status} for ${clipId}`)
  return Buffer.from(await response.arrayBuffer())
}

export interface MediaProblem {
  file: string
  problem: string
}

/**
 * Checks every file under a final media name: it belongs to a known clip (by the id in
 * its name), starts with the right magic bytes and holds exactly what the CDN serves
 * (mp3s compared without their ID3 tag, which Songshelf writes itself). Also reports two
 * final files for one clip and kind. Returns the problems; empty means all is well.
 */
export async function auditMedia(
  libraryDir: string,
  sim: Simulator,
  clipIds: readonly string[],
  sourceKind?: SourceKind
): Promise<MediaProblem[]> {
  const problems: MediaProblem[] = []
  const seen = new Map<string, string>()
  const served = new Map<string, Buffer>()
  for (const file of listLibrary(libraryDir).media) {
    const kind = kindOfFile(file) as MediaFileKind
    const prefix = idPrefixOf(file)
    const owners = prefix === null ? [] : clipIds.filter((id) => id.startsWith(prefix))
    if (owners.length !== 1) {
      problems.push({ file, problem: 'no single clip owns this file name' })
      continue
    }
    const clipId = owners[0] as string
    const key = `${clipId}:${kind}`
    const twin = seen.get(key)
    if (twin !== undefined) problems.push({ file, problem: `a second ${kind} file (${twin})` })
    seen.set(key, file)
    const bytes = readFileSync(join(libraryDir, file))
    if (!hasMagic(kind, bytes)) {
      problems.push({ file, problem: `does not start like a ${kind} file` })
      continue
    }
    let reference = served.get(key)
    if (reference === undefined) {
      reference = await servedBytes(sim, clipId, kind, sourceKind)
      served.set(key, reference)
    }
    if (!sameMedia(kind, bytes, reference)) {
      problems.push({
        file,
        problem: `differs from the CDN's file (${bytes.length} bytes here, ${reference.length} served)`
      })
    }
  }
  return problems
}

/** `PRAGMA integrity_check` on an index nobody has open (a killed writer's WAL is
 * recovered first, as the next start of the app would). */
export function integrityCheck(dbPath: string): string {
  const db = new DatabaseSync(dbPath)
  try {
    const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]
    return rows.map((row) => row.integrity_check).join('; ')
  } finally {
    db.close()
  }
}
