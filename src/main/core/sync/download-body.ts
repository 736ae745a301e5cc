import type { Hash } from 'node:crypto'
import { Writable, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { MediaKind } from '../../../shared/domain'
import { failure, isDiskFull, type DownloadFailure } from './download-outcome'
import { DeadBufferSweeper } from './young-gc'
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

// Pipes a response body (a Node stream) into the `.part` file, so memory stays bounded
// whatever the file size. Nothing is written until the first bytes prove the
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
  onReceived?: () => void
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

/** Verified bytes are handed to the file system in gather writes (writev) of about this
 * much: one write per network chunk (64 KiB) makes syscalls the bottleneck, and gathering
 * needs no copy into a bigger buffer. */
const WRITE_BATCH_BYTES = 1024 * 1024

/** Marks an error thrown by the file system, so it is not mistaken for a network cut. */
class FsError extends Error {
  constructor(readonly original: unknown) {
    super('file system error')
  }
}

/** Ends the transfer with a refusal (wrong type, too large, more than announced). */
class Refusal extends Error {
  constructor(readonly result: DownloadFailure) {
    super(result.code)
  }
}

async function io<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op()
  } catch (error) {
    throw new FsError(error)
  }
}

/** Owns the open `.part` while a body streams in. Taking a chunk is synchronous (checks,
 * hash, batch); only a full batch waits for the disk, so what has arrived is never left
 * in a stream buffer that a dropped connection throws away. */
class PartWriter {
  written: number
  sniffed: SniffedMedia | null
  private file: WritableFile | null = null
  private held: Uint8Array[] = []
  private heldBytes = 0
  private batch: Uint8Array[] = []
  private batchBytes = 0
  /** The write on disk now, if any: at most one at a time, in order. */
  private pending: Promise<void> = Promise.resolve()
  private readonly sweeper = new DeadBufferSweeper()

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

  get full(): boolean {
    return this.batchBytes >= WRITE_BATCH_BYTES
  }

  /** Takes a chunk; returns a refusal when the first bytes are not our media. */
  take(chunk: Uint8Array, final: boolean): DownloadFailure | null {
    if (this.sniffed !== null) {
      this.add(chunk)
      return null
    }
    this.held.push(chunk)
    this.heldBytes += chunk.byteLength
    if (this.heldBytes < SNIFF_BYTES && !final) return null
    // Only the first few bytes are ever joined, to look at them as one.
    const head = this.held.length === 1 ? (this.held[0] as Uint8Array) : Buffer.concat(this.held)
    this.held = []
    this.heldBytes = 0
    const verdict = sniffMedia(head)
    if (!matchesKind(verdict, this.target.kind)) {
      return failure(verdict.type === 'html' ? 'html_page' : 'wrong_type', this.target.kind)
    }
    this.sniffed = verdict
    this.add(head)
    return null
  }

  private add(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return
    this.plan.hash.update(chunk)
    this.batch.push(chunk)
    this.batchBytes += chunk.byteLength
    this.written += chunk.byteLength
    this.target.onProgress?.(this.written, this.plan.total)
  }

  /** Hands the batch to the file system (opening the `.part` first, after its meta). */
  flush(): Promise<void> {
    const batch = this.batch
    const bytes = this.batchBytes
    this.batch = []
    this.batchBytes = 0
    this.pending = this.pending.then(async () => {
      const file = await this.open()
      if (batch.length > 0) await io(() => file.write(batch))
      this.sweeper.passed(bytes)
    })
    return this.pending
  }

  private async open(): Promise<WritableFile> {
    if (this.file !== null) return this.file
    const { fs, paths } = this.target
    const meta = this.plan.meta
    if (meta !== null) await io(() => writePartMeta(fs, paths, meta))
    this.file = await io(() => fs.openForWrite(paths.part, this.plan.start === 0))
    return this.file
  }

  /** fsync and close; the bytes are durable before the rename (E5). */
  async commit(): Promise<void> {
    await this.flush()
    const file = this.file as WritableFile
    this.file = null
    await io(() => file.sync())
    await io(() => file.close())
  }

