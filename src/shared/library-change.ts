// What the library tells everyone after a write commits (the `library-changed` event).
// The rule and the code that publishes it: src/main/core/library/changes.ts.

/** One committed write, naming what it touched. Subscribers apply exactly that:
 * - `clips`: these clips' rows changed (re-read them). `membership`: clips appeared or
 *   went away, so pages and totals move. `facetsDirty`: a sidebar count may differ.
 *   `taskIds`: the tasks those clips belong to (their progress moved), plus tasks the same
 *   write changed. `playlistIds`: playlists whose contents the same write changed.
 * - `tasks`: only task rows changed (added, polled, retried, removed).
 * - `playlists`: only playlists changed (created, renamed, edited, deleted).
 * - `reset`: everything may differ (a rebuild, another library folder). The only kind
 *   that asks for a full refresh. */
export type LibraryChange =
  | {
      kind: 'clips'
      clipIds: string[]
      taskIds: string[]
      playlistIds: string[]
      membership: boolean
      facetsDirty: boolean
    }
  | { kind: 'tasks'; taskIds: string[] }
  | { kind: 'playlists'; playlistIds: string[] }
  | { kind: 'reset' }

/** The task ids a change names (every task for a reset: null). */
export function changedTaskIds(change: LibraryChange): string[] | null {
  if (change.kind === 'reset') return null
  return change.kind === 'playlists' ? [] : change.taskIds
}
