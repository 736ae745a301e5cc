import type { ClipDetail, ClipRow } from '../../../../shared/domain'
import { call } from '../../lib/bridge'

// "Play the whole family" (issue 15): the clip a song extends, the song, its other
// take(s) from the same generate call, then what extends it — the order they were made.

export function familyIds(clip: ClipDetail): string[] {
  const ids = [
    ...(clip.parent ? [clip.parent.id] : []),
    clip.id,
    ...clip.siblings.map((s) => s.id),
    ...clip.extendedBy.map((c) => c.id)
  ]
  return [...new Set(ids)]
}

/** The family's rows, from the index (members that are gone are left out). */
export async function familyRows(clip: ClipDetail): Promise<ClipRow[]> {
  const rows = await Promise.all(
    familyIds(clip).map((id) => (id === clip.id ? clip : call('getClip', { id }).catch(() => null)))
  )
  return rows.filter((row): row is ClipDetail => row !== null)
}
