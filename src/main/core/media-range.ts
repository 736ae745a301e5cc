// Range requests for the media protocol. Answering them ourselves is what makes seeking
// work: Electron's own file loader answers 200 without Accept-Ranges and a <video> then
// cannot seek (RELIABILITY.md B2; electron/electron#38749).

export type RangeDecision =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' }

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/i

/**
 * What to send for a `Range` header on a file of `size` bytes (RFC 9110 §14.2). The
 * choices where the RFC leaves room (RELIABILITY.md B3):
 * - no header, a unit other than bytes, garbage, `bytes=-`, or `bytes=5-2` → the whole
 *   file (an invalid range is ignored, §14.2);
 * - several ranges (`0-1,5-6`) → the whole file: media elements never ask for more than
 *   one, and a multipart/byteranges body would only be new code to get wrong;
 * - an end past the file → clamped to the last byte (`bytes=0-N` gives 206, not 416);
 * - a start at or past the end, or a zero-length suffix `bytes=-0` → unsatisfiable (416).
 */
export function parseRange(header: string | null, size: number): RangeDecision {
  if (header === null) return { kind: 'full' }
  const match = SINGLE_RANGE.exec(header.trim())
  if (match === null) return { kind: 'full' }
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return { kind: 'full' }

  if (first === '') {
    // Suffix range: the last N bytes.
    const length = Number(last)
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' }
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 }
  }

  const start = Number(first)
  const end = last === '' ? Number.POSITIVE_INFINITY : Number(last)
  if (end < start) return { kind: 'full' }
  if (start >= size) return { kind: 'unsatisfiable' }
  return { kind: 'partial', start, end: Math.min(end, size - 1) }
}

/** The `Content-Range` value for a 206. */
export function contentRange(start: number, end: number, size: number): string {
  return `bytes ${start}-${end}/${size}`
}

/** The `Content-Range` value for a 416. */
export function unsatisfiedRange(size: number): string {
  return `bytes */${size}`
}