  async close(keep: boolean): Promise<void> {
    // Bytes already verified and hashed belong in the `.part` that a resume continues.
    await this.pending.catch(() => undefined)
    if (keep && this.batchBytes > 0) await this.flush().catch(() => undefined)
    const file = this.file
    this.file = null
    if (file !== null) {
      if (keep) await file.sync().catch(() => undefined)
      await file.close().catch(() => undefined)
    }
    if (!keep) await removePart(this.target.fs, this.target.paths).catch(() => undefined)
  }
}

/** The end of the pipe: every check on each chunk as it arrives, then into the batch; the
 * stream waits (and the socket pauses) only while a full batch is written. */
function partSink(target: BodyTarget, plan: BodyPlan, writer: PartWriter): Writable {
  const { kind, watchdog } = target
  return new Writable({
    highWaterMark: WRITE_BATCH_BYTES,
    write(chunk: Uint8Array, _encoding, done) {
      watchdog.touch()
      const seen = writer.seen + chunk.byteLength
      if (seen > target.maxBytes) return done(new Refusal(failure('too_large', kind)))
      if (plan.total !== null && seen > plan.total) {
        return done(
          new Refusal(failure('truncated', kind, { detail: 'more bytes than announced' }))
        )
      }
      const refused = writer.take(chunk, false)
      if (refused !== null) return done(new Refusal(refused))
      if (!writer.full) return done()
      writer.flush().then(() => done(), done)
    }
  })
}

export async function receiveBody(
  target: BodyTarget,
  body: Readable | null,
  plan: BodyPlan
): Promise<BodyResult> {
  const { kind, watchdog } = target
  const writer = new PartWriter(target, plan)
  const stop = async (result: DownloadFailure): Promise<DownloadFailure> => {
    body?.destroy()
    await writer.close(result.resumable)
    return result
  }
  const cut = (code: 'truncated' | 'timeout' | 'aborted'): DownloadFailure =>
    failure(code, kind, { resumable: plan.resumable && writer.written > 0 })

  // The connection is free once the body's last byte is read, before the last batch of
  // it is checked and written: waiting for that write (50–100 ms on a busy disk) held
  // the connection slot of every file in a 200-clip sync (issue 14 §5). An answer whose
  // last bytes then fail a check still fails; only the next transfer starts sooner.
  let received = false
  const receivedOnce = (): void => {
    if (received) return
    received = true
    target.onReceived?.()
  }
  // After node:http has given the socket back to its agent (on the next tick), so the
  // next transfer reuses the connection instead of opening another.
  body?.once('end', () => setImmediate(receivedOnce))
  try {
    watchdog.watchIdle(target.idleTimeoutMs)
    // The watchdog's signal also ends the pipe for a transport that ignores it.
    if (body !== null) {
      await pipeline(body, partSink(target, plan, writer), { signal: watchdog.signal })
    }
    watchdog.disarm()
    if (writer.sniffed === null) {
      const refused = writer.take(new Uint8Array(0), true)
      if (refused !== null) return await stop(refused)
    }
    // A body shorter than announced is never complete (curl "partial file", E3).
    if (plan.total !== null && writer.written < plan.total) return await stop(cut('truncated'))
    receivedOnce()
    await writer.commit()
    return {
      ok: true,
      bytes: writer.written,
      hash: plan.hash,
      sniffed: writer.sniffed as SniffedMedia
    }
  } catch (error) {
    watchdog.disarm()
    if (error instanceof Refusal) return await stop(error.result)
    if (error instanceof FsError) {
      return await stop(failure(isDiskFull(error.original) ? 'disk_full' : 'io', kind))
    }
    // The caller's abort (app quitting), our idle timer, or the connection dropping.
    return await stop(
      cut(watchdog.aborted ? 'aborted' : watchdog.timedOut ? 'timeout' : 'truncated')
    )
  }
}
