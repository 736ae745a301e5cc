// Bringing in songs people already have (issue 15): what an import will do, file by file,
// before anything is copied (the preview), and what it did.

export type ImportAction = 'import' | 'merge' | 'skip'

export interface ImportItem {
  /** The file as found; it is only ever read. */
  source: string
  action: ImportAction
  /** The clip it becomes or joins; `local-…` for a song without a Suno id. */
  clipId: string | null
  title: string
  /** Where the id came from, or why it is skipped, in plain words. */
  reason: string
}

export interface ImportReport {
  dryRun: boolean
  items: ImportItem[]
  imported: number
  merged: number
  skipped: number
}
