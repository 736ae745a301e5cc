import type { z } from 'zod'
import type { ClipRow } from './domain'
import type { smartRule } from './playlist-schemas'

// Playlists: saved lists of clips (by reference, in an order the user chose) and smart
// playlists (a saved query over the library's own filter language, evaluated live).

export type PlaylistKind = 'manual' | 'smart'

/** A smart playlist's saved query. Times are relative ("added within 30 days"), so the
 * playlist keeps meaning the same thing as days pass; they become absolute only when it
 * is evaluated. */
export type SmartRule = z.input<typeof smartRule>

export interface PlaylistSummary {
  id: string
  name: string
  kind: PlaylistKind
  /** Clips in it now (a smart playlist's live count). */
  count: number
  rule: SmartRule | null
  createdAt: number
  updatedAt: number
}

/** A window of a playlist's clips, in playlist order. `itemIds[i]` names the entry of
 * `rows[i]` (a clip can be in a playlist twice); smart playlists have no item ids. */
export interface PlaylistPage {
  rows: ClipRow[]
  itemIds: number[]
  total: number
  offset: number
}

export interface PlaylistImportReport {
  playlist: PlaylistSummary
  /** Entries that became items. */
  added: number
  /** Entries that point to nothing in the library, as written in the file. */
  missing: string[]
}

/** The presets offered when creating a smart playlist. */
export const SMART_PRESETS: Readonly<Record<'neverPlayed' | 'mostPlayed', SmartRule>> = {
  neverPlayed: { filter: {}, neverPlayed: true, sort: 'added', dir: 'desc' },
  mostPlayed: { filter: {}, minPlays: 1, sort: 'plays', dir: 'desc', limit: 100 }
}
