import type { FileHandle } from 'node:fs/promises'
import type { Readable } from 'node:stream'

// Node file stream → WHATWG ReadableStream for a media Response. Not `Readable.toWeb`:
// it can close its controller twice and throw inside the app (nodejs/node#54205; Joplin
// wrote its own adapter for the same reason, RELIABILITY.md B5). This one settles exactly once,
// honours backpressure, and destroys the file stream (closing the fd) when the consumer
// cancels — a <video> does that on every seek (B4).

const CHUNK_BYTES = 64 * 1024

/** Streams bytes `start`..`end` (inclusive) of an open file; the handle is closed when
 * the stream ends, fails or is cancelled. */
export function fileSliceStream(
  handle: FileHandle,
  start: number,
  end: number
): ReadableStream<Uint8Array> {
  const source = handle.createReadStream({
    start,
    end,
    autoClose: true,
    highWaterMark: CHUNK_BYTES
  })
  return toWebStream(source, end - start + 1)
}

/** Adapts `source`; ends in an error when it delivers other than `expectedBytes` (the
 * file was truncated while being read), so a short body is never taken as complete. */
export function toWebStream(source: Readable, expectedBytes: number): ReadableStream<Uint8Array> {
  let settled = false
  let received = 0

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const settle = (action: () => void): void => {
          if (settled) return
          settled = true
          try {
            action()
          } catch {
            // The consumer already went away; there is nobody left to tell.
          }
        }
        // The original error may name the file's path; the consumer gets a plain one.
        const fail = (): void => settle(() => controller.error(new Error('media read failed')))

        source.on('data', (chunk: Buffer | string) => {
          if (settled || typeof chunk === 'string') return
          received += chunk.byteLength
          try {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          } catch {
            settled = true
            source.destroy()
            return
          }
          if ((controller.desiredSize ?? 0) <= 0) source.pause()
        })
        source.once('end', () => {
          if (received === expectedBytes) settle(() => controller.close())
          else fail()
        })
        source.once('error', fail)
        // Destroyed by someone else before 'end': never leave the consumer waiting.
        source.once('close', fail)
        source.pause()
      },
      pull() {
        source.resume()
      },
      cancel() {
        settled = true
        source.destroy()
      }
    },
    { highWaterMark: 1 }
  )
}
