// How a clip is named wherever a title appears. Every Suno generation makes two clips with
// the same title (issue 13), so a title alone does not say which one is meant: the take
// ("take 1/2", from upstream `batch_index`) tells them apart, or the clip id's first
// characters when the gateway did not say which take it is. A title the user gave wins
// over the gateway's, which stays as it was (shown in the detail).

import { displayTitle as shownTitle } from './clip-title'

/** What naming a clip needs; ClipRow, lineage references and queue entries all have it. */
export interface LabelSource {
  id: string
  title: string
  /** The user's own title (rename), or absent. */
  userTitle?: string | null
  /** 1-based take within its generation, or null/absent when unknown. */
  take?: number | null
  /** How many clips its generation has in the library. */
  takes?: number | null
}

/** Same length as the id in library file names (`City Lights [a06015d0].mp3`). */
export const SHORT_ID_LENGTH = 8

export type TakeMark =
  { kind: 'take'; take: number; of: number | null } | { kind: 'id'; shortId: string }

export function shortClipId(id: string): string {
  return id.replace(/-/gu, '').slice(0, SHORT_ID_LENGTH)
}

/** The title to show: the user's, else the gateway's ('' when both are empty). Rows from
 * the core already carry the shown title in `title` (the rule's one home is clip-title.ts,
 * applied where rows are read); `userTitle` is for sources that carry both. */
export function displayTitle(clip: Pick<LabelSource, 'title' | 'userTitle'>): string {
  return shownTitle(clip.title, clip.userTitle?.trim() || null)
}

/** Which take this is, or the short id when the take is unknown. `of` is left out when
 * the generation's other clips are not known (or it has only this one). */
export function takeMark(clip: Pick<LabelSource, 'id' | 'take' | 'takes'>): TakeMark {
  const take = clip.take
  if (typeof take === 'number' && Number.isInteger(take) && take >= 1) {
    const of = clip.takes
    return { kind: 'take', take, of: typeof of === 'number' && of >= take && of > 1 ? of : null }
  }
  return { kind: 'id', shortId: shortClipId(clip.id) }
}
