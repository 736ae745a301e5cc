// Where entries sit in a queue: the source's positions 0..n-1, with explicit entries
// ("play next", "add to queue") after the source position they are anchored to (-1:
// before the first). Explicit entries are few (bounded by what one call may add), so they
// are held in memory, sorted by (anchor, seq); the source is never materialised here.

export interface ItemRef {
  id: number
  anchor: number
  seq: number
  clipId: string
}

export type Slot = { kind: 'item'; k: number; item: ItemRef } | { kind: 'source'; pos: number }

/** The anchor as it counts now: a source that shrank puts its later entries at its end. */
export function anchorIn(anchor: number, n: number): number {
  return Math.max(-1, Math.min(anchor, n - 1))
}

/** Index of the k-th explicit entry. */
export function itemIndex(items: readonly ItemRef[], n: number, k: number): number {
  const item = items[k]
  return item === undefined ? -1 : anchorIn(item.anchor, n) + 1 + k
}

/** Index of source position `pos`. */
export function sourceIndex(items: readonly ItemRef[], n: number, pos: number): number {
  let before = 0
  for (const item of items) {
    if (anchorIn(item.anchor, n) < pos) before += 1
    else break
  }
  return pos + before
}

/** What is at index `index`, or null past either end. */
export function slotAt(items: readonly ItemRef[], n: number, index: number): Slot | null {
  if (index < 0 || index >= n + items.length) return null
  let k = 0
  for (; k < items.length; k += 1) {
    const at = itemIndex(items, n, k)
    if (at === index) return { kind: 'item', k, item: items[k] as ItemRef }
    if (at > index) break
  }
  const pos = index - k
  return pos >= 0 && pos < n ? { kind: 'source', pos } : null
}
