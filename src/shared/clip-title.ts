import type { Undoable } from './undo'

// The user's own title and note for a clip (issue 13, "tell the two takes apart"). The
// gateway's title is never overwritten: the user's title sits beside it, and everything
// that shows a clip's name shows `displayTitle` — list rows, covers, the player, the
// queue, lineage, tasks, playlists, type-ahead, title sort and the mp3's ID3 title. One
// home for the rule, and for the cleaning both the bridge schema and the CLI apply.

/** The most characters (code points) a user's title keeps. */
export const USER_TITLE_MAX = 200
/** The most characters (code points) a note keeps. */
export const NOTE_MAX = 2000

// Control and format characters (terminal escapes, bidi overrides, zero-width joins) would
// make a title look like another one or rewrite a terminal; a note keeps line breaks and tabs.
const TITLE_JUNK = /[\p{Cc}\p{Cf}\p{Cs}]/gu
const NOTE_JUNK = /[\p{Cf}\p{Cs}]|[^\P{Cc}\n\t]/gu

/** The title a clip is shown with: the user's when there is one, else the gateway's. */
export function displayTitle(gatewayTitle: string, userTitle: string | null | undefined): string {
  return userTitle == null || userTitle === '' ? gatewayTitle : userTitle
}

/** Length in code points, the unit the limits above count. */
export function textLength(value: string): number {
  let n = 0
  for (const _ of value) n++
  return n
}

/** A typed title as it is stored: NFC, junk removed, whitespace collapsed and trimmed.
 * '' means "no title of my own" (back to the gateway's). */
export function cleanUserTitle(value: string): string {
  return value.normalize('NFC').replace(TITLE_JUNK, ' ').replace(/\s+/gu, ' ').trim()
}

/** A typed note as it is stored: NFC, junk removed, trailing spaces of each line and blank
 * lines at either end dropped. '' means "no note". */
export function cleanNote(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/gu, '\n')
    .replace(NOTE_JUNK, '')
    .replace(/[ \t]+$/gmu, '')
    .replace(/^\n+|\n+$/gu, '')
}

/** At most `max` code points of a text (the bridge refuses longer ones; a hand-edited
 * sidecar is cut instead). */
function limited(value: string, max: number): string {
  return textLength(value) <= max ? value : Array.from(value).slice(0, max).join('').trimEnd()
}

/** The user title to store for a typed one: null when it is empty or the gateway's own. */
export function storedUserTitle(gatewayTitle: string, typed: string): string | null {
  const clean = limited(cleanUserTitle(typed), USER_TITLE_MAX)
  return clean === '' || clean === gatewayTitle ? null : clean
}

/** The note to store for a typed one: null when nothing is left. */
export function storedNote(typed: string): string | null {
  const clean = limited(cleanNote(typed), NOTE_MAX)
  return clean === '' ? null : clean
}

/** What renameClip and setClipNote answer: `changed` is 0 when it already was so. */
export interface ClipTextResult extends Undoable {
  changed: number
  /** The title the clip is now shown with, the gateway's when it was renamed, and the note. */
  title: string
  originalTitle: string | null
  note: string | null
}
