import { syncDir } from '../fs-sync'
import { createHash, type Hash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { z } from 'zod'
import { SNIFF_BYTES } from '../media-types'

// The `.part` file a download streams into and the `.part.json` beside it that makes a
// resume safe: the validator for If-Range and the total the server announced (matrix
// E4, E5). The file system is a parameter so tests can make the disk fill up (E8).

export interface WritableFile {
  /** Appends the chunks in order, as one gather write where the platform allows. */
  write(chunks: readonly Uint8Array[]): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/** The few file operations a download needs. */
export interface DownloadFs {
  /** Opens for appending to an existing file (never creates it); `truncate` starts from an
   * empty file. */
  openForWrite(path: string, truncate: boolean): Promise<WritableFile>
  /** The file's bytes in order. A chunk is valid only until the next one is asked for
   * (the default reuses one buffer). */
  readChunks(path: string): AsyncIterable<Uint8Array>
  /** Size in bytes, or null when the file does not exist. */
  size(path: string): Promise<number | null>
  readText(path: string): Promise<string | null>
  writeText(path: string, text: string): Promise<void>
  rename(from: string, to: string): Promise<void>
  remove(path: string): Promise<void>
  /** Makes a rename durable; a no-op where directories cannot be opened (Windows). */
  syncDir(dir: string): Promise<void>
}

const READ_CHUNK = 1024 * 1024

/** Reads a file into one reused buffer: no allocation per read, so reading back a big
 * download leaves no garbage for the collector (a stream allocates 64 KiB per read). */
async function* readInPlace(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.allocUnsafe(READ_CHUNK)
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null)
      if (bytesRead === 0) return
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await handle.close()
  }
}

/** The chunks, minus the first `bytes` bytes of them (views, no copies). */
function unwritten(chunks: readonly Uint8Array[], bytes: number): Uint8Array[] {
  let skip = bytes
  let index = 0
  while (index < chunks.length && skip >= (chunks[index] as Uint8Array).byteLength) {
    skip -= (chunks[index] as Uint8Array).byteLength
    index++
  }
  const rest = chunks.slice(index)
  if (skip > 0 && rest.length > 0) rest[0] = (rest[0] as Uint8Array).subarray(skip)
  return rest
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOENT'
}

export const nodeDownloadFs: DownloadFs = {
  async openForWrite(path, truncate) {
    // Continuing never creates: 'a' would make a new empty `.part` where another process
    // had just renamed the finished one away, and that empty file would then be renamed
    // over the song (issue 12 §1). 'r+' fails with ENOENT instead; writes go at the end.
    const handle = await open(path, truncate ? 'w' : 'r+')
    let position = truncate ? 0 : (await handle.stat()).size
    return {
      write: async (chunks) => {
        // writev may write less than asked; loop over what is left until all is on disk.
        let left = chunks.filter((chunk) => chunk.byteLength > 0)
        while (left.length > 0) {
          const { bytesWritten } = await handle.writev(left, position)
          position += bytesWritten
          left = unwritten(left, bytesWritten)
        }
      },
      sync: () => handle.sync(),
      close: () => handle.close()
    }
  },
  readChunks: (path) => readInPlace(path),
  async size(path) {
    try {
      return (await stat(path)).size
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
  },
  async readText(path) {
    try {
      return await readFile(path, 'utf8')
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
  },
  writeText: (path, text) => writeFile(path, text, 'utf8'),
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { force: true }),
  syncDir
}

const partMetaSchema = z.object({
  url: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  total: z.number().int().nonnegative().nullable()
})

export type PartMeta = z.infer<typeof partMetaSchema>

export interface PartPaths {
  part: string
  meta: string
}

export function partPaths(targetPath: string): PartPaths {
  return { part: `${targetPath}.part`, meta: `${targetPath}.part.json` }
}

/** Whether an earlier attempt left a `.part` (or its meta) for this file. Synchronous on
 * purpose: one stat of a name in a cached folder, with no wait in libuv's thread pool
 * behind other disk work, so it can decide whether a request may go out first. */
export function hasPartSync(targetPath: string): boolean {
  const paths = partPaths(targetPath)
  return existsSync(paths.part) || existsSync(paths.meta)
}

/** The stored meta, or null when absent or unreadable (then the download restarts). */
export async function readPartMeta(fs: DownloadFs, paths: PartPaths): Promise<PartMeta | null> {
  const text = await fs.readText(paths.meta)
  if (text === null) return null
  try {
    const parsed = partMetaSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export async function writePartMeta(
  fs: DownloadFs,
  paths: PartPaths,
  meta: PartMeta
): Promise<void> {
  await fs.writeText(paths.meta, JSON.stringify(meta))
}

export async function removePart(fs: DownloadFs, paths: PartPaths): Promise<void> {
  await fs.remove(paths.part)
  await fs.remove(paths.meta)
}

/** The value to send as If-Range. RFC 9110 §13.1.5 allows only a strong validator, so a
 * weak ETag falls back to Last-Modified; without either a resume is not safe (E4). */
export function ifRangeValue(meta: Pick<PartMeta, 'etag' | 'lastModified'>): string | null {
  if (meta.etag !== null && !meta.etag.startsWith('W/')) return meta.etag
  return meta.lastModified
}

export interface PartPrefix {
  bytes: number
  hash: Hash
  head: Uint8Array
}

/** Reads an existing `.part` once: its length, the sha256 of its bytes so far (so the
 * final hash covers the whole file after a resume) and its first bytes for sniffing. */
export async function scanPart(fs: DownloadFs, path: string): Promise<PartPrefix> {
  const hash = createHash('sha256')
  const head = new Uint8Array(SNIFF_BYTES)
  let bytes = 0
  for await (const chunk of fs.readChunks(path)) {
    if (bytes < SNIFF_BYTES) head.set(chunk.subarray(0, SNIFF_BYTES - bytes), bytes)
    hash.update(chunk)
    bytes += chunk.byteLength
  }
  return { bytes, hash, head: head.subarray(0, Math.min(bytes, SNIFF_BYTES)) }
}
