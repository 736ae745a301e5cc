// Where a few rows of the queue's order were last seen: "position p holds key k" (a clip
// id in a library view, a queue_order.pos in a materialised order). A read near one of
// them walks the sort's index from k (keyset) instead of skipping p rows with OFFSET, so
// Next at position 90,000 costs what it costs at 1 (issue 14 §3). An anchor holds only
// while the stamp it was seen under does (view-moves.ts: no write since could have moved
// a row of that order); a new stamp forgets them all.

export interface Anchor {
  pos: number
  key: string | number
}

const KEEP = 8

export class Anchors {
  private stamp = ''
  private points: Anchor[] = []
  private counted = new Map<string, number>()

  /** The anchor nearest to `pos` under `stamp`, or null. */
  nearest(stamp: string, pos: number): Anchor | null {
    if (stamp !== this.stamp) return null
    let best: Anchor | null = null
    for (const point of this.points)
      if (best === null || Math.abs(point.pos - pos) < Math.abs(best.pos - pos)) best = point
    return best
  }

  /** Remembers that `pos` holds `key` under `stamp` (the newest replace the oldest). */
  note(stamp: string, pos: number, key: string | number): void {
    if (stamp !== this.stamp) {
      this.stamp = stamp
      this.points = []
    }
    this.points = this.points.filter((point) => point.pos !== pos)
    this.points.push({ pos, key })
    if (this.points.length > KEEP) this.points.shift()
  }

  /** Forgets every anchor (one turned out wrong). */
  forget(): void {
    this.stamp = ''
    this.points = []
  }

  /** `compute()`'s count, reused while `stamp` (which names what is counted) holds. */
  count(stamp: string, compute: () => number): number {
    const known = this.counted.get(stamp)
    if (known !== undefined) return known
    const n = compute()
    this.counted.set(stamp, n)
    if (this.counted.size > KEEP) {
      const oldest = this.counted.keys().next().value
      if (oldest !== undefined) this.counted.delete(oldest)
    }
    return n
  }
}
