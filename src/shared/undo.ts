// Undo of the library's destructive gestures (issue 13): what can be undone and what an
// undo answers. Actions that can be undone answer with an `undoId`.

export const UNDO_KINDS = [
  'delete',
  'favorite',
  'tag-delete',
  'tag-merge',
  'tag-rename',
  'clip-rename',
  'clip-note'
] as const
export type UndoKind = (typeof UNDO_KINDS)[number]

export interface UndoResult {
  /** False when the window closed (or it was already undone): nothing changed. */
  undone: boolean
  kind: UndoKind | null
  /** Clips put back (delete) or changed back (the others). */
  count: number
}

/** What an undoable action answers besides its own count. */
export interface Undoable {
  undoId?: string
}
