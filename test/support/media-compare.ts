import { createHash } from 'node:crypto'

/** The audio frames of an mp3, without the ID3v2 tag at the front (Songshelf writes its
 * own tags after download, so the file differs from the CDN's only there). */
export function mp3Payload(bytes: Uint8Array): Uint8Array {
  let start = 0
  while (bytes[start] === 0x49 && bytes[start + 1] === 0x44 && bytes[start + 2] === 0x33) {
    const size =
      ((bytes[start + 6]! & 0x7f) << 21) |
      ((bytes[start + 7]! & 0x7f) << 14) |
      ((bytes[start + 8]! & 0x7f) << 7) |
      (bytes[start + 9]! & 0x7f)
    const footer = (bytes[start + 5]! & 0x10) !== 0 ? 10 : 0
    start += 10 + size + footer
  }
  // Padding after a tag is zeros; frames start at the first sync byte.
  while (start < bytes.length && bytes[start] === 0) start++
  return bytes.subarray(start)
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Same media content: mp3s compared without their ID3 tag, everything else byte for byte. */
export function sameMedia(
  kind: 'audio' | 'video' | 'cover',
  ours: Uint8Array,
  served: Uint8Array
): boolean {
  return kind === 'audio'
    ? sha256(mp3Payload(ours)) === sha256(mp3Payload(served))
    : sha256(ours) === sha256(served)
}
