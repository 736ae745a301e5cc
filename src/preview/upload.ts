import { mkdtempSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { createWriteStream } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform, type Readable } from 'node:stream'
import { isInside } from '../main/core/path-inside'

// The web preview's stand-in for dropped files' paths (issue 15). A browser page has no
// paths (Electron's webUtils.getPathForFile does not exist there), so the preview's page
// uploads each dropped file, one request each, into a staging folder in the OS temp
// folder; the import preview then reads them from there like any other path. Bounded in
// files, bytes per file and bytes per batch; a few batches are kept at most, a batch goes
// once its import has run, and everything goes when the server closes.

export const UPLOAD_LIMITS = {
  filesPerBatch: 200,
  fileBytes: 64 * 1024 * 1024,
  batchBytes: 512 * 1024 * 1024,
  batches: 3,
  nameLength: 200
} as const

const BATCH_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u

export type UploadOutcome =
  { ok: true; path: string } | { ok: false; status: 400 | 413; message: string }

interface Batch {
  dir: string
  files: number
  bytes: number
}

class TooLarge extends Error {}

/** A dropped file's name as a safe single path segment (the import reads ids from names). */
export function stagedName(name: string): string {
  const last = name.split(/[\\/]/u).pop() ?? ''
  // eslint-disable-next-line no-control-regex -- control characters are what goes
  const clean = last.replace(/[\u0000-\u001f\u007f]/gu, '').slice(0, UPLOAD_LIMITS.nameLength)
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean
}

export class UploadStaging {
  private root: string | null = null
  private readonly batches = new Map<string, Batch>()

  /** Where staged files live (made on first use). */
  dir(): string {
    this.root ??= mkdtempSync(join(tmpdir(), 'songshelf-preview-upload-'))
    return this.root
  }

  /** Streams one file into batch `batchId`, refusing it past the limits. */
  async receive(batchId: string, name: string, body: Readable): Promise<UploadOutcome> {
    if (!BATCH_ID.test(batchId)) return { ok: false, status: 400, message: 'Not a batch id.' }
    let batch = this.batches.get(batchId)
    if (batch === undefined) {
      batch = { dir: join(this.dir(), batchId), files: 0, bytes: 0 }
      this.batches.set(batchId, batch)
      await this.dropOldest()
    }
    if (batch.files >= UPLOAD_LIMITS.filesPerBatch)
      return { ok: false, status: 413, message: 'Too many files in one drop.' }
    const folder = join(batch.dir, String(batch.files++))
    await mkdir(folder, { recursive: true })
    const target = join(folder, stagedName(name))
    const owner = batch
    let size = 0
    const cap = new Transform({
      transform(chunk: Buffer, _encoding, done): void {
        size += chunk.length
        owner.bytes += chunk.length
        if (size > UPLOAD_LIMITS.fileBytes || owner.bytes > UPLOAD_LIMITS.batchBytes)
          done(new TooLarge())
        else done(null, chunk)
      }
    })
    try {
      await pipeline(body, cap, createWriteStream(target, { flags: 'wx' }))
    } catch (error) {
      owner.bytes -= size
      await rm(folder, { recursive: true, force: true })
      if (error instanceof TooLarge)
        return { ok: false, status: 413, message: 'The file is larger than the preview takes.' }
      throw error
    }
    return { ok: true, path: target }
  }

  /** The batch that staged every one of these paths, if any. */
  batchOf(paths: readonly string[]): string | null {
    for (const [id, batch] of this.batches) {
      if (paths.length > 0 && paths.every((p) => isInside(batch.dir, p))) return id
    }
    return null
  }

  async release(batchId: string): Promise<void> {
    const batch = this.batches.get(batchId)
    if (batch === undefined) return
    this.batches.delete(batchId)
    await rm(batch.dir, { recursive: true, force: true })
  }

  async close(): Promise<void> {
    this.batches.clear()
    if (this.root !== null) await rm(this.root, { recursive: true, force: true })
    this.root = null
  }

  private async dropOldest(): Promise<void> {
    for (const id of [...this.batches.keys()]) {
      if (this.batches.size <= UPLOAD_LIMITS.batches) return
      await this.release(id)
    }
  }
}
