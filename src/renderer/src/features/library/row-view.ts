import type { ClipRow } from '../../../../shared/domain'

// What a clip's row in the list and its card in the grid show beyond the title, derived in
// one place so the two layouts never disagree (issue 13: the grid showed no state at all).

/** The state mark: a failed generation, or a file that is not (yet) on disk. */
export type RowState = 'generation-failed' | 'pending' | 'failed' | 'absent' | null

export interface RowView {
  state: RowState
  /** It has an mp4 beside its mp3. */
  video: boolean
  favorite: boolean
  /** It has audio to play (a failed generation or a missing file has none). */
  playable: boolean
}

export function rowState(row: ClipRow): RowState {
  if (row.generationFailed) return 'generation-failed'
  return row.downloadState === 'done' ? null : row.downloadState
}

export function rowView(row: ClipRow): RowView {
  return {
    state: rowState(row),
    video: row.hasVideo && !row.generationFailed,
    favorite: row.favorite,
    playable: row.hasAudio && !row.generationFailed
  }
}

/** The modifier classes a row or card carries for its selection, cursor and playback. */
export function rowClasses(
  base: string,
  flags: { selected: boolean; active: boolean; playing: boolean }
): string {
  return [
    base,
    flags.selected ? 'selected' : '',
    flags.active ? 'active' : '',
    flags.playing ? 'playing' : ''
  ]
    .filter(Boolean)
    .join(' ')
}
