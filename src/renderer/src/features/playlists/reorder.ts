// Where rows dragged within a playlist land. The core's move takes the position in the
// list without the moved items; a drop on a row puts them in that row's place: after it
// when they came from above, before it when they came from below.

/** The `to` for movePlaylistItems, or null when the drop moves nothing. */
export function reorderTarget(dragged: readonly number[], dropIndex: number): number | null {
  if (dragged.length === 0 || dragged.includes(dropIndex)) return null
  const before = dragged.filter((index) => index < dropIndex).length
  const fromAbove = before === dragged.length
  return dropIndex - before + (fromAbove ? 1 : 0)
}
