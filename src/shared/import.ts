// Bringing in songs people already have (issue 15): what an import will do, file by file,
// before anything is copied (the preview), and what it did.

export type ImportAction = 'import' | 'merge' | 'skip'

/** Why an item got its action, as a stable code the UI words in the user's language
 * (`reason` is the English text the CLI prints). */
export type ImportReasonCode =
  | 'inside_library'
  | 'missing'
  | 'not_mp3'
  | 'unreadable'
  | 'same_song'
  | 'in_library'
  | 'fills_audio'
  | 'suno_id'
  | 'local_song'

/** Where a clip id was found: a tag frame, a suno.com link in the tags, or the file name. */
export type ImportIdSource = 'tag' | 'link' | 'name'

export interface ImportItem {
  /** The file as found; it is only ever read. */
  source: string
  action: ImportAction
  /** The clip it becomes or joins; `local-…` for a song without a Suno id. */
  clipId: string | null
  title: string
  /** Where the id came from, or why it is skipped, in plain words. */
  reason: string
  code: ImportReasonCode
  idSource: ImportIdSource | null
}

export interface ImportReport {
  dryRun: boolean
  items: ImportItem[]
  imported: number
  merged: number
  skipped: number
}

/** A previewed import the user may carry out with `runImport(planId)`. */
export interface ImportPlan extends ImportReport {
  planId: string
  /** True when the folders held more files than one import takes; the rest are left out. */
  truncated: boolean
}

/** How far a running import is: reading (tags of every file) then copying. */
export interface ImportProgress {
  planId: string
  phase: 'reading' | 'copying'
  done: number
  total: number
}

/** Paths one preview takes, the longest path, and the files one import walks. */
export const IMPORT_LIMITS = { paths: 500, pathLength: 4096, files: 5000 } as const
