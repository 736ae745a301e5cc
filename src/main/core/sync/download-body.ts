import type { Hash } from 'node:crypto'
import type { MediaKind } from '../../../shared/domain'
import { failure, isDiskFull, type DownloadFailure } from './download-outcome'
import type { Watchdog } from './download-request'
import { matchesKind, sniffMedia, SNIFF_BYTES, type SniffedMedia } from '../media-types'
import {
  removePart,
  writePartMeta,
  type DownloadFs,
  type PartMeta,
  type PartPaths,
  type WritableFile
} from './part-file'

// Streams a response body into the `.part` file one chunk at a time, so memory stays
// bounded whatever the file size. Nothing is written until the first bytes prove the
// body is the media we asked for (E2); the size cap holds while streaming, not only from
// Content-Length (E6); a silent server trips the idle timer (E7).

export interface BodyTarget {
  fs: DownloadFs
  paths: PartPaths
  kind: MediaKind
  watchdog: Watchdog
  idleTimeoutMs: number
  maxBytes: number
  onProgress?: (bytes: number, total: number | null) => void
}

export interface BodyPlan {
  /** Bytes already in the `.part` (0: a fresh download; the `.part` is truncated). */
  start: number
  /** Size of the whole file, when the server said. */
  total: number | null
  /** sha256 of the bytes already in the `.part`; updated in place. */
  hash: Hash
  /** The sniffed type of the existing `.part` (when `start` > 0). */
  sniffed: SniffedMedia | null
  /** Written before the first byte of a fresh download, so a cut can be resumed. */
  meta: PartMeta | null
  /** Whether a cut transfer can resume (the server gave a strong validator). */
  resumable: boolean
}

export type BodyResult =
  { ok: true; bytes: number; hash: Hash; sniffed: SniffedMedia } | DownloadFailure

const WRITE_BATCH_BYTES = 256 * 1024

/** Marks an error thrown by the file system, so it is not mistaken for a network cut. */
class FsError extends Error {
  constructor(readonly original: unknown) {
    super('file system error')
  }
}

async function io<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op()
  } catch (error) {
    throw new FsError(error)
  }
}

/** Owns the open `.part` while a body streams in. */
class PartWriter {
  written: number
  sniffed: SniffedMedia | null
  private file: WritableFile | null = null
  private held: Uint8Array[] = []
  private heldBytes = 0
  /** Verified bytes not yet handed to the file system: written in 256 KiB slices, because
   * one write per network chunk (often 16–64 KiB) makes syscalls the bottleneck. */
  private batch: Uint8Array[] = []
  private batchBytes = 0

  constructor(
    private readonly target: BodyTarget,
    private readonly plan: BodyPlan
  ) {
    this.written = plan.start
    this.sniffed = plan.sniffed
  }

  get seen(): number {
    return this.written + this.heldBytes
  }

  /** Takes a chunk; returns a refusal when the first bytes are not our media. */
  async take(chunk: Uint8Array, final: boolean): Promise<DownloadFailure | null> {
    if (this.sniffed !== null) {
      await this.write(chunk)
      return null
    }
    this.held.push(chunk)
    this.heldBytes += chunk.byteLength
    if (this.heldBytes < SNIFF_BYTES && !final) return null
    const head = Buffer.concat(this.held)
    this.held = []
    this.heldBytes = 0
    const verdict = sniffMedia(head)
    if (!matchesKind(verdict, this.target.kind)) {
      return failure(verdict.type === 'html' ? 'html_page' : 'wrong_type', this.target.kind)
    }
    this.sniffed = verdict
    await this.write(head)
    return null
  }

  private async write(chunk: Uint8Array): Promise<void> {
    const { fs, paths } = this.target
    if (this.file === null) {
      const meta = this.plan.meta
      if (meta !== null) await io(() => writePartMeta(fs, paths, meta))
      this.file = await io(() => fs.openForWrite(paths.part, this.plan.start === 0))
    }
    if (chunk.byteLength === 0) return
    this.plan.hash.update(chunk)
    this.batch.push(chunk)
    this.batchBytes += chunk.byteLength
    this.written += chunk.byteLength
    this.target.onProgress?.(this.written, this.plan.total)
    if (this.batchBytes >= WRITE_BATCH_BYTES) await this.flush()
  }

  private async flush(): Promise<void> {
    const file = this.file
    if (file === null || this.batchBytes === 0) return
    const data = this.batch.length === 1 ? (this.batch[0] as Uint8Array) : Buffer.concat(this.batch)
    this.batch = []
    this.batchBytes = 0
    await io(() => file.write(data))
  }

  /** fsync and close; the bytes are durable before the rename (E5). */
  async commit(): Promise<void> {
    if (this.file === null) await this.write(new Uint8Array(0))
    await this.flush()
    const file = this.file as WritableFile
    this.file = null
    await io(() => file.sync())
    await io(() => file.close())
  }

  async close(keep: boolean): Promise<void> {
    // Bytes already verified and hashed belong in the `.part` that a resume continues.
    if (keep) await this.flush().catch(() => undefined)
    const file = this.file
    this.file = null
    if (file !== null) {
      if (keep) await file.sync().catch(() => undefined)
      await file.close().catch(() => undefined)
    }
    if (!keep) await removePart(this.target.fs, this.target.paths).catch(() => undefined)
  }
}

export async function receiveBody(
  target: BodyTarget,
  body: ReadableStream<Uint8Array> | null,
  plan: BodyPlan
): Promise<BodyResult> {
  const { kind, watchdog } = target
  const reader = body?.getReader() ?? null
  const writer = new PartWriter(target, plan)
  const stop = async (result: DownloadFailure): Promise<DownloadFailure> => {
    await reader?.cancel().catch(() => undefined)
    await writer.close(result.resumable)
    return result
  }
  const cut = (code: 'truncated' | 'timeout' | 'aborted'): DownloadFailure =>
    failure(code, kind, { resumable: plan.resumable && writer.written > 0 })

  try {
    watchdog.watchIdle(target.idleTimeoutMs)
    for (;;) {
      const next = reader === null ? null : await reader.read()
      watchdog.touch()
      if (next === null || next.done) break
      const seen = writer.seen + next.value.byteLength
      if (seen > target.maxBytes) return await stop(failure('too_large', kind))
      if (plan.total !== null && seen > plan.total) {
        return await stop(failure('truncated', kind, { detail: 'more bytes than announced' }))
      }
      const refused = await writer.take(next.value, false)
      if (refused !== null) return await stop(refused)
    }
    watchdog.disarm()
    if (writer.sniffed === null) {
      const refused = await writer.take(new Uint8Array(0), true)
      if (refused !== null) return await stop(refused)
    }
    // A body shorter than announced is never complete (curl "partial file", E3).
    if (plan.total !== null && writer.written < plan.total) return await stop(cut('truncated'))
    await writer.commit()
    return {
      ok: true,
      bytes: writer.written,
      hash: plan.hash,
      sniffed: writer.sniffed as SniffedMedia
    }
  } catch (error) {
    watchdog.disarm()
    if (error instanceof FsError) {
      return await stop(failure(isDiskFull(error.original) ? 'disk_full' : 'io', kind))
    }
    // The caller's abort (app quitting), our idle timer, or the connection dropping.
    return await stop(
      cut(watchdog.aborted ? 'aborted' : watchdog.timedOut ? 'timeout' : 'truncated')
    )
  }
}
