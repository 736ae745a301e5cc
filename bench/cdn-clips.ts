import { seeded } from './kit'

// The files of a realistic library sync (issue 14 §5): every clip has an mp3 of 4–8 MB
// and a cover, one in four also an mp4 of 20–40 MB. Sizes come from a fixed seed, so
// Songshelf and curl fetch exactly the same bytes.

export interface CdnClip {
  audio: string
  video: string | null
  cover: string
}

const MB = 1_000_000

export function cdnClips(count: number, scale = 1): CdnClip[] {
  const random = seeded(14)
  const between = (low: number, high: number): number =>
    Math.round((low + (high - low) * random()) * MB * scale)
  return Array.from({ length: count }, (_, i) => ({
    audio: `c${i}.mp3?bytes=${between(4, 8)}`,
    video: i % 4 === 0 ? `c${i}.mp4?bytes=${between(20, 40)}` : null,
    cover: `c${i}.jpg?bytes=${Math.round((150_000 + 250_000 * random()) * scale)}`
  }))
}

/** Every file of those clips, as paths on the file server. */
export function cdnPaths(clips: CdnClip[]): string[] {
  return clips.flatMap((c) => [c.audio, c.cover, ...(c.video === null ? [] : [c.video])])
}
