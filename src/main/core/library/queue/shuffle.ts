// A seeded shuffle: the same seed gives the same order, so a shuffled queue read again
// after a restart (or in a test) is the same queue.

/** mulberry32: a small, fast 32-bit generator; plenty for shuffling a play queue. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fisher–Yates with a seed; `first` (when given and present) is put at the front. */
export function shuffleIds(ids: readonly string[], seed: number, first?: string | null): string[] {
  const out = [...ids]
  const random = seededRandom(seed)
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1))
    const a = out[i] as string
    out[i] = out[j] as string
    out[j] = a
  }
  if (first !== undefined && first !== null) {
    const at = out.indexOf(first)
    if (at > 0) {
      out.splice(at, 1)
      out.unshift(first)
    }
  }
  return out
}
