// The text rules that the core, the bridge schemas and the renderer must apply alike:
// one home, so the name the renderer shows after an edit is the name the core stored.
// Everything here is pure and locale-agnostic on purpose: the same library must sort and
// match the same way on every machine, whatever the OS language (toLowerCase() without a
// locale, no Intl.Collator, no localeCompare).

/** NFC, trimmed, inner whitespace collapsed. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim()
}

// Tags are names people type; control and format characters would make two tags look
// identical while being different rows.
const TAG_JUNK = /[\p{Cc}\p{Cf}\p{Cs}]/gu
/** The most characters (code points, not UTF-16 units) a tag name keeps. */
export const TAG_MAX_LENGTH = 64

/** A user tag's display form, or null when nothing usable is left. */
export function cleanTagName(name: string): string | null {
  const cleaned = cleanText(name.replace(TAG_JUNK, ''))
  if (cleaned === '') return null
  return Array.from(cleaned).slice(0, TAG_MAX_LENGTH).join('').trim()
}

/** Identity of a user tag: `Chill` and `chill` are one tag (NFC lower-case). */
export function tagKey(name: string): string {
  return (cleanTagName(name) ?? '').toLowerCase().normalize('NFC')
}

/** Sorts names the way listTags and rows show them: case-insensitive, then exact. */
export function compareNames(a: string, b: string): number {
  const ka = a.toLowerCase()
  const kb = b.toLowerCase()
  if (ka !== kb) return ka < kb ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** A playlist name as it is stored and shown: NFC, trimmed, inner whitespace collapsed to
 * one space. '' means there is no name. The bridge schema, the core (for the CLI and
 * rebuild) and the renderer's dialogs all apply this one rule. */
export function cleanPlaylistName(name: string): string {
  return cleanText(name)
}
