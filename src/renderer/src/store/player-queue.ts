import type { ClipRow } from '../../../shared/domain'

// Pure queue arithmetic for the player store: no React, no bridge, easy to test.

export type Random = () => number

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: Random = Math.random): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1))
    const a = out[i] as T
    out[i] = out[j] as T
    out[j] = a
  }
  return out
}

/** The shuffled queue puts the current track first, so "next" walks a fresh order and the
 * queue panel shows exactly what will play (Museeks does the same). */
export function shuffleAround(
  queue: readonly ClipRow[],
  index: number,
  random: Random = Math.random
): { queue: ClipRow[]; index: number } {
  const current = queue[index]
  if (!current) return { queue: shuffled(queue, random), index: queue.length > 0 ? 0 : -1 }
  const rest = queue.filter((_, i) => i !== index)
  return { queue: [current, ...shuffled(rest, random)], index: 0 }
}

/** Puts a shuffled queue back into the order it had before shuffling. Entries added while
 * shuffled keep their relative order at the end; entries removed stay removed. The same
 * clip may be queued twice, so entries are matched one for one. */
export function unshuffle(
  queue: readonly ClipRow[],
  index: number,
  original: readonly ClipRow[]
): { queue: ClipRow[]; index: number } {
  const pool = queue.map((clip, i) => ({ clip, i, used: false }))
  const ordered: { clip: ClipRow; i: number }[] = []
  for (const clip of original) {
    const match = pool.find((entry) => !entry.used && entry.clip.id === clip.id)
    if (match) {
      match.used = true
      ordered.push(match)
    }
  }
  for (const entry of pool) if (!entry.used) ordered.push(entry)
  return {
    queue: ordered.map((entry) => entry.clip),
    index: ordered.findIndex((entry) => entry.i === index)
  }
}

/** Moves one entry and reports where the playing entry ended up. */
export function moveEntry(
  queue: readonly ClipRow[],
  index: number,
  from: number,
  to: number
): { queue: ClipRow[]; index: number } {
  if (from === to || from < 0 || from >= queue.length) return { queue: [...queue], index }
  const target = Math.max(0, Math.min(queue.length - 1, to))
  const out = [...queue]
  const [moved] = out.splice(from, 1)
  out.splice(target, 0, moved as ClipRow)
  let next = index
  if (index === from) next = target
  else if (from < index && target >= index) next = index - 1
  else if (from > index && target <= index) next = index + 1
  return { queue: out, index: next }
}

/** Removes one entry; when it was playing, the entry after it (or before, at the end)
 * becomes current. */
export function removeEntry(
  queue: readonly ClipRow[],
  index: number,
  at: number
): { queue: ClipRow[]; index: number; removedCurrent: boolean } {
  if (at < 0 || at >= queue.length) return { queue: [...queue], index, removedCurrent: false }
  const out = queue.filter((_, i) => i !== at)
  if (at < index) return { queue: out, index: index - 1, removedCurrent: false }
  if (at > index) return { queue: out, index, removedCurrent: false }
  return { queue: out, index: Math.min(index, out.length - 1), removedCurrent: true }
}
