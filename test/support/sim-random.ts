import { createHash } from 'node:crypto'

// Deterministic randomness for the simulated gateway: the same seed gives the same clip
// ids, media bytes and shuffles, so a failing test can be replayed exactly.

/** mulberry32: tiny, fast, good enough for test data (not for anything secret). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function hash32(text: string): number {
  return createHash('sha1').update(text).digest().readUInt32BE(0)
}

/** A UUID-shaped id derived from a name, like the ids Suno gives clips. */
export function uuidFrom(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex')
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `a${hex.slice(17, 20)}`,
    hex.slice(20, 32)
  ].join('-')
}

export function randomBytes(seedText: string, size: number): Buffer {
  const next = seededRandom(hash32(seedText))
  const out = Buffer.alloc(size)
  for (let i = 0; i < size; i++) out[i] = Math.floor(next() * 256)
  return out
}

/** Fisher–Yates with the simulator's seeded generator. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = out[i] as T
    out[i] = out[j] as T
    out[j] = swap
  }
  return out
}
