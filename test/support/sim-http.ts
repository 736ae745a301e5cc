import { once } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { DeliveryFault } from './sim-faults'

// Sends bodies for both simulated origins and records what was sent. Byte counts are
// updated as each chunk is written, so a test that has its answer can read
// `sim.requests` without racing the server's 'finish' event.

export type SimOrigin = 'gateway' | 'cdn'

export interface RecordedRequest {
  method: string
  origin: SimOrigin
  /** Pathname plus query. */
  path: string
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>
  authorization: string | null
  range: string | null
  ifRange: string | null
  /** The request body (gateway POSTs only). */
  body: string | null
  /** null until the simulator answers (stays null for `hang`). */
  status: number | null
  /** Body bytes written so far (not headers). */
  bytesSent: number
}

export function recordOf(req: IncomingMessage, origin: SimOrigin): RecordedRequest {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return {
    method: req.method ?? 'GET',
    origin,
    path: req.url ?? '/',
    headers,
    authorization: headers.authorization ?? null,
    range: headers.range ?? null,
    ifRange: headers['if-range'] ?? null,
    body: null,
    status: null,
    bytesSent: 0
  }
}

export async function readRequestBody(
  req: IncomingMessage,
  maxBytes = 1024 * 1024
): Promise<string> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    total += buf.length
    if (total > maxBytes) break
    chunks.push(buf)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export interface BodySource {
  size: number
  read(start: number, end: number): Buffer
}

export interface SendOptions {
  status: number
  headers: Record<string, string | number>
  body: Buffer | BodySource | null
  /** Leave out Content-Length (chunked transfer). */
  chunked?: boolean
  /** HEAD: headers only. */
  headOnly?: boolean
  delivery?: DeliveryFault
}

const CHUNK_BYTES = 64 * 1024

/** Tracks what must be torn down when the simulator closes. */
export class Responder {
  private closed = false
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private readonly held = new Set<ServerResponse>()
  private readonly gates = new Set<() => void>()
  /** Counts releaseStalled() calls; a stall is skipped when one came after its request. */
  private releases = 0
  private readonly arrivedAt = new WeakMap<ServerResponse, number>()

  /** Called as a request arrives, so a release that follows it always applies to it. */
  begin(res: ServerResponse): void {
    this.arrivedAt.set(res, this.releases)
  }

  /** Keeps a response open without answering (the `hang` fault). */
  hold(res: ServerResponse): void {
    this.held.add(res)
  }

  async send(res: ServerResponse, rec: RecordedRequest, opts: SendOptions): Promise<void> {
    const source = toSource(opts.body)
    const headers = { ...opts.headers }
    if (opts.chunked !== true) headers['content-length'] = source.size
    rec.status = opts.status
    res.writeHead(opts.status, headers)
    if (opts.headOnly === true || source.size === 0) {
      res.end()
      return
    }
    const delivery = opts.delivery
    const chunkBytes = delivery?.kind === 'slow' ? (delivery.chunkBytes ?? 1024) : CHUNK_BYTES
    const closed = once(res, 'close').then(() => undefined)
    const stopAt = stopPoint(delivery, source.size)
    await this.pump(res, rec, source, 0, stopAt, chunkBytes, delivery, closed)
    if (this.gone(res)) return
    if (stopAt < source.size && delivery?.kind === 'reset') {
      res.socket?.destroy()
      return
    }
    if (stopAt < source.size) {
      // `stall`: hold the body until a test calls releaseStalled() (no sleeping needed).
      if (this.arrivedAt.get(res) === this.releases) {
        this.held.add(res)
        await new Promise<void>((resolve) => this.gates.add(resolve))
        this.held.delete(res)
      }
      await this.pump(res, rec, source, stopAt, source.size, chunkBytes, undefined, closed)
    }
    if (!this.gone(res)) res.end()
  }

  /** Lets every stalled body carry on to its end. */
  release(): void {
    this.releases += 1
    const gates = [...this.gates]
    this.gates.clear()
    for (const open of gates) open()
  }

  private async pump(
    res: ServerResponse,
    rec: RecordedRequest,
    source: BodySource,
    from: number,
    to: number,
    chunkBytes: number,
    delivery: DeliveryFault | undefined,
    closed: Promise<void>
  ): Promise<void> {
    let offset = from
    while (offset < to && !this.gone(res)) {
      const n = Math.min(chunkBytes, to - offset)
      const chunk = source.read(offset, offset + n)
      offset += n
      rec.bytesSent += n
      // Waiting for each flush keeps memory flat for big files and makes a reset happen
      // after the bytes before it really left.
      await Promise.race([
        new Promise<void>((resolve) => res.write(chunk, () => resolve())),
        closed
      ])
      if (delivery?.kind === 'slow' && offset < source.size) await this.delay(delivery.delayMs)
    }
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    for (const res of this.held) res.socket?.destroy()
    this.held.clear()
    this.gates.clear()
  }

  private gone(res: ServerResponse): boolean {
    return this.closed || res.destroyed
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        resolve()
      }, ms)
      this.timers.add(timer)
    })
  }
}

/** Where the body stops: the full size, or mid-body for `reset` and `stall`. */
function stopPoint(delivery: DeliveryFault | undefined, size: number): number {
  if (delivery?.kind === 'reset') {
    const at = delivery.afterBytes ?? Math.floor(size / 2)
    return Math.max(0, Math.min(at, size - 1))
  }
  if (delivery?.kind === 'stall') return Math.max(0, Math.min(delivery.afterBytes ?? 0, size - 1))
  return size
}

function toSource(body: Buffer | BodySource | null): BodySource {
  if (body === null) return { size: 0, read: () => Buffer.alloc(0) }
  if (Buffer.isBuffer(body)) return { size: body.length, read: (s, e) => body.subarray(s, e) }
  return body
}
